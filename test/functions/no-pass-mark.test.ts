import { strict as assert } from "node:assert";
import { throwsExcel } from "./support.js";
import * as F from "../../src/functions/functions.js";
// The parser is handed to the functions as the pane's rules store hands it: by loading register-rules.
import "../../src/functions/register-rules.js";
import { registerWorkbookRules, unregisterWorkbookRules } from "../../src/functions/rules.js";
import { NO_PASS_MARK, NO_PASS_ROWS } from "../support/no-pass-mark.js";

const TABLE = NO_PASS_ROWS.map((r) => [r.tool, r.question, r.score]);

describe("custom functions under rules without a pass mark", () => {
  before(() => registerWorkbookRules("old", NO_PASS_MARK));
  after(() => unregisterWorkbookRules("old"));

  it("RESULT spills four columns, no result column", () => {
    assert.deepEqual(F.result(TABLE, "old"), [
      ["ตัวชี้วัด", "เครื่องมือการประเมิน", "ประเด็น", "คะแนน"],
      [1, "IIT", "การปฏิบัติหน้าที่", 95],
      [9, "OIT", "เปิดเผย", 60],
    ]);
  });

  it("PASS is #N/A saying these rules have no pass mark", () => {
    throwsExcel(() => F.pass(95, "old"), "#N/A", /no per-indicator pass mark/);
  });
});
