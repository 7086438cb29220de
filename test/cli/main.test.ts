import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";
import { MINI } from "../support/rules.js";
import { tempDir } from "../support/temp-dir.js";

async function ita(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = tempDir("ita-cli-");
const file = (name: string, text: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe("ita command line", () => {
  it("check: prints file:line:col: error CODE: message and exits 1", async () => {
    const bad = file("bad.ita", MINI.replace("weight 40 mean", "weight 30 mean"));
    const r = await ita("check", bad);
    assert.equal(r.code, 1);
    assert.equal(
      r.err,
      `${bad}:10:36: error ITA-C001: น้ำหนักของแบบวัดรวมกันได้ 90 ต้องเท่ากับ 100 / tool weights add up to 90, they must add up to 100`,
    );
  });

  it("check: exits 0 on a sound file", async () => {
    assert.equal((await ita("check", "rules/ita-2568.ita")).code, 0);
  });

  it("score: prints the seed's indicator table with total and rating", async () => {
    const r = await ita("score", "examples/khlong-phon-2568/scores.csv");
    assert.equal(r.code, 0);
    assert.match(r.out, /^3 +IIT +การใช้อำนาจ +100\.00 +ผ่านเกณฑ์$/m);
    assert.match(r.out, /คะแนนรวม \(total\) 93\.60 +ระดับผลการประเมิน \(rating\) ผ่านดี/);
  });

  it("score --json: gives total, rating, tools and indicators", async () => {
    const r = await ita("score", "examples/khlong-phon-2568/scores.csv", "--json");
    const j = JSON.parse(r.out) as {
      total: number;
      rating: string;
      tools: Record<string, number>;
      indicators: Record<string, { score: number; pass: boolean }>;
    };
    assert.equal(j.total, 93.6);
    assert.equal(j.rating, "ผ่านดี");
    assert.deepEqual(j.tools, { IIT: 99.24, EIT1: 92.19, EIT2: 93.33, OIT: 90 });
    assert.deepEqual(j.indicators["10"], { score: 80, pass: false, result: "ไม่ผ่านเกณฑ์" });
  });

  it("score --rules 2565: rates by the letter bands, with no result column", async () => {
    const rows = [
      "tool,question,score",
      ...Array.from({ length: 15 }, (_, k) => `IIT,i${k + 1},90`),
      ...Array.from({ length: 15 }, (_, k) => `EIT,e${k + 1},90`),
      "OIT,9,90",
      "OIT,10,90",
    ];
    const r = await ita("score", file("s2565.csv", rows.join("\n")), "--rules", "2565", "--json");
    const j = JSON.parse(r.out) as { rating: string; indicators: Record<string, unknown> };
    assert.equal(j.rating, "A");
    assert.deepEqual(j.indicators["9"], { score: 90 });
  });

  it("score: names the file and line of a bad score and computes nothing", async () => {
    const csv = file("bad.csv", "tool,question,score\nIIT,i1,90\nIIT,i2,abc\nOIT,o1,90\n");
    const r = await ita("score", csv, "--rules", file("mini.ita", MINI));
    assert.equal(r.code, 2);
    assert.match(r.err, new RegExp(`${csv}:3: IIT i2: "abc" ไม่ใช่ตัวเลข / "abc" is not a number`));
  });

  it("score: rejects unknown rules with the years it has", async () => {
    const r = await ita("score", "examples/khlong-phon-2568/scores.csv", "--rules", "2570");
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown rules 2570 \(bundled: 2562, 2563, 2564, 2565, 2566, 2567, 2568\)/);
  });

  it("audit: lists the seed's figures that do not add up and exits 1", async () => {
    const r = await ita(
      "audit",
      "examples/khlong-phon-2568/scores.csv",
      "--published",
      "examples/khlong-phon-2568/published.json",
    );
    assert.equal(r.code, 1);
    assert.match(r.out, /indicator 3: published 98\.86 but the rules give 100\.00/);
    assert.match(r.out, /indicator 10: a score of 80\.00 means "does not meet the criterion"/);
  });

  it("format: prints a file that parses to the same rules", async () => {
    const r = await ita("format", "test/fixtures/mini.ita");
    assert.equal(r.code, 0);
    assert.match(r.out, /^tool IIT "ภายใน" "Internal" weight 60 mean of indicators$/m);
  });

  it("format: prints the bundled 2568 rules exactly as they are on disk", async () => {
    const r = await ita("format", "rules/ita-2568.ita");
    assert.equal(r.code, 0);
    assert.equal(`${r.out}\n`, readFileSync("rules/ita-2568.ita", "utf8"));
  });

  it("reports a missing file in one line without a stack trace", async () => {
    const r = await ita("score", "nope.csv");
    assert.equal(r.code, 2);
    assert.equal(r.err, "ไม่พบไฟล์ nope.csv / file not found: nope.csv");
  });

  it("runs as the installed `ita` binary", function () {
    if (!existsSync("lib/cli/process.js")) execFileSync("npm", ["run", "build:cli"], { stdio: "ignore" });
    const r = spawnSync("node", ["bin/ita.js", "score", "examples/khlong-phon-2568/scores.csv", "--json"], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).total, 93.6);
  });
});
