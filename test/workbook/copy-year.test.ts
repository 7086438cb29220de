import { strict as assert } from "node:assert";
import { parseRules } from "../../src/dsl/index.js";
import { bundledText } from "../../src/engine/index.js";
import { diffRules } from "../../src/engine/rules-diff.js";
import { copyYear } from "../../src/workbook/copy-year.js";

const COPY = copyYear("2568", "2569")!;

describe("copying a bundled year", () => {
  it("changes the year line and the title's year, and nothing that scores", () => {
    const model = parseRules(COPY).model!;
    assert.equal(model.year, 2569);
    assert.match(model.name.th, /พ\.ศ\. 2569$/);
    assert.deepEqual(
      diffRules(parseRules(bundledText("2568")!).model!, model).changes.map((c) => c.en),
      ["fiscal year 2568 → 2569"],
    );
  });

  it("says where the copy came from in a comment on the first line", () => {
    assert.match(COPY.split("\n")[0]!, /^# คัดลอกจากเกณฑ์ 2568 เพื่อเป็นเกณฑ์ 2569/);
  });

  it("has nothing to copy from a year that is not bundled", () => {
    assert.equal(copyYear("2555", "2556"), undefined);
  });
});
