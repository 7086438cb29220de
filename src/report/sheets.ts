/**
 * The report laid out as sheets (SheetSpec, src/workbook/port.ts): ผลการประเมิน
 * (results), รายงาน (guidance per question) and แผนพัฒนา (improvement plan), formatted
 * for printing on A4 with a Thai font and repeated header rows. The task pane's
 * Report step writes these through the workbook port; the command line's .xlsx
 * (xlsx.ts) is written from the very same specs, so both look alike.
 */
import { INDICATOR_HEADINGS, indicatorColumns } from "../engine/index.js";
import { columnLetters, numberFormatFor } from "../workbook/a1.js";
import type { CellWrite, FormatSpec, SheetSpec } from "../workbook/port.js";
import { HEADINGS, type HistoryLine, type ReportModel } from "./model.js";
import { SUMMARY_HEADINGS, sortForSummary, weakestText, type SummaryEntry } from "./summary.js";

const SHEET_NAMES = {
  results: "ผลการประเมิน",
  history: "เทียบหลายปี",
  report: "รายงาน",
  plan: "แผนพัฒนา",
  summary: "สรุป",
} as const;

const REPORT_FONT = "TH Sarabun New";

/** A sheet plus the ranges users are expected to edit (the plan), kept unlocked in the .xlsx. */
export interface ReportSheet extends SheetSpec {
  readonly editable?: readonly string[];
}

const HEAD_FILL = "#DDE5F0";
const headText = (l: { readonly th: string; readonly en: string }): string => `${l.th}\n${l.en}`;

/** Column letters from a 0-based index (0 → A). */
function columnLetter(index: number): string {
  return columnLetters(index + 1);
}

const row = (r: number, fromCol: number, toCol: number): string =>
  `${columnLetter(fromCol)}${r}:${columnLetter(toCol)}${r}`;
const block = (r1: number, r2: number, c1: number, c2: number): string =>
  `${columnLetter(c1)}${r1}:${columnLetter(c2)}${r2}`;

function headerFormat(r: number, cols: number): FormatSpec {
  return {
    range: row(r, 0, cols - 1),
    bold: true,
    fill: HEAD_FILL,
    wrap: true,
    vertical: "center",
    horizontal: "center",
    border: true,
  };
}

/** A score cell: the number itself, or its Thai-digit text when the user asked for Thai digits. */
function score(report: Pick<ReportModel, "thaiDigits">, value: number, text: string): CellWrite {
  return report.thaiDigits ? text : value;
}

function resultsSheet(r: ReportModel): ReportSheet {
  const rows: CellWrite[][] = [];
  const formats: FormatSpec[] = [];
  const nf = numberFormatFor(r.rules.decimals);
  const push = (...cells: CellWrite[]): number => {
    rows.push(cells);
    return rows.length;
  };
  push(r.title.heading);
  push(r.title.fiscalYear);
  push([r.title.agencyLine, r.title.placeLine].filter(Boolean).join(" "));
  formats.push({ range: "A1:A3", bold: true, fontSize: 16 });
  push();
  const totalRow = push(
    "คะแนนรวม / Total",
    score(r, r.summary.total, r.summary.totalText),
    "ระดับผลการประเมิน / Rating",
    r.summary.rating.th,
  );
  formats.push({ range: row(totalRow, 0, 3), bold: true, fontSize: 16 });
  formats.push({ range: `B${totalRow}`, numberFormat: nf, horizontal: "right" });
  push();
  const toolHead = push(...HEADINGS.toolTable.map(headText), "ชื่อแบบวัด\nName");
  formats.push(headerFormat(toolHead, 4));
  for (const t of r.summary.tools) {
    const weight = r.principles.tools.find((x) => x.id === t.id)?.weight ?? "";
    push(t.id, r.thaiDigits ? weight : Number(weight), score(r, t.value, t.score), t.label.th);
  }
  const toolEnd = rows.length;
  formats.push({ range: block(toolHead + 1, toolEnd, 0, 3), border: true, wrap: true, vertical: "top" });
  formats.push({ range: block(toolHead + 1, toolEnd, 2, 2), numberFormat: nf, horizontal: "right" });
  push();
  // Column F repeats the pass mark on every row: the chart's pass-mark line reads it.
  // Rules without a pass mark have neither the result nor the pass-mark column.
  const pass = r.principles.pass;
  const indHead = pass
    ? push(...[...indicatorColumns(true), INDICATOR_HEADINGS.passMark].map(headText))
    : push(...indicatorColumns(false).map(headText));
  const lastCol = pass ? 5 : 3;
  formats.push(headerFormat(indHead, lastCol + 1));
  for (const i of r.indicators) {
    const cells: CellWrite[] = [
      r.thaiDigits ? i.idText : Number(i.id) || i.id,
      i.tools,
      i.label.th,
      score(r, i.value, i.score),
    ];
    if (pass && i.result) cells.push(i.result.th, r.thaiDigits ? pass.markText : pass.mark);
    push(...cells);
  }
  const indEnd = rows.length;
  formats.push({ range: block(indHead + 1, indEnd, 0, lastCol), border: true, wrap: true, vertical: "top" });
  if (pass) formats.push({ range: block(indHead + 1, indEnd, 5, 5), numberFormat: nf, horizontal: "right" });
  formats.push({ range: block(indHead + 1, indEnd, 3, 3), numberFormat: nf, horizontal: "right" });
  formats.push({ range: block(indHead + 1, indEnd, 0, 0), horizontal: "center" });
  push();
  push(
    pass
      ? `หมายเหตุ: คะแนน ${pass.markText} ขึ้นไป “${pass.passLabel.th}” ต่ำกว่านั้น “${pass.failLabel.th}”`
      : "หมายเหตุ: เกณฑ์ปีนี้ไม่มีเกณฑ์ผ่านรายตัวชี้วัด / these rules have no per-indicator pass mark",
  );
  if (r.summary.nextUp) {
    push();
    const at = push(
      `สิ่งที่ยังขาดสำหรับระดับ “${r.summary.nextUp.label.th}” / what stands between this result and “${r.summary.nextUp.label.en}”`,
    );
    formats.push({ range: `A${at}`, bold: true });
    for (const s of r.summary.nextUp.shortfalls) push(`• ${s.th} / ${s.en}`);
  }
  if (r.audit) {
    push();
    const at = push("ตรวจทานตัวเลขก่อนเผยแพร่ / check before publishing");
    formats.push({ range: `A${at}`, bold: true, fontColor: "#B42318" });
    if (r.audit.length === 0) push("ตัวเลขที่ประกาศตรงกับเกณฑ์ทั้งหมด / every published figure agrees with the rules");
    for (const f of r.audit) push(`• ${f.th} / ${f.en}`);
  }
  return {
    name: SHEET_NAMES.results,
    rows,
    columnWidths: [70, 95, 190, 70, 100, 60],
    formats,
    // A chart needs numbers: with Thai digits the scores are text, so the chart is left out.
    charts: r.thaiDigits
      ? undefined
      : [
          {
            title: pass
              ? `คะแนนรายตัวชี้วัด / indicator scores (${pass.markText} = ${pass.passLabel.th})`
              : "คะแนนรายตัวชี้วัด / indicator scores",
            categories: block(indHead + 1, indEnd, 0, 0),
            values: { name: "คะแนน / score", range: block(indHead + 1, indEnd, 3, 3) },
            lines: pass ? [{ name: `เกณฑ์ ${pass.markText} / pass mark`, range: block(indHead + 1, indEnd, 5, 5) }] : [],
            at: "H2",
            width: 480,
            height: 280,
          },
        ],
    below:
      r.thaiDigits || !pass
        ? undefined
        : [
            {
              range: block(indHead + 1, indEnd, 3, 3),
              below: pass.mark,
              fill: "#FDE2E1",
              fontColor: "#B42318",
            },
          ],
    print: { paper: "A4", orientation: "portrait", fitToWidth: true, repeatRows: "$1:$3" },
    font: REPORT_FONT,
  };
}

const VARIANT_TEXT = { maintain: "รักษาระดับ\nmaintain", raise: "ยกระดับ\nraise" } as const;

function reportSheet(r: ReportModel): ReportSheet {
  const head = [
    { th: "ตัวชี้วัด", en: "Indicator" },
    { th: "แบบวัด", en: "Tool" },
    ...HEADINGS.questionTable.slice(0, 2),
    { th: "แนวทาง", en: "Direction" },
    HEADINGS.questionTable[2],
  ];
  const rows: CellWrite[][] = [[`${r.title.heading} ${r.title.fiscalYear} ${r.agency.name}`], [], head.map(headText)];
  for (const i of r.indicators) {
    for (const p of i.parts) {
      for (const q of p.questions) {
        const value = q.score === undefined ? null : r.thaiDigits ? q.score : Number(q.score);
        rows.push([
          `${i.idText} ${i.label.th}`,
          p.tool,
          `${q.idText} ${q.text}`,
          value,
          VARIANT_TEXT[q.variant],
          q.guidance,
        ]);
      }
    }
  }
  const last = rows.length;
  return {
    name: SHEET_NAMES.report,
    rows,
    columnWidths: [90, 40, 210, 50, 55, 330],
    formats: [
      { range: "A1", bold: true, fontSize: 16 },
      headerFormat(3, 6),
      { range: block(4, Math.max(4, last), 0, 5), wrap: true, vertical: "top", border: true },
      {
        range: block(4, Math.max(4, last), 3, 3),
        numberFormat: numberFormatFor(r.rules.decimals),
        horizontal: "right",
      },
    ],
    below:
      r.thaiDigits || !r.principles.pass
        ? undefined
        : [
            {
              range: block(4, Math.max(4, last), 3, 3),
              below: r.principles.pass.mark,
              fill: "#FDE2E1",
              fontColor: "#B42318",
            },
          ],
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: "$3:$3" },
    freezeRows: 3,
    font: REPORT_FONT,
  };
}

function planSheet(r: ReportModel): ReportSheet {
  const rows: CellWrite[][] = [
    [`การนำผลการวิเคราะห์ไปสู่การปรับปรุง ของ ${r.agency.name} ประจำปีงบประมาณ พ.ศ. ${r.planYear} / improvement plan`],
    ["แก้ไขหรือเพิ่มแถวได้ตามแผนของหน่วยงาน / edit or add rows to match the agency's plan"],
    HEADINGS.planTable.map(headText),
  ];
  for (const p of r.plan) {
    rows.push([
      `${p.indicatorText} ${p.indicatorLabel}\n(${p.reason})`,
      p.issue,
      p.measure,
      p.owner,
      p.steps,
      p.period,
    ]);
  }
  // Room for the agency's own rows below the prefilled ones.
  const last = rows.length + 5;
  return {
    name: SHEET_NAMES.plan,
    rows,
    columnWidths: [100, 110, 130, 100, 300, 70],
    formats: [
      { range: "A1", bold: true, fontSize: 16 },
      { range: "A2", italic: true, fontColor: "#57606A" },
      headerFormat(3, 6),
      { range: block(4, last, 0, 5), wrap: true, vertical: "top", border: true },
    ],
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: "$3:$3" },
    freezeRows: 3,
    font: REPORT_FONT,
    editable: [block(4, last, 1, 5)],
  };
}

/**
 * เทียบหลายปี: the total, tools, rating and indicators per year with the change from the
 * year before, the criteria changes as notes, and below them a year-by-row block of the
 * total and tools that the trend chart (a line chart) reads.
 */
function historySheet(r: ReportModel): ReportSheet | null {
  const hist = r.history;
  if (!hist) return null;
  const rows: CellWrite[][] = [];
  const formats: FormatSpec[] = [];
  const push = (...cells: CellWrite[]): number => {
    rows.push(cells);
    return rows.length;
  };
  const num = (v: number | null, text: string): CellWrite => (v === null ? text : r.thaiDigits ? text : v);
  push(`เทียบผลการประเมินหลายปี ${r.agency.name} / ${r.agency.name} compared with earlier years`);
  push(
    "แต่ละปีคำนวณตามเกณฑ์ของปีนั้น การเปลี่ยนแปลง = ปีนั้น − ปีก่อนหน้า / each year by its own rules; change = that year − the year before",
  );
  formats.push({ range: "A1", bold: true, fontSize: 16 }, { range: "A2", italic: true, fontColor: "#57606A" });
  push();
  const head: string[] = ["ตัวชี้วัด / แบบวัด\nIndicator / tool", "ประเด็น\nName"];
  hist.years.forEach((y, i) => {
    if (i > 0) head.push("เปลี่ยนแปลง\nchange");
    head.push(`ปี ${y.yearText}\nFY ${y.year}`);
  });
  const cols = head.length;
  const headRow = push(...head);
  formats.push(headerFormat(headRow, cols));
  const line = (l: HistoryLine): number =>
    push(
      l.kind === "total" ? "รวม / total" : l.kind === "indicator" && !r.thaiDigits ? Number(l.id) || l.id : l.idText,
      l.notes.length ? `${l.label.th}\n${l.notes.map((n) => `※ ${n.th}`).join("\n")}` : l.label.th,
      ...l.texts.flatMap((t, i) => [
        ...(i > 0 ? [l.changes[i] === null ? "" : num(l.changes[i]!, l.changeTexts[i]!)] : []),
        num(l.values[i]!, t),
      ]),
    );
  const nonIndicators = hist.lines.filter((l) => l.kind !== "indicator");
  nonIndicators.forEach(line);
  push(
    "ระดับ / rating",
    "ระดับผลการประเมิน",
    ...hist.rating.labels.flatMap((label, i) => [...(i > 0 ? [hist.rating.moves[i]!.th] : []), label]),
  );
  hist.lines.filter((l) => l.kind === "indicator").forEach(line);
  const last = rows.length;
  formats.push({ range: block(headRow + 1, last, 0, cols - 1), border: true, wrap: true, vertical: "top" });
  formats.push({ range: block(headRow + 1, last, 2, cols - 1), numberFormat: numberFormatFor(r.rules.decimals) });
  formats.push({ range: block(headRow + 1, headRow + nonIndicators.length, 0, cols - 1), bold: true });
  for (const y of hist.years) {
    if (!y.remark && !y.source) continue;
    push(
      `ปี ${y.yearText}: ${[y.remark ? `${y.remark.th} / ${y.remark.en}` : "", y.source ? `ที่มา / source: ${y.source}` : ""].filter(Boolean).join(" · ")}`,
    );
  }
  if (hist.criteria.length) {
    push();
    const at = push("เกณฑ์ที่เปลี่ยนระหว่างปี / criteria changes between years");
    formats.push({ range: `A${at}`, bold: true });
    for (const c of hist.criteria) push(`• ${c.th} / ${c.en}`);
  }
  // The chart's data: a row per year, a column per series (the total, then each tool).
  push();
  const series = nonIndicators.filter((l) => l.values.some((v) => v !== null));
  const dataHead = push("ปี / year", ...series.map((s) => (s.kind === "total" ? "คะแนนรวม / total" : s.id)));
  formats.push(headerFormat(dataHead, series.length + 1));
  hist.years.forEach((y, i) =>
    push(
      r.thaiDigits ? y.yearText : String(y.year),
      ...series.map((s) => num(s.values[i]!, s.texts[i]!)).map((v) => (v === "—" ? null : v)),
    ),
  );
  const dataEnd = rows.length;
  formats.push({
    range: block(dataHead + 1, dataEnd, 1, series.length),
    numberFormat: numberFormatFor(r.rules.decimals),
  });
  return {
    name: SHEET_NAMES.history,
    rows,
    columnWidths: [90, 200, ...head.slice(2).map((h) => (h.startsWith("เปลี่ยน") ? 60 : 70))],
    formats,
    charts:
      r.thaiDigits || series.length === 0
        ? undefined
        : [
            {
              kind: "line",
              title: "คะแนนรวมและแบบวัดรายปี / total and tools by year",
              categories: block(dataHead + 1, dataEnd, 0, 0),
              values: { name: "คะแนนรวม / total", range: block(dataHead + 1, dataEnd, 1, 1) },
              lines: series.slice(1).map((s, k) => ({ name: s.id, range: block(dataHead + 1, dataEnd, k + 2, k + 2) })),
              at: `${columnLetter(cols + 1)}2`,
              width: 480,
              height: 280,
            },
          ],
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: `$${headRow}:$${headRow}` },
    freezeRows: headRow,
    font: REPORT_FONT,
  };
}

/** The three report sheets in reading order, and เทียบหลายปี after the results when earlier years were given. */
export function reportSheets(report: ReportModel): ReportSheet[] {
  const history = historySheet(report);
  return [resultsSheet(report), ...(history ? [history] : []), reportSheet(report), planSheet(report)];
}

/** The many-agencies summary as one sheet: every agency's total, rating and weakest indicators, best first. */
export function summarySheet(
  reports: readonly SummaryEntry[],
  failed: readonly { readonly file: string; readonly message: string }[] = [],
): ReportSheet {
  const sorted = sortForSummary(reports);
  const rows: CellWrite[][] = [
    [`สรุปผลการประเมิน ITA รายหน่วยงาน / ITA results by agency ${reports[0]?.title.fiscalYear ?? ""}`.trim()],
    [],
    SUMMARY_HEADINGS.map(headText),
  ];
  sorted.forEach((r, i) => {
    rows.push([
      i + 1,
      r.agency.name,
      r.title.placeLine,
      score(r, r.summary.total, r.summary.totalText),
      r.summary.rating.th,
      weakestText(r),
    ]);
  });
  const last = rows.length;
  if (failed.length > 0) {
    rows.push([], ["ไฟล์ที่อ่านไม่ได้ / files not reported"]);
    for (const f of failed) rows.push([f.file, f.message]);
  }
  const nf = numberFormatFor(reports[0]?.rules.decimals ?? 2);
  return {
    name: SHEET_NAMES.summary,
    rows,
    columnWidths: [35, 170, 150, 60, 80, 300],
    formats: [
      { range: "A1", bold: true, fontSize: 16 },
      headerFormat(3, 6),
      { range: block(4, Math.max(4, last), 0, 5), wrap: true, vertical: "top", border: true },
      { range: block(4, Math.max(4, last), 3, 3), numberFormat: nf, horizontal: "right" },
    ],
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: "$3:$3" },
    freezeRows: 3,
    font: REPORT_FONT,
  };
}
