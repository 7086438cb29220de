/**
 * The sample workbook of `npm run preview` and the browser tests: the seed agency's
 * scores (examples/khlong-phon-2568/scores.csv) laid out as staff type them, with a
 * merged title row above a Thai header. The CSV text is passed in (bundled as a
 * source asset in the browser, read from disk in tests) so the numbers are the
 * example's, never copied here. The agency's details sheet (หน่วยงาน) comes from the
 * example's agency.csv the same way.
 */
import { readNumber, type CellValue } from "../../engine/index.js";
import { AGENCY_SHEET } from "../../report/agency.js";

const SEED_SHEET = "คะแนน";
const SEED_TITLE = "ผลคะแนน ITA ปีงบประมาณ พ.ศ. ๒๕๖๘ เทศบาลตำบลคลองพน";

export interface SeedSheet {
  readonly name: string;
  readonly rows: CellValue[][];
  readonly merged: string[];
}

/** The seed CSV (plain: no quoted fields) → title, blank row, header, data; cells stay text as typed. */
export function seedSheet(csv: string): SeedSheet {
  const lines = csv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const table = lines.map((l) => l.split(",").map((c) => c.trim()));
  return { name: SEED_SHEET, rows: [[SEED_TITLE, "", ""], ["", "", ""], ...table], merged: ["A1:C1"] };
}

/** The agency details sheet beside the scores (examples/khlong-phon-2568/agency.csv): label, value. */
export function agencySheet(csv: string): SeedSheet {
  const rows = csv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(",").map((c) => c.trim()));
  return { name: AGENCY_SHEET, rows, merged: [] };
}

/** The seed's score cells, each replaced by what `score` makes of its number. */
function withScores(csv: string, score: (n: number) => number): SeedSheet {
  const seed = seedSheet(csv);
  const header = 2; // title, blank row, then the header
  const rows = seed.rows.map((r, i) =>
    i <= header
      ? r
      : r.map((c, j) => {
          const n = j === 2 ? readNumber(c) : undefined;
          return n?.kind === "number" ? score(n.value) : c;
        }),
  );
  return { ...seed, rows };
}

/**
 * `?sample=percent`: the seed's scores typed into cells formatted as percentages, as staff
 * sometimes do (99.24 % holds 0.9924). Every front end refuses them alike (the engine's
 * "fractions" problem): the Check step names the first cell.
 */
export function percentSheet(csv: string): SeedSheet {
  return withScores(csv, (n) => n / 100);
}

/**
 * `?sample=zeros`: the seed's table with every score typed as 0 (a template not filled in).
 * The pane reads real zeros and rates them; Excel's ITA formulas cannot tell them from the
 * blanks some builds pass as 0 and refuse them, so a results sheet written from them must
 * be reported as failed, naming its cells.
 */
export function zerosSheet(csv: string): SeedSheet {
  return withScores(csv, () => 0);
}

const PROVINCE_SHEET = "จังหวัด (ตัวอย่าง)";
/** The made-up second agency of the many-agencies sample: its scores are the seed's, 5 points lower. */
const SAMPLE_AGENCY = "หน่วยงานสมมุติ (คะแนนคลองพนลบ ๕)";

/**
 * `?sample=province`: a provincial office's table holding two agencies in an agency
 * column: the seed agency's real scores, and the same rows 5 points lower under a
 * name that says it is made up. Agency cells can be given (by tests) to try the
 * spellings staff type.
 */
export function provinceSheet(
  csv: string,
  agencies: readonly [CellValue, CellValue] = ["เทศบาลตำบลคลองพน", SAMPLE_AGENCY],
): SeedSheet {
  const seed = seedSheet(csv).rows.slice(3);
  const lower = (v: CellValue): CellValue => {
    const n = readNumber(v);
    return n.kind === "number" ? Math.max(0, Math.round((n.value - 5) * 100) / 100) : v;
  };
  return {
    name: PROVINCE_SHEET,
    rows: [
      ["เครื่องมือ", "ข้อ", "คะแนน", "หน่วยงาน"],
      ...seed.map((r) => [r[0], r[1], r[2], agencies[0]]),
      ...seed.map((r) => [r[0], r[1], lower(r[2]), agencies[1]]),
    ],
    merged: [],
  };
}

/** `?sample=clash`: a sheet the user made, named as the add-in would name its results sheet; the add-in must never replace it. */
export const USERS_OWN_SHEET: SeedSheet = {
  name: "ผลการประเมิน ITA 2568",
  rows: [
    ["บันทึกของฉัน (ไม่ใช่ของ ITA Workbench)", ""],
    ["ประชุมทีม", "15 ม.ค."],
  ],
  merged: [],
};
