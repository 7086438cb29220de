/**
 * The lint rule that keeps src/ in shape (eslint.config.js): outside a folder with
 * doors only its doors are imported, layers import one way, and the custom
 * functions' bundle stays free of the parser. Each case lints a snippet as if it
 * were a file at the given place; nothing is written to src/.
 */
import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import { ESLint } from "eslint";
// @ts-expect-error -- eslint.config.js is plain ESM JavaScript without types
import { LAYERS } from "../../eslint.config.js";

const eslint = new ESLint();

/** The import-rule messages ESLint gives `code` placed at `filePath`. */
async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
    .map((m) => m.message);
}

describe("the lint rule on imports between src/ folders", function () {
  this.timeout(60000);

  it("refuses a lower layer importing a higher one: the rules language importing the engine", async () => {
    const problems = await importProblems(
      "src/dsl/virtual.ts",
      'import { compile } from "../engine/index.js";\nexport const c = compile;\n',
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /Layers run one way .*src\/dsl may not import the higher src\/engine/);
  });

  it("refuses a module behind a folder's doors and accepts the doors themselves", async () => {
    const inside = await importProblems(
      "src/taskpane/wizard/virtual.ts",
      'import { parseText } from "../../dsl/parse.js";\nimport { evaluate } from "../../engine/evaluate.js";\nexport { parseText, evaluate };\n',
    );
    assert.deepEqual(inside, [
      "'../../dsl/parse.js' import is restricted from being used by a pattern. Outside src/dsl, import only its doors: dsl/index.ts or dsl/runtime.ts.",
      "'../../engine/evaluate.js' import is restricted from being used by a pattern. Outside src/engine, import only its doors: engine/index.ts or engine/scoring.ts.",
    ]);
    const doors = await importProblems(
      "src/taskpane/wizard/virtual.ts",
      'import { parseRules } from "../../dsl/index.js";\nimport { formatFixed } from "../../dsl/runtime.js";\nimport { evaluate } from "../../engine/scoring.js";\nimport { audit } from "../../engine/index.js";\nexport { parseRules, formatFixed, evaluate, audit };\n',
    );
    assert.deepEqual(doors, []);
  });

  it("refuses the parser's doors in the custom functions, except where the parser is loaded on demand", async () => {
    const code = 'import { loadRulesText } from "../engine/index.js";\nexport const l = loadRulesText;\n';
    const [problem] = await importProblems("src/functions/virtual.ts", code);
    assert.match(problem!, /custom functions' bundle must not carry the parser/);
    assert.deepEqual(await importProblems("src/functions/register-rules.ts", code), []);
  });

  it("refuses a dynamic import() into a higher layer too", async () => {
    const problems = await importProblems(
      "src/report/virtual.ts",
      'export const m = () => import("../cli/main.js");\n',
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /src\/report may not import the higher src\/cli/);
  });

  it("knows every folder of src/, so a new folder cannot escape the layers", () => {
    const folders = readdirSync("src", { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    assert.deepEqual([...(LAYERS as string[][]).flat()].sort(), folders);
  });
});
