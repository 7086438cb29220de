export { rulesLexer, Identifier, NumberLiteral, Total as Kw_total } from "../../src/dsl/tokens.js";
