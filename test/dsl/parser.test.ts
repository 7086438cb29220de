import { strict as assert } from "node:assert";
import { parseRules } from "../../src/dsl/index.js";
import { RulesParser } from "../../src/dsl/parser.js";
import { makeRulesLexer } from "../../src/dsl/tokens.js";
import { rulesLexer, Identifier, NumberLiteral, Kw_total } from "../support/tokens.js";
import { MINI, miniWith } from "../support/rules.js";

describe("tokens", () => {
  it("reads Thai digits as a number", () => {
    const t = rulesLexer.tokenize("๘๔.๙๙").tokens;
    assert.deepEqual(
      t.map((x) => x.tokenType),
      [NumberLiteral],
    );
  });

  it("lexes a Thai name as one identifier", () => {
    const t = rulesLexer.tokenize("ผ่านดีเยี่ยม").tokens;
    assert.deepEqual(
      t.map((x) => x.tokenType),
      [Identifier],
    );
  });

  it("reads a word that starts with a keyword as a name (totals)", () => {
    assert.deepEqual(
      rulesLexer.tokenize("totals total").tokens.map((x) => x.tokenType),
      [Identifier, Kw_total],
    );
  });

  it("lets a keyword be a name where a name is expected (a scale called mean)", () => {
    const text = miniWith("scale yesno ", "scale mean ").replaceAll("scale yesno", "scale mean");
    assert.ok(parseRules(text).model);
  });
});

describe("lexer", () => {
  it("passes chevrotain's checks of the token definitions, without an error or a warning", () => {
    const lexer = makeRulesLexer(true);
    assert.deepEqual(lexer.lexerDefinitionErrors, []);
    // Chevrotain keeps its warnings beside the errors but leaves them out of its types.
    assert.deepEqual((lexer as unknown as { lexerDefinitionWarning: unknown[] }).lexerDefinitionWarning, []);
  });
});

describe("parser", () => {
  it("passes chevrotain's grammar self-checks", () => {
    assert.doesNotThrow(() => new RulesParser(true));
  });

  it("reports several syntax errors in one pass", () => {
    const text = miniWith("weight 60%", "weight").replace('"ผ่านดี" when', '"ผ่านดี" whenn');
    assert.ok(parseRules(text).diagnostics.filter((d) => d.code.startsWith("ITA-P")).length >= 2);
  });

  it("places an error at end of input just after the last token", () => {
    const text = 'assessment "x" year 2568\ntool IIT "ไทย" weight';
    const [d] = parseRules(text).diagnostics;
    assert.deepEqual([d?.code, d?.line, d?.column], ["ITA-P001", 2, 22]);
    assert.match(d!.en, /expected ตัวเลข \(number\) but found จบไฟล์ \(end of file\)/);
  });

  it("reports an unterminated quote at the quote, and nothing after it", () => {
    const ds = parseRules('assessment "x" year 2568\ntool IIT "ไทย').diagnostics;
    assert.deepEqual(
      ds.map((d) => [d.code, d.line, d.column]),
      [["ITA-L002", 2, 10]],
    );
  });

  it("reports an unexpected character with its text", () => {
    const d = parseRules(miniWith("weight 60%", "weight 60% @")).diagnostics[0]!;
    assert.equal(d.code, "ITA-L001");
    assert.match(d.th, /"@"/);
  });

  it("ITA-P004: reports an indicator missing its { at the end of that indicator's line, and nothing else", () => {
    const header = 'indicator 1 "การปฏิบัติหน้าที่" tool IIT mean of questions';
    const ds = parseRules(miniWith(`${header} {`, header)).diagnostics;
    assert.deepEqual(
      ds.map((d) => [d.code, d.line, d.column]),
      [["ITA-P004", 13, header.length + 1]],
    );
    assert.match(
      ds[0]!.en,
      /missing "\{" at the end of this line \(in an indicator; found "question" on the next line\)/,
    );
  });

  it("accepts en dashes and ≥ pasted from NACC's documents", () => {
    const text = MINI.replace("70 - 84.99", "70 – 84.99").replace("total >= 95", "total ≥ 95");
    assert.ok(parseRules(text).model);
  });
});
