import { strict as assert } from "node:assert";
import { parseRules } from "../../src/dsl/index.js";
import { MINI, miniWith, codes, only } from "../support/rules.js";

describe("checker", () => {
  it("builds a model from a file with no error", () => {
    const r = parseRules(MINI);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.model?.tools.length, 2);
  });

  it("ITA-C001: reports tool weights that do not add up to 100, at the first weight", () => {
    const d = only(miniWith("weight 40 mean", "weight 30 mean"), "ITA-C001");
    assert.match(d.en, /add up to 90/);
    assert.equal(d.line, 10);
  });

  it("ITA-C002: reports a duplicate tool id with the line of the first one", () => {
    const d = only(miniWith("tool OIT", "tool IIT"), "ITA-C002");
    assert.match(d.en, /already declared on line 10/);
  });

  it("ITA-C003: reports a question naming an unknown scale", () => {
    const d = only(miniWith("scale yesno reversed", "scale yesnox reversed"), "ITA-C003");
    assert.match(d.th, /yesnox/);
  });

  it("ITA-C003: reports a rating condition naming an unknown tool", () => {
    const text = miniWith('"ผ่าน" when total >= 85', '"ผ่าน" when total >= 85 and tool XYZ >= 50');
    assert.match(only(text, "ITA-C003").en, /unknown tool "XYZ"/);
  });

  it("ITA-C004: reports a question twice in one tool across indicators", () => {
    const text = miniWith(
      '    question o1 "โครงสร้าง"',
      '    question o1 "โครงสร้าง"\n  }\n  subindicator 9.2 "x" {\n    question o1 "ซ้ำ"',
    ).replace(
      'indicator 9 "เปิดเผย" tool OIT mean of subindicators',
      'indicator 9 "เปิดเผย" tool OIT mean of subindicators',
    );
    // Same id in another sub-indicator of the same indicator is a duplicate question of that indicator.
    assert.ok(codes(text).includes("ITA-C002"));
    const across = miniWith('question i2 "ข้อ 2"', 'question o1 "ข้อ 2"').replace(
      "tool IIT mean of questions",
      "tool OIT mean of questions",
    );
    assert.match(only(across, "ITA-C004").en, /question o1 appears twice in tool OIT/);
  });

  it("ITA-C005: reports a tool that no indicator measures", () => {
    const text = miniWith("tool OIT", 'tool EIT "ภายนอก" weight 0\ntool OIT');
    assert.match(only(text, "ITA-C005").en, /tool EIT has no indicator/);
  });

  it("ITA-C006: reports an indicator with no question", () => {
    const text = miniWith(
      "total weighted mean of tools",
      'total weighted mean of tools\nindicator 2 "ว่าง" tool IIT {\n}',
    );
    assert.match(only(text, "ITA-C006").en, /indicator 2 has no question/);
  });

  it("ITA-C007: reports a gap between rating rows, naming the uncovered totals", () => {
    const d = only(miniWith("70 - 84.99", "70 - 84.90"), "ITA-C007");
    assert.match(d.en, /84\.91–84\.99/);
  });

  it("ITA-C008: reports two rows claiming the same totals", () => {
    const d = only(miniWith("70 - 84.99", "70 - 85"), "ITA-C008");
    assert.match(d.en, /overlaps "ผ่าน" at 85\.00–85\.00/);
  });

  it("ITA-C009: reports a rating row earlier rows always pre-empt", () => {
    const text = miniWith(
      '"ผ่านดี" when total >= 85 and every tool >= 85',
      '"ผ่านดี" when total >= 96 and every tool >= 96',
    );
    assert.match(only(text, "ITA-C009").th, /ผ่านดี/);
  });

  it("ITA-C010: reports a pass threshold above 100", () => {
    assert.match(only(miniWith("pass at 85", "pass at 185"), "ITA-C010").en, /outside 0–100/);
  });

  it("ITA-C011: reports a second rounding line", () => {
    const text = miniWith("total weighted", "rounding 1 decimals half-up\ntotal weighted");
    assert.match(only(text, "ITA-C011").en, /rounding must be stated exactly once/);
  });

  it("ITA-C012: reports a method that does not fit its level", () => {
    const d = only(miniWith("weight 60% mean of indicators", "weight 60% mean of questions"), "ITA-C012");
    assert.match(d.en, /must be a mean of indicators/);
  });

  it("ITA-C013: reports an indicator mixing sub-indicators and questions", () => {
    const text = miniWith('  plan "ประเด็น"', '  question o9 "ตรง"\n  plan "ประเด็น"');
    assert.ok(codes(text).includes("ITA-C013"));
  });

  it("ITA-C014: reports a weighted mean whose children lack weights", () => {
    const text = miniWith("tool IIT mean of questions", "tool IIT weighted mean of questions");
    assert.equal(codes(text).filter((c) => c === "ITA-C014").length, 2);
  });

  it("ITA-C015: reports an answer listed twice in a scale", () => {
    assert.match(only(miniWith('"ไม่มี" code 0', '"มี" code 0'), "ITA-C015").en, /"มี" twice/);
  });

  it("ITA-C016: reports a scale where every answer is skipped", () => {
    const text = miniWith('scale yesno "มี/ไม่มี" {', 'scale empty { "x" = skip }\nscale yesno "มี/ไม่มี" {');
    assert.match(only(text, "ITA-C016").en, /scale empty needs at least one scored answer/);
  });

  it("ITA-C017: reports an indicator measured by two tools with no way to combine them", () => {
    const text = miniWith("tool IIT mean of questions", "tools IIT, OIT mean of questions");
    assert.ok(codes(text).includes("ITA-C017"));
  });

  it("ITA-C018: warns when a question has one guidance variant but not the other, and still builds the model", () => {
    const r = parseRules(miniWith(' raise "ยก"', ""));
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity]),
      [["ITA-C018", "warning"]],
    );
    assert.ok(r.model);
  });

  it("ITA-C019: is retired: a file with no rating table gets ITA-C023 instead", () => {
    const text = MINI.slice(0, MINI.indexOf("rating"));
    assert.deepEqual(codes(text), ["ITA-C023"]);
  });

  it("ITA-C020: warns instead of checking when tool conditions make too many cases", () => {
    const many = Array.from(
      { length: 160 },
      (_, k) => `  "r${k}" when tool IIT >= ${(k * 0.5).toFixed(1)} and tool OIT >= ${(k * 0.5).toFixed(1)}`,
    ).join("\n");
    const text = miniWith('  "ผ่านดีเยี่ยม"', `${many}\n  "ผ่านดีเยี่ยม"`);
    assert.ok(codes(text).includes("ITA-C020"));
  });

  it("ITA-C021: warns on the pass line and on the row when pass at 90 leaves ผ่านดี starting at 85", () => {
    const r = parseRules(miniWith("pass at 85", "pass at 90"));
    const ds = r.diagnostics.filter((d) => d.code === "ITA-C021");
    assert.deepEqual(
      ds.map((d) => [d.severity, d.line]),
      [
        ["warning", 4],
        ["warning", 25],
      ],
    );
    assert.match(ds[0]!.en, /pass at 90.*"ผ่านดี", which starts at 85\.00 \(line 25\)/);
    assert.ok(r.model, "a warning still gives a model");
  });

  it("ITA-C021: warns the other way when pass at 80 sits below the row starting at 85", () => {
    const ds = parseRules(miniWith("pass at 85", "pass at 80")).diagnostics;
    assert.deepEqual(
      ds.map((d) => [d.code, d.line]),
      [
        ["ITA-C021", 4],
        ["ITA-C021", 25],
      ],
    );
  });

  it("ITA-C021: stays quiet when the pass mark is where a row starts (AA–F letters at 85)", () => {
    const letters = miniWith(
      `  "ผ่านดีเยี่ยม" when total >= 95 and every tool >= 95
  "ผ่านดี" when total >= 85 and every tool >= 85
  "ผ่าน" when total >= 85
  "ต้องปรับปรุง" when total 70 - 84.99
  "ต้องปรับปรุงโดยด่วน" when total 0 - 69.99`,
      `  "A" when total 85 - 100
  "B" when total 75 - 84.99
  "F" when total 0 - 74.99`,
    );
    assert.deepEqual(codes(letters), []);
  });

  it("ITA-C022: reports tool weights under a plain mean total, at the total's method", () => {
    const d = only(miniWith("total weighted mean of tools", "total mean of tools"), "ITA-C022");
    assert.equal(d.line, 12);
    assert.match(d.en, /tools have weights \(IIT 60, OIT 40\) but the total is a plain mean/);
  });

  it("ITA-C022: reports question weights inside an indicator that takes a plain mean", () => {
    const d = only(
      miniWith('question i2 "ข้อ 2" scale yesno reversed', 'question i2 "ข้อ 2" scale yesno reversed weight 2'),
      "ITA-C022",
    );
    assert.match(d.en, /questions have weights \(i2 2\) but indicator 1 is a plain mean/);
  });

  it("ITA-C023: reports a missing rounding as missing, before the statement that follows its place", () => {
    const d = only(miniWith("rounding 2 decimals half-up publish question, indicator, tool, total\n", ""), "ITA-C023");
    assert.equal(d.line, 3, "where the pass mark now starts");
    assert.match(d.en, /^missing rounding .*before this line/);
    assert.match(d.th, /^ขาด rounding/);
  });

  it("does not report a missing pass mark: `pass at` is optional (years before 2567 had none)", () => {
    const r = parseRules(miniWith('pass at 85 "ผ่านเกณฑ์" "meets" else "ไม่ผ่านเกณฑ์" "does not meet"\n', ""));
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      [],
    );
  });

  it("ITA-C023: reports a missing rating table after the last statement", () => {
    const d = only(MINI.slice(0, MINI.indexOf("rating")), "ITA-C023");
    assert.equal(d.line, 17);
    assert.match(d.en, /missing rating .*after the statement starting on line 17/);
  });

  it("builds no model when there is any error", () => {
    assert.equal(parseRules(miniWith("weight 40 mean", "weight 30 mean")).model, undefined);
  });

  it("has a test above for every checker code in the catalogue", async () => {
    const { readFileSync } = await import("node:fs");
    const self = readFileSync(new URL(import.meta.url), "utf8");
    // The catalogue's checker codes, read from its source: src/dsl/diagnostics.ts keys them "ITA-Cnnn".
    const catalogue = readFileSync("src/dsl/diagnostics.ts", "utf8");
    const codes = [...new Set([...catalogue.matchAll(/"(ITA-C\d+)":/g)].map((m) => m[1]!))];
    assert.ok(codes.length > 10, "the catalogue's checker codes were not found");
    for (const code of codes) {
      assert.ok(self.includes(`it("${code}:`), `no test for ${code}`);
    }
  });
});
