/**
 * A blank score-entry sheet for a year's rules: every tool, question id and
 * question text in the rules' order, and a score column validated to 0–100. Its
 * header is one findScoreTable recognises, so the sheet feeds the Check step as it is.
 */
import { numberFormatFor } from "./a1.js";
import { questionsOf, type RulesModel } from "../dsl/runtime.js";
import type { CellWrite, SheetSpec } from "./port.js";
import { safeSheetName } from "./results-sheet.js";

const ENTRY_HEADER = ["เครื่องมือ", "ข้อ", "ข้อความ", "คะแนน"] as const;
const ENTRY_HEADER_ROW = 3;

export function entrySheetName(rulesName: string): string {
  return safeSheetName(`กรอกคะแนน ITA ${rulesName}`);
}

export function buildEntrySheet(model: RulesModel, rulesName: string): SheetSpec {
  const rows: CellWrite[][] = [
    [`กรอกคะแนน ${model.name.th}`],
    ["กรอกคะแนนแต่ละข้อ (0–100) ในคอลัมน์ คะแนน / type each question's score (0–100) in the คะแนน column"],
    [...ENTRY_HEADER],
  ];
  const byId = new Map(model.indicators.map((i) => [i.id, i]));
  for (const tool of model.tools) {
    for (const id of tool.indicators) {
      const ind = byId.get(id);
      if (!ind) continue;
      for (const q of questionsOf(ind)) rows.push([tool.id, q.id, q.text.th, null]);
    }
  }
  const first = ENTRY_HEADER_ROW + 1;
  const last = Math.max(rows.length, first);
  return {
    name: entrySheetName(rulesName),
    rows,
    columnWidths: [60, 50, 420, 70],
    font: "Leelawadee UI",
    freezeRows: ENTRY_HEADER_ROW,
    formats: [
      { range: "A1", bold: true, fontSize: 14 },
      { range: "A2", italic: true, fontColor: "#605E5C" },
      { range: `A${ENTRY_HEADER_ROW}:D${ENTRY_HEADER_ROW}`, bold: true, fill: "#DCE6F2", border: true },
      { range: `C${first}:C${last}`, wrap: true },
      { range: `D${first}:D${last}`, numberFormat: numberFormatFor(model.decimals), fill: "#FFF9E6", border: true },
    ],
    validation: [
      {
        range: `D${first}:D${last}`,
        min: 0,
        max: 100,
        message: { th: "คะแนนต้องเป็นตัวเลข 0–100", en: "a score must be a number from 0 to 100" },
      },
    ],
  };
}
