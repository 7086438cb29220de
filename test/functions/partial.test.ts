import { strict as assert } from "node:assert";
import { ErrorCode, MINI, throwsExcel } from "./support.js";
import * as F from "../../src/functions/functions.js";
// The parser is handed to the functions as the pane's rules store hands it: by loading register-rules.
import "../../src/functions/register-rules.js";
import { registerWorkbookRules, unregisterWorkbookRules } from "../../src/functions/rules.js";

const R = "mini";
// MINI: IIT 1 (i1, i2) and 6 (q6, with EIT), EIT 6, OIT 9 (9.1: o1); weights 30/30/40.
const OIT_ONLY = [["OIT", "o1", 80]];
const WHOLE_TOOLS = [
  ["IIT", "", 90],
  ["EIT", "EIT", 80],
  ["OIT", "รวม", 100],
];

describe("custom functions on partial and tool-level tables", () => {
  before(() => registerWorkbookRules(R, MINI));
  after(() => unregisterWorkbookRules(R));

  it("INDICATOR and TOOL answer for the tool that is there", () => {
    assert.equal(F.indicator(OIT_ONLY, 9, R), 80);
    assert.equal(F.tool(OIT_ONLY, "OIT", R), 80);
  });

  it("TOTAL is #N/A saying the total and rating need IIT and EIT", () => {
    throwsExcel(() => F.total(OIT_ONLY, R), ErrorCode.notAvailable, /need IIT and EIT/);
  });

  it("TOOL of a tool not given is #N/A", () => {
    throwsExcel(() => F.tool(OIT_ONLY, "IIT", R), ErrorCode.notAvailable, /not all of IIT is given/);
  });

  it("TOTAL and RATING work from whole-tool rows", () => {
    // .3 × 90 + .3 × 80 + .4 × 100 = 91
    assert.equal(F.total(WHOLE_TOOLS, R), 91);
    assert.equal(F.rating(WHOLE_TOOLS, R), "ผ่าน"); // EIT under 85 keeps it from ผ่านดี
  });

  it("INDICATOR under a tool given whole is #N/A", () => {
    throwsExcel(() => F.indicator(WHOLE_TOOLS, 1, R), ErrorCode.notAvailable, /indicator 1 is not given/);
  });
});
