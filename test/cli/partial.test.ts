import { strict as assert } from "node:assert";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";
import { tempDir } from "../support/temp-dir.js";

async function ita(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = tempDir("ita-partial-");
// The seed's OIT items (real figures from its report), without IIT or EIT.
const oitOnly = join(tmp, "oit.csv");
writeFileSync(
  oitOnly,
  readFileSync("examples/khlong-phon-2568/oit-items.csv", "utf8")
    .split("\n")
    .filter((l) => /^(tool|OIT),/.test(l))
    .join("\n"),
);

describe("ita score on partial data", () => {
  it("OIT items only: gives OIT and says the total and rating need IIT and EIT", async () => {
    const r = await ita("score", oitOnly);
    assert.equal(r.code, 0);
    assert.match(r.out, /OIT\s+40%\s+93\.33/);
    assert.match(r.out, /the total and rating cannot be computed yet: they need IIT, EIT1 and EIT2/);
    assert.match(r.err, /^note: IIT: /m);
  });

  it("--json gives a null total and rating and what is missing", async () => {
    const j = JSON.parse((await ita("score", oitOnly, "--json")).out) as Record<string, unknown>;
    assert.equal(j.total, null);
    assert.equal(j.rating, null);
    assert.deepEqual(j.missing, {
      tools: ["IIT", "EIT1", "EIT2"],
      indicators: ["1", "2", "3", "4", "5", "6", "7", "8"],
    });
  });

  it("lists the items worth the most points first", async () => {
    const j = JSON.parse((await ita("score", oitOnly, "--json")).out) as {
      openPoints: { question: string; points: number }[];
    };
    // o23 = 0 and o14 = 50 in the seed's report: at 100, o23 would add 1.67 points and o14 1.00.
    assert.deepEqual(
      j.openPoints.map((x) => x.question),
      ["o23", "o14"],
    );
  });

  it("--assume gives the missing tools' scores: the expected total and rating", async () => {
    // IIT, EIT1, EIT2 as the seed published them (99.24, 92.19, 93.33).
    const r = await ita("score", oitOnly, "--assume", "IIT=99.24", "--assume", "EIT1=92.19", "--assume", "EIT2=93.33");
    assert.match(r.out, /assumed: IIT 99\.24, EIT1 92\.19, EIT2 93\.33/);
    assert.match(r.out, /คะแนนรวม \(total\) 94\.93 {2}ระดับผลการประเมิน \(rating\) ผ่านดี/);
  });

  it("refuses an --assume that is not TOOL=score, naming the tools", async () => {
    const r = await ita("score", oitOnly, "--assume", "XYZ=90");
    assert.equal(r.code, 2);
    assert.match(r.err, /must be TOOL=score 0–100, e\.g\. IIT=95 \(tools: IIT, EIT1, EIT2, OIT\)/);
  });
});
