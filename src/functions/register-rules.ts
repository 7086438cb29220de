/**
 * The rules parser for the custom functions, handed over as this module loads:
 * rules saved in the workbook are compiled with it (cached per text by the engine).
 * The pane's rules store and checker import it (the store on demand, when it saves
 * or lists rules); the functions' own bundle does not, and imports it on demand only
 * if workbook rules are asked for before the pane registered any. Registering goes
 * through the registry itself (rules.ts).
 */
import { loadRulesText } from "../engine/index.js";
import { useRulesCompiler } from "./rules.js";

useRulesCompiler(loadRulesText);
