/**
 * Reading who the report is about from the "หน่วยงาน" sheet or an agency.csv:
 * key/value pairs for one agency, a table for many, and a message naming the place
 * when the name is missing.
 */
import { strict as assert } from "node:assert";
import { agenciesFromCsv } from "../../src/cli/agency-csv.js";
import { agenciesFromGrid } from "../../src/report/agency.js";

describe("agency details", () => {
  it("reads key/value pairs and drops the words อำเภอ and จังหวัด from the values", () => {
    const r = agenciesFromGrid(
      [
        ["ชื่อหน่วยงาน", "เทศบาลตำบลคลองพน"],
        ["อำเภอ / District", "อำเภอคลองท่อม"],
        ["จังหวัด", " จังหวัดกระบี่ "],
      ],
      "หน่วยงาน",
    );
    assert.deepEqual(r, {
      ok: true,
      agencies: [{ name: "เทศบาลตำบลคลองพน", district: "คลองท่อม", province: "กระบี่" }],
    });
  });

  it("reads a table of many agencies under a header row", () => {
    const r = agenciesFromGrid(
      [
        ["รายชื่อหน่วยงานในจังหวัดกระบี่"],
        ["ชื่อหน่วยงาน", "อำเภอ", "จังหวัด"],
        ["อบต.หนึ่ง", "เมืองกระบี่", "กระบี่"],
        ["", "", ""],
        ["อบต.สอง", "คลองท่อม", "กระบี่"],
      ],
      "หน่วยงาน",
    );
    assert.ok(r.ok);
    assert.deepEqual(
      r.agencies.map((a) => [a.name, a.district]),
      [
        ["อบต.หนึ่ง", "เมืองกระบี่"],
        ["อบต.สอง", "คลองท่อม"],
      ],
    );
  });

  it("names the cell when the agency name is missing", () => {
    const r = agenciesFromGrid(
      [
        ["ชื่อหน่วยงาน", ""],
        ["อำเภอ", "คลองท่อม"],
      ],
      "หน่วยงาน",
    );
    assert.ok(!r.ok);
    assert.equal(r.problem.where, "หน่วยงาน!B1"); // where the name belongs
    assert.match(r.problem.en, /no agency name in sheet หน่วยงาน/);
  });

  it("reads the same layout from a CSV file", () => {
    const r = agenciesFromCsv("\uFEFFชื่อหน่วยงาน,เทศบาลตำบลคลองพน\nจังหวัด,กระบี่\n", "agency.csv");
    assert.deepEqual(r, { ok: true, agencies: [{ name: "เทศบาลตำบลคลองพน", district: undefined, province: "กระบี่" }] });
  });
});
