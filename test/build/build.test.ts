import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";
import { ErrorCode, MINI } from "../functions/support.js";
import { validateManifest } from "../../scripts/validate-manifest.js";
// @ts-expect-error -- webpack.config.js is plain ESM JavaScript without types
import { localiseMetadata } from "../../webpack.config.js";

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
}

const require = createRequire(import.meta.url);
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata") as {
  generateCustomFunctionsMetadata(
    inputs: string[],
    wantConsoleOutput?: boolean,
  ): Promise<{ metadataJson: string; errors: string[] }>;
};
const read = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;
const THAI = /[\u0E00-\u0E7F]/;
const IDS = ["TOTAL", "RATING", "BAND", "TOOL", "INDICATOR", "PASS", "INDICATORS", "RESULT", "GAP", "QUESTION"];

describe("production build", function () {
  // A whole webpack build: minutes on a loaded machine (2 cores shared by several builds).
  this.timeout(360000);
  let built: { functions: Fn[] };
  let thai: { functions: Fn[] };

  before(() => {
    const r = spawnSync("npx", ["webpack", "--mode", "production"], { encoding: "utf8" });
    assert.equal(r.status, 0, `webpack failed:\n${r.stdout}\n${r.stderr}`);
    built = read("dist/functions.json");
    thai = read("dist/functions-th.json");
  });

  it("emits the page, the scripts, both metadata files, the icons and the manifest", () => {
    for (const f of [
      "taskpane.html",
      "runtime.js",
      "common.js",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "functions-th.json",
      "manifest.xml",
      "assets/icon-32.png",
    ]) {
      assert.ok(existsSync(`dist/${f}`), `dist/${f} missing`);
    }
  });

  it("functions.json has every function of the source JSDoc with the same parameters", async () => {
    const source = JSON.parse((await generateCustomFunctionsMetadata(["src/functions/functions.ts"])).metadataJson) as {
      functions: Fn[];
    };
    assert.deepEqual(source.functions.map((f) => f.id).sort(), [...IDS].sort());
    assert.deepEqual(built.functions.map((f) => f.id).sort(), source.functions.map((f) => f.id).sort());
    for (const f of source.functions) {
      const b = built.functions.find((x) => x.id === f.id)!;
      assert.deepEqual(
        b.parameters.map((p) => [p.name, p.type, p.dimensionality ?? "scalar", !!p.optional]),
        f.parameters.map((p) => [p.name, p.type, p.dimensionality ?? "scalar", !!p.optional]),
        f.id,
      );
      assert.deepEqual(b.result, f.result, f.id);
    }
  });

  it("makes rules and every argument after it optional everywhere and declares no volatile function", () => {
    for (const f of built.functions) {
      const at = f.parameters.findIndex((p) => p.name === "rules");
      assert.ok(at >= 0, `${f.id} takes rules`);
      for (const p of f.parameters.slice(at)) assert.equal(p.optional, true, `${f.id}(${p.name})`);
      assert.ok(!(f as { options?: { volatile?: boolean } }).options?.volatile, f.id);
    }
  });

  it("spills INDICATORS (and RESULT, its old name) and GAP as matrices", () => {
    for (const id of ["INDICATORS", "RESULT", "GAP"])
      assert.equal(built.functions.find((f) => f.id === id)!.result.dimensionality, "matrix");
  });

  it("functions-th.json has the same functions and parameters, each with Thai text", () => {
    assert.deepEqual(
      thai.functions.map((f) => [f.id, f.name]),
      built.functions.map((f) => [f.id, f.name]),
    );
    for (const f of thai.functions) {
      const b = built.functions.find((x) => x.id === f.id)!;
      assert.match(f.description, THAI, f.id);
      assert.deepEqual(
        f.parameters.map((p) => p.name),
        b.parameters.map((p) => p.name),
        f.id,
      );
      for (const p of f.parameters) assert.match(p.description ?? "", THAI, `${f.id}(${p.name})`);
    }
  });

  it("passes the offline manifest check against what it emitted", async () => {
    assert.deepEqual(await validateManifest(readFileSync("manifest.xml", "utf8"), { distDir: "dist" }), []);
  });

  it("loads nothing but Office.js from the network", () => {
    const html = readFileSync("dist/taskpane.html", "utf8");
    const remote = [...html.matchAll(/(?:src|href)=["']?(https?:\/\/[^"' >]+)/g)].map((m) => m[1]);
    assert.deepEqual(remote, ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });

  it("shares one module instance between the task pane and the functions (one runtime)", async () => {
    const html = readFileSync("dist/taskpane.html", "utf8");
    const scripts = [...html.matchAll(/<script defer src=["']?([^"' >]+)/g)].map((m) => m[1]!);
    assert.deepEqual(scripts, ["runtime.js", "common.js", "taskpane.js", "functions.js"]);
    class StubError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const associated: Record<string, (...args: unknown[]) => unknown> = {};
    let recalculated: () => void = () => {};
    const loaded = new Promise<void>((resolve) => (recalculated = resolve));
    const excelContext = {
      workbook: {
        settings: {
          load() {},
          items: [{ key: "ITA.rules:saved mini", value: MINI }],
          getItemOrNullObject: (key: string) => {
            const item = excelContext.workbook.settings.items.find((s) => s.key === key);
            return { load() {}, isNullObject: !item, value: item?.value };
          },
        },
      },
      application: { calculate: () => recalculated() },
      sync: async () => {},
    };
    let ready: Promise<unknown> = Promise.resolve();
    // Lazy chunks (the rules parser) load as the browser would: a script element appended to the head runs the file.
    interface Script {
      src?: string;
      onload?: (e: { type: string; target: Script }) => void;
    }
    const document = {
      getElementById: () => null,
      getElementsByTagName: () => [],
      createElement: (): Script & Record<string, unknown> => ({ setAttribute: () => undefined }),
      head: {
        appendChild: (script: Script) =>
          setTimeout(() => {
            vm.runInContext(readFileSync(`dist/${script.src}`, "utf8"), context, { filename: script.src });
            script.onload?.({ type: "load", target: script });
          }),
      },
    };
    const sandbox: Record<string, unknown> = {
      console,
      setTimeout,
      clearTimeout,
      document,
      Office: {
        HostType: { Excel: "Excel" },
        onReady: (cb: (info: { host: string }) => unknown) => (ready = Promise.resolve(cb({ host: "Excel" }))),
      },
      Excel: { run: async (cb: (c: unknown) => unknown) => cb(excelContext), CalculationType: { full: "Full" } },
      CustomFunctions: {
        associate: (id: string, fn: (...a: unknown[]) => unknown) => (associated[id] = fn),
        Error: StubError,
        ErrorCode,
      },
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    const context = vm.createContext(sandbox);
    for (const s of scripts) vm.runInContext(readFileSync(`dist/${s}`, "utf8"), context, { filename: s });
    await ready;
    assert.deepEqual(Object.keys(associated).sort(), [...IDS].sort());
    // The pane registered the workbook's saved rules; the functions see them.
    const table = [
      ["IIT", "i1", 90],
      ["IIT", "i2", 80],
      ["IIT", "q6", 100],
      ["EIT", "q6", 90],
      ["OIT", "o1", 80],
    ];
    // Start-up registers the name only; the first use reads the text and loads the parser, then Excel recalculates.
    assert.throws(() => associated.TOTAL!(table, "saved mini"), /loading rules saved mini/);
    await loaded;
    assert.equal(associated.TOTAL!(table, "saved mini"), 86.75);
  });

  describe("the start-up scripts of the add-in's page (runtime, common, taskpane, functions)", () => {
    const STARTUP = ["runtime.js", "common.js", "taskpane.js", "functions.js"];
    const holding = (needle: string): string[] =>
      readdirSync("dist").filter((f) => f.endsWith(".js") && readFileSync(`dist/${f}`, "utf8").includes(needle));
    // Each needle is first found in some emitted chunk, so the search cannot pass by looking for the wrong thing.
    const lazyOnly = (what: string, needle: string): void => {
      const files = holding(needle);
      assert.ok(files.length > 0, `${what} (${needle}) is in no emitted chunk`);
      assert.deepEqual(
        files.filter((f) => STARTUP.includes(f)),
        [],
        `${what} is in a start-up script`,
      );
    };

    it("hold no rules text: question texts and guidance come in a chunk loaded after the first screen", () => {
      const e1 = /question e1 "([^"]+)"/.exec(readFileSync("rules/ita-2568.ita", "utf8"))![1]!;
      lazyOnly("the text of question e1 of the 2568 rules", e1);
    });

    it("hold no chevrotain: the rules parser is a chunk loaded when rules are checked or edited", () => {
      lazyOnly("chevrotain's parser errors", "MismatchedTokenException");
    });

    it("hold neither the in-memory workbook nor the preview page's code", () => {
      lazyOnly("the in-memory workbook's circular-reference message", "การอ้างอิงวนกลับ / circular reference");
      assert.ok(!readFileSync("dist/taskpane.html", "utf8").includes("preview"));
    });

    it("keep the pane's own start-up (runtime, common, taskpane) within 150 KB minified", () => {
      const kb = ["runtime.js", "common.js", "taskpane.js"].reduce((n, f) => n + statSync(`dist/${f}`).size, 0) / 1024;
      assert.ok(kb <= 150, `${kb.toFixed(1)} KB`);
    });

    it("keep the custom functions' start-up (runtime, common, functions) within 100 KB minified", () => {
      const kb = ["runtime.js", "common.js", "functions.js"].reduce((n, f) => n + statSync(`dist/${f}`).size, 0) / 1024;
      assert.ok(kb <= 100, `${kb.toFixed(1)} KB`);
    });
  });
});

describe("Thai function help (webpack localiseMetadata)", () => {
  const metadata = {
    functions: [
      {
        id: "TOTAL",
        name: "TOTAL",
        description: "Total",
        parameters: [{ name: "scores" }, { name: "rules" }],
        result: {},
      },
    ],
  };
  it("fills Thai descriptions and keeps ids, names and types", () => {
    const { metadata: th, problems } = localiseMetadata(metadata, {
      TOTAL: { description: "คะแนนรวม", parameters: { scores: "ตาราง", rules: "เกณฑ์" } },
    });
    assert.deepEqual(problems, []);
    assert.equal(th.functions[0].description, "คะแนนรวม");
    assert.deepEqual(th.functions[0].parameters, [
      { name: "scores", description: "ตาราง" },
      { name: "rules", description: "เกณฑ์" },
    ]);
  });
  it("fails when a function or a parameter lacks its Thai text", () => {
    assert.deepEqual(
      localiseMetadata(metadata, { TOTAL: { description: "คะแนนรวม", parameters: { scores: "ตาราง" } } }).problems,
      ["TOTAL(rules): no Thai parameter help"],
    );
    assert.deepEqual(localiseMetadata(metadata, {}).problems, [
      "TOTAL: no Thai description",
      "TOTAL(scores): no Thai parameter help",
      "TOTAL(rules): no Thai parameter help",
    ]);
  });
  it("fails on Thai text for a function or parameter that does not exist", () => {
    const { problems } = localiseMetadata(metadata, {
      TOTAL: { description: "ก", parameters: { scores: "ก", rules: "ก", year: "ปี" } },
      TOTL: { description: "ก", parameters: {} },
    });
    assert.deepEqual(problems, [
      "TOTAL(year): Thai help for a parameter the function does not have",
      "TOTL: Thai entry for a function that does not exist",
    ]);
  });
  it("the checked-in functions.th.json covers every function of the source", async () => {
    const source = JSON.parse((await generateCustomFunctionsMetadata(["src/functions/functions.ts"])).metadataJson);
    assert.deepEqual(localiseMetadata(source, read("src/functions/functions.th.json")).problems, []);
  });
});
