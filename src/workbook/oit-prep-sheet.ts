/**
 * The OIT preparation sheet: every item of a tool (OIT) from the rules, with its
 * requirement text, the sub-indicator and indicator it counts toward and what it is
 * worth in the total, columns for the expected score, the evidence URL and a status,
 * and rows for the other tools' assumed scores (entered by staff, e.g. last year's).
 * At the top, `=ITA.*` formulas over that table give the expected tool score, total
 * and rating, so the sheet stays live as items are prepared. Its header is a score
 * table's, so the wizard can also check it as one. Worth comes from the engine.
 */
import { formatFixed, type RulesModel } from "../dsl/runtime.js";
import { itemWorths, type CompiledRules } from "../engine/index.js";
import { formulaRef, numberFormatFor } from "./a1.js";
import type { CellWrite, SheetSpec } from "./port.js";
import { safeSheetName } from "./results-sheet.js";

const PREP_HEADER = [
  "เครื่องมือ",
  "ข้อ",
  "คะแนน",
  "ข้อกำหนด / requirement",
  "ตัวชี้วัดย่อย / sub-indicator",
  "ตัวชี้วัด / indicator",
  "URL หลักฐาน / evidence",
  "สถานะ / status",
  "มีค่าในคะแนนรวม / worth in the total",
] as const;

export interface PrepLayout {
  readonly spec: SheetSpec;
  /** 1-based rows of the items, and of the assumed tools' rows just below them. */
  readonly itemRows: { readonly first: number; readonly last: number };
  readonly assumedRows: { readonly first: number; readonly last: number; readonly tools: readonly string[] };
  /** A1 cells of the expected tool score, total and rating. */
  readonly toolCell: string;
  readonly totalCell: string;
  readonly ratingCell: string;
}

export function prepSheetName(rulesName: string, tool = "OIT"): string {
  return safeSheetName(`เตรียม ${tool} ${rulesName}`);
}

function textArg(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The sheet for `tool` (default OIT) under `rulesName` (what the functions take: a year or saved rules' name). */
export function buildPrepSheet(compiled: CompiledRules, rulesName: string, tool = "OIT"): PrepLayout {
  const model: RulesModel = compiled.model;
  const name = prepSheetName(rulesName, tool);
  const worths = itemWorths(compiled, tool);
  const ind = new Map(model.indicators.map((i) => [i.id, i]));
  const d = model.decimals;
  const others = model.tools.filter((t) => t.id !== tool).map((t) => t.id);

  const HEADER_ROW = 10;
  const first = HEADER_ROW + 1;
  const last = first + worths.length - 1;
  const assumedFirst = last + 1;
  const assumedLast = last + others.length;
  const items = formulaRef(name, `A${first}:C${last}`);
  const all = formulaRef(name, `A${first}:C${Math.max(last, assumedLast)}`);
  const rules = textArg(rulesName);
  const top = [...worths].sort((a, b) => b.worth - a.worth || 0).slice(0, 5);

  const rows: CellWrite[][] = [
    [`เตรียม ${tool}: ${model.name.th}`],
    [
      `กรอกคะแนนที่คาดของแต่ละข้อ (100 = เผยแพร่ครบตามข้อกำหนด, 0 = ยังไม่มี) และคะแนนที่คาดของ ${others.join(", ")} ใต้รายการ / type each item's expected score (100 = published as required, 0 = not yet) and the expected ${others.join(", ")} below the items`,
    ],
    [],
    [`คะแนน ${tool} ที่คาด / expected ${tool}`, { formula: `=ITA.TOOL(${items},${textArg(tool)},${rules})`, value: "" }],
    ["คะแนนรวมที่คาด / expected total", { formula: `=ITA.TOTAL(${all},${rules})`, value: "" }],
    ["ระดับที่คาด / expected rating", { formula: `=ITA.RATING(${all},${rules})`, value: "" }],
    [
      `สมมติฐาน: ${others.join(", ")} ตามที่กรอกในแถว ${assumedFirst}–${assumedLast} ข้อที่ไม่ได้กรอกคะแนนคำนวณไม่ได้ / assumptions: ${others.join(", ")} as entered in rows ${assumedFirst}–${assumedLast}; an item left blank stops the computation`,
    ],
    [`ข้อที่มีค่ามากที่สุด / items worth the most: ${top.map((w) => `${w.question} (${formatFixed(w.worth, d)})`).join(", ")}`],
    [],
    [...PREP_HEADER],
  ];
  for (const w of worths) {
    const indicator = ind.get(w.indicator)!;
    const sub = indicator.subindicators.find((s) => s.id === w.subindicator);
    const q = [...indicator.questions, ...indicator.subindicators.flatMap((s) => s.questions)].find(
      (x) => x.id === w.question,
    )!;
    rows.push([
      tool,
      w.question,
      null,
      q.text.th,
      sub ? `${sub.id} ${sub.label.th}` : "",
      `${indicator.id} ${indicator.label.th}`,
      "",
      "",
      w.worth,
    ]);
  }
  for (const t of others) {
    rows.push([t, "", null, `สมมติ: คะแนน ${t} ทั้งแบบวัด / assumed: the whole ${t} score`, "", "", "", "", ""]);
  }
  const nf = numberFormatFor(d);
  const spec: SheetSpec = {
    name,
    rows,
    columnWidths: [60, 50, 60, 320, 160, 160, 200, 90, 90],
    font: "Leelawadee UI",
    freezeRows: HEADER_ROW,
    formats: [
      { range: "A1", bold: true, fontSize: 14 },
      { range: "A2", italic: true, fontColor: "#605E5C", wrap: false },
      { range: "A4:B6", bold: true },
      { range: "B4:B5", numberFormat: nf },
      { range: `A${HEADER_ROW}:I${HEADER_ROW}`, bold: true, fill: "#DCE6F2", border: true, wrap: true },
      { range: `A${first}:I${assumedLast}`, border: true, vertical: "top" },
      { range: `D${first}:D${assumedLast}`, wrap: true },
      { range: `C${first}:C${assumedLast}`, numberFormat: nf, fill: "#FFF9E6" },
      { range: `I${first}:I${last}`, numberFormat: nf },
      { range: `A${assumedFirst}:I${assumedLast}`, italic: true },
    ],
    validation: [
      {
        range: `C${first}:C${assumedLast}`,
        min: 0,
        max: 100,
        message: { th: "คะแนนต้องเป็นตัวเลข 0–100", en: "a score must be a number from 0 to 100" },
      },
    ],
  };
  return {
    spec,
    itemRows: { first, last },
    assumedRows: { first: assumedFirst, last: assumedLast, tools: others },
    toolCell: "B4",
    totalCell: "B5",
    ratingCell: "B6",
  };
}
