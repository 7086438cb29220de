/**
 * Who the report is about: ชื่อหน่วยงาน, อำเภอ, จังหวัด, read from a sheet (or CSV)
 * named "หน่วยงาน". Two layouts are accepted: key/value pairs (a label in one cell,
 * the value in the next one to its right) for one agency, or a table with a header
 * row (ชื่อหน่วยงาน | อำเภอ | จังหวัด) and one row per agency for a workbook that
 * holds many agencies.
 */
import { columnLetters } from "../workbook/a1.js";
import { arabicDigits, isBlank, type CellValue } from "../engine/scoring.js";
import type { Agency } from "./model.js";

export const AGENCY_SHEET = "หน่วยงาน";

type Field = "name" | "district" | "province";

const KEYS: Record<Field, readonly string[]> = {
  name: ["ชื่อหน่วยงาน", "หน่วยงาน", "ชื่อ", "agency", "agencyname", "name", "organisation", "organization"],
  district: ["อำเภอ", "เขต", "อำเภอเขต", "district", "amphoe"],
  province: ["จังหวัด", "province", "changwat"],
};

function clean(v: CellValue): string {
  return arabicDigits(String(v ?? ""))
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u00A0\u200B:：*()[\].]/g, "");
}

/** The field a label cell names: "ชื่อหน่วยงาน", "อำเภอ / District", "Province:" all count. */
function agencyField(v: CellValue): Field | undefined {
  if (typeof v !== "string" || !v.trim()) return undefined;
  const parts = [v, ...v.split(/[/|\n]/)].map(clean).filter(Boolean);
  for (const f of ["name", "district", "province"] as const) {
    if (parts.some((p) => KEYS[f].includes(p))) return f;
  }
  return undefined;
}

/** "อำเภอคลองท่อม" → "คลองท่อม": the report adds the words itself. */
function strip(field: Field, v: CellValue): string {
  const text = String(v ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (field === "district") return text.replace(/^(อำเภอ|อ\.)\s*/, "");
  if (field === "province") return text.replace(/^(จังหวัด|จ\.)\s*/, "");
  return text;
}

export interface AgencyProblem {
  readonly th: string;
  readonly en: string;
  readonly where: string;
}

export type AgencyResult =
  { readonly ok: true; readonly agencies: readonly Agency[] } | { readonly ok: false; readonly problem: AgencyProblem };

/** Column letters from a 0-based index. */
const letters = (c: number): string => columnLetters(c + 1);

/**
 * Agencies from a grid of cells (row-major, top-left at A1 of `sheet`). `sheet` names
 * the place in messages: a sheet name, or a CSV file.
 */
export function agenciesFromGrid(values: readonly (readonly CellValue[])[], sheet: string): AgencyResult {
  // A table: the first row with a name column and another agency column.
  for (let r = 0; r < Math.min(values.length, 20); r++) {
    const fields = new Map<Field, number>();
    values[r]!.forEach((v, c) => {
      const f = agencyField(v);
      if (f && !fields.has(f)) fields.set(f, c);
    });
    const nameCol = fields.get("name");
    if (nameCol === undefined || fields.size < 2) continue;
    // A key/value layout puts each value right of its label, on the label's row: not a table.
    const valueRightOfName = !isBlank(values[r]![nameCol + 1]) && agencyField(values[r]![nameCol + 1]!) === undefined;
    if (valueRightOfName) break;
    const agencies: Agency[] = [];
    for (let i = r + 1; i < values.length; i++) {
      const row = values[i]!;
      if (isBlank(row[nameCol])) continue;
      const at = (f: Field): string | undefined => {
        const c = fields.get(f);
        return c === undefined || isBlank(row[c]) ? undefined : strip(f, row[c]!);
      };
      agencies.push({ name: strip("name", row[nameCol]!), district: at("district"), province: at("province") });
    }
    if (agencies.length === 0) {
      return {
        ok: false,
        problem: {
          th: `ชีต ${sheet} มีหัวตารางที่แถว ${r + 1} แต่ไม่มีชื่อหน่วยงานใต้หัวตาราง`,
          en: `sheet ${sheet} has a header on row ${r + 1} but no agency name under it`,
          where: `${sheet}!${letters(nameCol)}${r + 2}`,
        },
      };
    }
    return { ok: true, agencies };
  }
  // Key/value pairs.
  const found: Partial<Record<Field, { value: string; where: string }>> = {};
  let nameLabel: string | undefined;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = agencyField(v);
      if (!f || found[f]) return;
      // Point at the cell right of the label: where the name belongs.
      if (f === "name" && !nameLabel) nameLabel = `${sheet}!${letters(c + 1)}${r + 1}`;
      const next = row.slice(c + 1).find((x) => !isBlank(x));
      if (next === undefined || agencyField(next) !== undefined) return;
      found[f] = { value: strip(f, next), where: `${sheet}!${letters(c + 1)}${r + 1}` };
    }),
  );
  if (!found.name?.value) {
    return {
      ok: false,
      problem: {
        th: `ไม่พบชื่อหน่วยงานในชีต ${sheet}: ใส่ "ชื่อหน่วยงาน" ในคอลัมน์ A และชื่อในคอลัมน์ B`,
        en: `no agency name in sheet ${sheet}: put "ชื่อหน่วยงาน" in column A and the name in column B`,
        where: nameLabel ?? `${sheet}!B1`,
      },
    };
  }
  return {
    ok: true,
    agencies: [{ name: found.name.value, district: found.district?.value, province: found.province?.value }],
  };
}

/**
 * Two spellings of one agency's name, as staff type them: Unicode form, runs of any
 * white space and the ends do not count. For matching names between sheets and files,
 * never for the live formulas (those follow Excel's own TRIM).
 */
export function sameAgencyName(a: string, b: string): boolean {
  const loose = (s: string): string => s.normalize("NFC").replace(/\s+/g, " ").trim();
  return loose(a) === loose(b);
}
