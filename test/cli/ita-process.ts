/**
 * The `ita` process from the sources, for tests that need a real process (signals,
 * a closed pipe): what bin/ita.js runs from lib/, without a build step.
 */
import { runProcess } from "../../src/cli/process.js";

await runProcess(process.argv.slice(2));
