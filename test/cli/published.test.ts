/**
 * `ita audit --published`: the figures file is checked against the shipped JSON Schema
 * and against the rules before anything is audited; exit 0 agree, 1 findings, 2 unusable.
 */
import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";
import { tempDir } from "../support/temp-dir.js";

const SCORES = "examples/khlong-phon-2568/scores.csv";
const tmp = tempDir("ita-published-");

async function ita(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  } catch (e) {
    // A crash is what these tests are about: report it as a stack trace on stderr.
    return { code: -1, out: out.join("\n"), err: String((e as Error).stack) };
  }
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The seed's figures as `ita score --json` prints them: they agree with the rules by construction. */
async function ownFigures(): Promise<Record<string, unknown>> {
  return JSON.parse((await ita("score", SCORES, "--json")).out) as Record<string, unknown>;
}

function published(name: string, content: unknown): string {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

async function audit(name: string, content: unknown, ...more: string[]) {
  return ita("audit", SCORES, "--published", published(name, content), ...more);
}

describe("ita audit --published", () => {
  it("exits 0 when every figure agrees, as with the output of ita score --json", async () => {
    const r = await audit("own.json", await ownFigures());
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /every published figure agrees with the rules/);
  });

  it("exits 1 with findings on the seed's published report", async () => {
    const r = await ita("audit", SCORES, "--published", "examples/khlong-phon-2568/published.json");
    assert.equal(r.code, 1);
    assert.match(r.out, /indicator 3: published 98\.86 but the rules give 100\.00/);
  });

  it("takes null anywhere as a figure not published and audits the rest", async () => {
    const figures = await ownFigures();
    const indicators = figures["indicators"] as Record<string, unknown>;
    const r = await audit("nulls.json", {
      ...figures,
      total: null,
      rating: null,
      tools: { IIT: null, OIT: 90 },
      indicators: { ...indicators, "3": null, "4": { score: null, pass: null }, "10": { score: 80, pass: "ผ่านเกณฑ์" } },
    });
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /indicator 10: a score of 80\.00 means "does not meet the criterion"/);
    assert.doesNotMatch(r.out, /total|indicator 3|indicator 4/);
  });

  it("accepts a file that starts with a UTF-8 byte-order mark", async () => {
    const r = await audit("bom.json", `\uFEFF${JSON.stringify(await ownFigures())}`);
    assert.equal(r.code, 0, r.err);
  });

  it("says which rules year it audits against when --rules is not given", async () => {
    const r = await audit("year.json", await ownFigures());
    assert.match(
      r.out.split("\n")[0]!,
      /^ตรวจตามเกณฑ์ปี 2568 .* \/ audited against the 2568 rules, the latest bundled year, as no --rules was given$/,
    );
  });

  it("names the rules it audits against when --rules is given", async () => {
    const r = await audit("year2.json", await ownFigures(), "--rules", "2568");
    assert.match(r.out.split("\n")[0]!, /audited against the 2568 rules \(2568\)$/);
  });

  const unusable: [string, unknown, string][] = [
    ["a score written as text", { total: "abc" }, "$.total: ต้องเป็นตัวเลข"],
    [
      "a score in Thai digits in quotes",
      { indicators: { "1": { score: "๙๓.๖๐" } } },
      '$.indicators["1"].score: ต้องเป็นตัวเลข',
    ],
    ["a rating given as a number", { rating: 5 }, "$.rating: ต้องเป็นข้อความ"],
    ["an empty object", {}, "$: ไม่มีตัวเลขที่ประกาศให้ตรวจ"],
    ["figures that are all null", { total: null, indicators: { "1": null } }, "$: ไม่มีตัวเลขที่ประกาศให้ตรวจ"],
    ["a list instead of an object", [1, 2, 3], "$: ต้องเป็นออบเจกต์ JSON"],
    [
      "an indicator the rules do not have",
      { indicators: { "11": { score: 90 } } },
      '$.indicators["11"]: ไม่มีตัวชี้วัด "11" ในเกณฑ์ปี 2568',
    ],
    ["a tool the rules do not have", { tools: { XYZ: 90 } }, '$.tools.XYZ: ไม่มีแบบวัด "XYZ" ในเกณฑ์ปี 2568'],
    ["tools as a list matched by position", { tools: [90, 91] }, "$.tools: ต้องเป็นออบเจกต์ที่ใช้รหัสแบบวัดเป็นคีย์"],
    [
      "indicators as a list matched by position",
      { indicators: [{ score: 98.67 }, { score: 98.86 }] },
      "$.indicators: ต้องเป็นออบเจกต์ที่ใช้รหัสตัวชี้วัดเป็นคีย์",
    ],
    [
      "a pass label the rules do not use",
      { indicators: { "1": { score: 98.67, pass: "yes" } } },
      '$.indicators["1"].pass: "yes" ไม่ใช่ผลที่เกณฑ์ใช้',
    ],
    ["a rating the rules do not have", { rating: "ดีมาก" }, '$.rating: ไม่มีระดับ "ดีมาก" ในเกณฑ์ปี 2568'],
    ["a misspelt key", { totl: 93.6 }, '$.totl: ไม่รู้จักคีย์ "totl"'],
    ["a score above 100", { total: 120 }, "$.total: ต้องอยู่ระหว่าง 0 ถึง 100"],
    ["figures of another year", { year: 2567, total: 93.6 }, "$.year: ตัวเลขเป็นของปี 2567 แต่ตรวจด้วยเกณฑ์ปี 2568"],
    ["text that is not JSON", "{ total: 93.6 }", "ไม่ใช่ JSON ที่ถูกต้อง / not valid JSON"],
  ];
  unusable.forEach(([what, content, message], k) => {
    it(`refuses ${what} with exit 2 and one bilingual line naming the place`, async () => {
      const r = await audit(`bad-${k}.json`, content);
      assert.equal(r.code, 2, r.err);
      const lines = r.err.split("\n");
      assert.equal(lines.length, 1, r.err);
      assert.ok(lines[0]!.startsWith(join(tmp, `bad-${k}.json`)), lines[0]);
      assert.ok(lines[0]!.includes(message), lines[0]);
      assert.match(lines[0]!, /[\u0E00-\u0E7F].* \/ [^\u0E00-\u0E7F]*[a-z]/, "Thai, then an English half");
      assert.equal(r.out, "", "nothing audited");
    });
  });

  it("lists every problem of a file, one line each", async () => {
    const r = await audit("many.json", { total: "abc", rating: 5, tools: { XYZ: 1 } });
    assert.equal(r.code, 2);
    // Structure first: the ids are checked once the structure is sound.
    assert.deepEqual(
      r.err.split("\n").map((l) => l.split(": ")[1]),
      ["$.total", "$.rating"],
    );
  });

  it("refuses a file it cannot read in one line", async () => {
    const r = await ita("audit", SCORES, "--published", tmp);
    assert.equal(r.code, 2);
    assert.equal(r.err, `${tmp} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ / ${tmp} is a folder, not a file`);
  });
});
