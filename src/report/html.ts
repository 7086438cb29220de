/**
 * The report as one self-contained HTML page, ready to publish on an agency's
 * website: inline CSS with a Thai font stack, an inline SVG bar chart of the
 * indicators with the pass-mark line (and, with earlier years, an SVG trend of the
 * total and tools), no script and no external asset. Markup is
 * built only through `h()`, which escapes every text and attribute value, so an
 * agency name or a rules text containing "<" or "&" is shown, never interpreted.
 */
import { indicatorColumns } from "../engine/index.js";
import { HEADINGS, type HistoryLine, type ReportIndicator, type ReportModel } from "./model.js";
import { SUMMARY_HEADINGS, sortForSummary, weakestText, type SummaryEntry } from "./summary.js";

const made = Symbol("made in html.ts");

/** Markup that is already safe: only this module makes it (`h()` and its own constants), never a caller. */
class Html {
  readonly markup: string;
  constructor(markup: string, key: symbol) {
    if (key !== made) throw new Error("Html is made only by report/html.ts");
    this.markup = markup;
  }
}

const trusted = (markup: string): Html => new Html(markup, made);

export type Child = string | number | Html | null | undefined | false | readonly Child[];
type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;

function escapeHtml(text: string): string {
  // Most texts (Thai question texts, guidance) have nothing to escape: test before replacing.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

function render(c: Child): string {
  if (c === null || c === undefined || c === false) return "";
  if (c instanceof Html) return c.markup;
  if (Array.isArray(c)) {
    // A province renders thousands of pages: concatenate rather than map and join.
    let out = "";
    for (const x of c as readonly Child[]) out += render(x);
    return out;
  }
  return escapeHtml(String(c));
}

/** An element: `tag` is always a literal in this file; attributes and children are escaped. */
function h(tag: string, attrs: Attrs | null, ...children: Child[]): Html {
  // A province renders thousands of pages: one loop, no entry arrays or closures per element.
  let a = "";
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === undefined || v === false) continue;
      a += v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
    }
  }
  return trusted(`<${tag}${a}>${render(children)}</${tag}>`);
}

const bi = (l: { th: string; en: string }): Html =>
  h("span", null, l.th, l.en && l.en !== l.th ? h("span", { class: "en" }, ` ${l.en}`) : null);

const CSS = `
:root { --pass: #1b7f3b; --fail: #b42318; --ink: #1f2328; --line: #c9ced6; --head: #eef2f7; }
* { box-sizing: border-box; }
body { font-family: "TH Sarabun New", "Sarabun", "Leelawadee UI", "Noto Sans Thai", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 210mm; padding: 12mm 14mm; font-size: 17px; line-height: 1.5; background: #fff; }
h1, h2, h3 { line-height: 1.3; margin: 1.2em 0 .4em; }
h1 { font-size: 1.6em; text-align: center; }
h2 { font-size: 1.3em; border-bottom: 2px solid var(--line); padding-bottom: .2em; }
h3 { font-size: 1.1em; }
.title { text-align: center; margin-bottom: 2em; }
.title p { margin: .2em 0; font-size: 1.15em; }
.title .agency { font-size: 1.4em; font-weight: bold; margin-top: 1em; }
.en { color: #57606a; font-size: .85em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid var(--line); padding: .25em .45em; vertical-align: top; text-align: left; }
th { background: var(--head); }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.pass { color: var(--pass); font-weight: bold; }
td.fail { color: var(--fail); font-weight: bold; }
.pre { white-space: pre-line; }
.about { text-indent: 2em; }
td .about { text-indent: 0; margin: .3em 0 0; font-size: .95em; }
.plan-table { table-layout: fixed; font-size: .92em; }
.plan-table th:nth-child(1) { width: 14%; } .plan-table th:nth-child(2) { width: 14%; }
.plan-table th:nth-child(3) { width: 15%; } .plan-table th:nth-child(4) { width: 13%; }
.plan-table th:nth-child(5) { width: 34%; } .plan-table th:nth-child(6) { width: 10%; }
[contenteditable]:focus { outline: 2px solid #0969da; background: #f6f8fa; }
.headline { font-size: 1.25em; text-align: center; margin: 1em 0; }
.headline strong { font-size: 1.2em; }
.current { background: #fff8c5; }
.audit { border: 2px solid var(--fail); padding: .5em 1em; background: #fff5f4; }
.chart { width: 100%; height: auto; }
.guidance-maintain { border-left: 4px solid var(--pass); }
.guidance-raise { border-left: 4px solid var(--fail); }
.note { color: #57606a; font-size: .9em; }
.history-table td.change { font-size: .9em; }
@media print { body { padding: 0; max-width: none; } h2 { page-break-after: avoid; } .plan { page-break-before: always; } }
@page { size: A4; margin: 15mm; }
`;

function table(headings: readonly { th: string; en: string }[], rows: readonly Html[], cls?: string): Html {
  return h(
    "table",
    { class: cls },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        headings.map((x) => h("th", { scope: "col" }, bi(x))),
      ),
    ),
    h("tbody", null, rows),
  );
}

/** A bar per indicator, its score on top, and a dashed line at the pass mark. */
function chart(report: ReportModel): Html {
  const inds = report.indicators;
  const W = 720;
  const H = 300;
  const left = 40;
  const bottom = 40;
  // Room above the plot for the pass-mark legend, so it never sits on a bar.
  const top = 36;
  const plotH = H - bottom - top;
  const slot = (W - left - 10) / Math.max(inds.length, 1);
  const y = (v: number): number => top + plotH * (1 - Math.max(0, Math.min(100, v)) / 100);
  const ticks = [0, 25, 50, 75, 100].map((t) =>
    h(
      "g",
      null,
      h("line", { x1: left, x2: W - 10, y1: y(t), y2: y(t), stroke: "#e5e7eb" }),
      h("text", { x: left - 6, y: y(t) + 4, "text-anchor": "end", "font-size": 11, fill: "#57606a" }, t),
    ),
  );
  const bars = inds.map((ind: ReportIndicator, i) => {
    const x = left + i * slot + slot * 0.18;
    const w = slot * 0.64;
    return h(
      "g",
      null,
      h(
        "rect",
        {
          x: x.toFixed(1),
          y: y(ind.value).toFixed(1),
          width: w.toFixed(1),
          height: (y(0) - y(ind.value)).toFixed(1),
          fill: ind.pass === false ? "#c53030" : "#2f855a",
        },
        h("title", null, `${ind.idText} ${ind.label.th}: ${ind.score}${ind.result ? ` (${ind.result.th})` : ""}`),
      ),
      h(
        "text",
        { x: (x + w / 2).toFixed(1), y: (y(ind.value) - 4).toFixed(1), "text-anchor": "middle", "font-size": 11 },
        ind.score,
      ),
      h(
        "text",
        { x: (x + w / 2).toFixed(1), y: H - bottom + 16, "text-anchor": "middle", "font-size": 13 },
        ind.idText,
      ),
    );
  });
  const pass = report.principles.pass;
  // Rules without a pass mark: no line to draw.
  const pm = pass?.mark ?? 0;
  const passLine = !pass
    ? null
    : h(
        "g",
        { class: "pass-mark" },
        h("line", {
          x1: left,
          x2: W - 10,
          y1: y(pm).toFixed(1),
          y2: y(pm).toFixed(1),
          stroke: "#b42318",
          "stroke-width": 2,
          "stroke-dasharray": "6 4",
        }),
        h("line", {
          x1: W - 200,
          x2: W - 170,
          y1: 12,
          y2: 12,
          stroke: "#b42318",
          "stroke-width": 2,
          "stroke-dasharray": "6 4",
        }),
        h(
          "text",
          { x: W - 164, y: 16, "text-anchor": "start", "font-size": 12, fill: "#b42318" },
          `${pass.markText} ${pass.passLabel.th} / pass mark`,
        ),
      );
  return h(
    "svg",
    {
      class: "chart",
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-label": pass
        ? `คะแนนรายตัวชี้วัด เทียบเกณฑ์ ${pass.markText} / indicator scores against the pass mark`
        : "คะแนนรายตัวชี้วัด / indicator scores",
    },
    ticks,
    bars,
    passLine,
    h(
      "text",
      { x: left + (W - left) / 2, y: H - 6, "text-anchor": "middle", "font-size": 12, fill: "#57606a" },
      "ตัวชี้วัด / indicator",
    ),
  );
}

function titleBlock(r: ReportModel): Html {
  return h(
    "header",
    { class: "title" },
    h("h1", null, r.title.heading),
    h("p", null, r.title.fiscalYear),
    h("p", { class: "agency" }, r.title.agencyLine),
    r.title.placeLine ? h("p", null, r.title.placeLine) : null,
  );
}

function principles(r: ReportModel): Html {
  const p = r.principles;
  return h(
    "section",
    null,
    h("h2", null, "หลักเกณฑ์การประเมิน ", h("span", { class: "en" }, "Assessment criteria")),
    h("p", null, r.rules.name.th, r.rules.name.en ? h("span", { class: "en" }, ` (${r.rules.name.en})`) : null),
    p.about.length > 0 ? h("h3", null, "หลักการประเมิน ", h("span", { class: "en" }, "Principles")) : null,
    p.about.map((text) => h("p", { class: "about" }, text)),
    h("h3", null, "เครื่องมือในการประเมิน ", h("span", { class: "en" }, "Tools")),
    table(
      [HEADINGS.toolTable[0], { th: "ชื่อแบบวัด", en: "Name" }, HEADINGS.toolTable[1]],
      p.tools.map((t) =>
        h(
          "tr",
          null,
          h("td", null, t.id),
          h("td", null, bi(t.label), t.about ? h("p", { class: "about" }, t.about) : null),
          h("td", { class: "num" }, t.weight),
        ),
      ),
    ),
    p.pass
      ? h(
          "p",
          null,
          `ค่าคะแนนของตัวชี้วัดระดับ ${p.pass.markText} คะแนนขึ้นไป ผลการประเมิน “${p.pass.passLabel.th}” ต่ำกว่านั้น “${p.pass.failLabel.th}”`,
          h(
            "span",
            { class: "en" },
            ` An indicator scoring ${p.pass.markText} or more ${p.pass.passLabel.en}; below it, it ${p.pass.failLabel.en}.`,
          ),
        )
      : h(
          "p",
          null,
          "เกณฑ์ปีนี้ไม่มีเกณฑ์ผ่านรายตัวชี้วัด",
          h("span", { class: "en" }, " These rules have no per-indicator pass mark."),
        ),
    h("h3", null, p.ratingLabel.th, " ", h("span", { class: "en" }, p.ratingLabel.en)),
    table(
      [
        { th: "เงื่อนไข", en: "Conditions" },
        { th: "ระดับ", en: "Rating" },
      ],
      p.bands.map((b) =>
        h(
          "tr",
          { class: b.current ? "current" : undefined },
          h("td", null, bi(b.conditions)),
          h("td", null, bi(b.label)),
        ),
      ),
    ),
  );
}

function results(r: ReportModel): Html {
  const s = r.summary;
  return h(
    "section",
    null,
    h("h2", null, "ผลการประเมิน ", h("span", { class: "en" }, "Result")),
    h(
      "p",
      { class: "headline" },
      `ผลการประเมิน ITA ${r.title.fiscalYear} ของ ${r.agency.name} คะแนนเฉลี่ยรวม `,
      h("strong", { "data-figure": "total" }, s.totalText),
      " คะแนน ระดับผลการประเมิน ",
      h("strong", { "data-figure": "rating" }, s.rating.th),
      h("br", null),
      h("span", { class: "en" }, `Total ${s.totalText}, rating ${s.rating.en || s.rating.th}`),
    ),
    table(
      HEADINGS.toolTable,
      s.tools.map((t) =>
        h(
          "tr",
          null,
          h("td", null, bi({ th: t.id, en: "" })),
          h("td", { class: "num" }, r.principles.tools.find((x) => x.id === t.id)?.weight ?? ""),
          h("td", { class: "num", "data-figure": `tool ${t.id}` }, t.score),
        ),
      ),
    ),
    s.nextUp
      ? h(
          "div",
          null,
          h(
            "p",
            null,
            `สิ่งที่ยังขาดสำหรับระดับ “${s.nextUp.label.th}” `,
            h(
              "span",
              { class: "en" },
              `What stands between this result and “${s.nextUp.label.en || s.nextUp.label.th}”`,
            ),
          ),
          h(
            "ul",
            null,
            s.nextUp.shortfalls.map((x) => h("li", null, x.th, h("span", { class: "en" }, ` / ${x.en}`))),
          ),
        )
      : null,
    h("h3", null, "การวิเคราะห์ผลการประเมินจำแนกตามตัวชี้วัด ", h("span", { class: "en" }, "By indicator")),
    chart(r),
    table(
      indicatorColumns(Boolean(r.principles.pass)),
      r.indicators.map((i) =>
        h(
          "tr",
          { "data-indicator": i.id },
          h("td", { class: "num" }, i.idText),
          h("td", null, i.tools),
          h("td", null, i.label.th),
          h("td", { class: "num" }, i.score),
          i.result ? h("td", { class: i.pass ? "pass" : "fail" }, i.result.th) : null,
        ),
      ),
    ),
  );
}

const SERIES_COLOURS = ["#1f2328", "#0969da", "#8250df", "#bf3989", "#1a7f37", "#9a6700", "#cf222e"];

/**
 * The trend: one line per series (the total, then each tool) across the years, a dot
 * and its figure at each year that has one, and a gap where a year has none (a tool
 * that did not exist, a year given in part). The y axis starts at 50 when every
 * figure is above it, so a few points' change is visible.
 */
function trendChart(r: ReportModel): Html | null {
  const hist = r.history;
  if (!hist) return null;
  const series = hist.lines.filter((l) => l.kind !== "indicator" && l.values.some((v) => v !== null));
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (all.length === 0) return null;
  const W = 720;
  const H = 300;
  const left = 44;
  const right = 170;
  const top = 20;
  const bottom = 40;
  const floor = Math.min(...all) >= 50 ? 50 : 0;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const n = hist.years.length;
  const x = (i: number): number => left + (n === 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number): number => top + plotH * (1 - (Math.max(floor, Math.min(100, v)) - floor) / (100 - floor));
  const ticks = [0, 1, 2, 3, 4, 5].map((k) => floor + ((100 - floor) * k) / 5);
  const grid = ticks.map((t) =>
    h(
      "g",
      null,
      h("line", { x1: left, x2: left + plotW, y1: y(t).toFixed(1), y2: y(t).toFixed(1), stroke: "#e5e7eb" }),
      h("text", { x: left - 6, y: (y(t) + 4).toFixed(1), "text-anchor": "end", "font-size": 11, fill: "#57606a" }, t),
    ),
  );
  const years = hist.years.map((yr, i) =>
    h("text", { x: x(i).toFixed(1), y: H - bottom + 18, "text-anchor": "middle", "font-size": 13 }, yr.yearText),
  );
  // End labels one under another where the lines end close together (EIT1 92.19, EIT2 93.33, total 93.60).
  const labelY = new Map<string, number>();
  const ends = series
    .map((s) => {
      const last = s.values.findLastIndex((v) => v !== null);
      return { id: s.id, last, y: y(s.values[last]!) + 4 };
    })
    .sort((a, b) => a.y - b.y);
  const floorY = new Map<number, number>();
  for (const e of ends) {
    const at = Math.max(e.y, (floorY.get(e.last) ?? -Infinity) + 14);
    labelY.set(e.id, at);
    floorY.set(e.last, at);
  }
  const lines = series.map((s, k) => {
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length]!;
    // A path per run of consecutive years that have the figure: a missing year is a gap, not a zero.
    const runs: string[] = [];
    let run: string[] = [];
    s.values.forEach((v, i) => {
      if (v === null) {
        if (run.length > 1) runs.push(run.join(" "));
        run = [];
        return;
      }
      run.push(`${run.length ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    if (run.length > 1) runs.push(run.join(" "));
    const name = s.kind === "total" ? "คะแนนรวม / total" : s.id;
    const last = s.values.findLastIndex((v) => v !== null);
    return h(
      "g",
      { class: "series", "data-series": s.id },
      runs.map((d) => h("path", { d, fill: "none", stroke: colour, "stroke-width": s.kind === "total" ? 3 : 1.5 })),
      s.values.map((v, i) =>
        v === null
          ? null
          : h(
              "circle",
              { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: s.kind === "total" ? 4 : 3, fill: colour },
              h("title", null, `${name} ${hist.years[i]!.yearText}: ${s.texts[i]!}`),
            ),
      ),
      h(
        "text",
        { x: x(last) + 8, y: labelY.get(s.id)!.toFixed(1), "font-size": 12, fill: colour },
        `${name} ${s.texts[last]!}`,
      ),
    );
  });
  return h(
    "svg",
    {
      class: "chart trend",
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-label": "คะแนนรวมและคะแนนแบบวัดรายปี / total and tool scores by year",
    },
    grid,
    years,
    lines,
    h(
      "text",
      { x: left + plotW / 2, y: H - 6, "text-anchor": "middle", "font-size": 12, fill: "#57606a" },
      "ปีงบประมาณ / fiscal year",
    ),
  );
}

function historyBlock(r: ReportModel): Html | null {
  const hist = r.history;
  if (!hist) return null;
  const head = [
    { th: "ตัวชี้วัด / แบบวัด", en: "Indicator / tool" },
    { th: "ประเด็น", en: "Name" },
    ...hist.years.flatMap((y, i) => [
      ...(i > 0 ? [{ th: "เปลี่ยนแปลง", en: "change" }] : []),
      { th: `ปี ${y.yearText}`, en: `FY ${y.year}` },
    ]),
  ];
  const cells = (l: HistoryLine): Html[] =>
    l.texts.flatMap((t, i) => [
      ...(i > 0
        ? [
            h(
              "td",
              { class: `num change${(l.changes[i] ?? 0) < 0 ? " fail" : (l.changes[i] ?? 0) > 0 ? " pass" : ""}` },
              l.changeTexts[i]!,
            ),
          ]
        : []),
      h("td", { class: "num" }, t),
    ]);
  const row = (l: HistoryLine): Html =>
    h(
      "tr",
      { "data-history": `${l.kind} ${l.id}` },
      h("td", { class: l.kind === "indicator" ? "num" : undefined }, l.kind === "total" ? "รวม" : l.idText),
      h(
        "td",
        null,
        l.label.th,
        l.notes.length
          ? h(
              "div",
              { class: "note" },
              l.notes.map((n) => h("div", null, `※ ${n.th}`)),
            )
          : null,
      ),
      cells(l),
    );
  const ratingRow = h(
    "tr",
    { "data-history": "rating" },
    h("td", null, "ระดับ"),
    h("td", null, "ระดับผลการประเมิน", h("span", { class: "en" }, " Rating")),
    hist.rating.labels.flatMap((label, i) => [
      ...(i > 0 ? [h("td", { class: "change" }, hist.rating.moves[i]!.th)] : []),
      h("td", null, label),
    ]),
  );
  const yearNotes = hist.years.filter((y) => y.remark || y.source);
  return h(
    "section",
    { class: "history" },
    h("h2", null, "เทียบหลายปี ", h("span", { class: "en" }, "Compared with earlier years")),
    h(
      "p",
      { class: "note" },
      "แต่ละปีคำนวณตามเกณฑ์ของปีนั้น ตัวชี้วัดจับคู่ตามหมายเลข การเปลี่ยนแปลงคือปีนั้นลบปีก่อนหน้า ",
      h(
        "span",
        { class: "en" },
        "Each year is scored by its own rules; indicators are matched by number; a change is that year minus the one before.",
      ),
    ),
    trendChart(r),
    table(
      head,
      hist.lines
        .filter((l) => l.kind !== "indicator")
        .map(row)
        .concat([ratingRow], hist.lines.filter((l) => l.kind === "indicator").map(row)),
      "history-table",
    ),
    yearNotes.length
      ? h(
          "ul",
          { class: "note" },
          yearNotes.map((y) =>
            h(
              "li",
              null,
              `ปี ${y.yearText}: `,
              y.remark ? `${y.remark.th} / ${y.remark.en}` : null,
              y.remark && y.source ? " · " : null,
              y.source ? `ที่มา / source: ${y.source}` : null,
            ),
          ),
        )
      : null,
    hist.criteria.length
      ? h(
          "div",
          null,
          h("h3", null, "เกณฑ์ที่เปลี่ยนระหว่างปี ", h("span", { class: "en" }, "Criteria changes between years")),
          h(
            "ul",
            null,
            hist.criteria.map((c) => h("li", null, c.th, h("span", { class: "en" }, ` / ${c.en}`))),
          ),
        )
      : null,
  );
}

function auditBlock(r: ReportModel): Html | null {
  if (!r.audit) return null;
  return h(
    "section",
    { class: "audit", "data-section": "audit" },
    h("h2", null, "ตรวจทานตัวเลขก่อนเผยแพร่ ", h("span", { class: "en" }, "Check before publishing")),
    r.audit.length === 0
      ? h(
          "p",
          null,
          "ตัวเลขที่ประกาศตรงกับเกณฑ์ทั้งหมด ",
          h("span", { class: "en" }, "Every published figure agrees with the rules."),
        )
      : h(
          "ul",
          null,
          r.audit.map((f) => h("li", null, f.th, h("br", null), h("span", { class: "en" }, f.en))),
        ),
  );
}

function details(r: ReportModel): Html {
  return h(
    "section",
    null,
    h("h2", null, "แนวทางการยกระดับผลการประเมินรายตัวชี้วัด ", h("span", { class: "en" }, "Guidance by indicator")),
    r.indicators.map((i) =>
      h(
        "section",
        { "data-indicator": i.id },
        h("h3", null, `ตัวชี้วัดที่ ${i.idText} ${i.label.th} (${i.score}${i.result ? ` ${i.result.th}` : ""})`),
        i.parts.map((p) =>
          h(
            "div",
            null,
            i.parts.length > 1
              ? h("p", null, h("strong", null, `แบบวัด ${p.tool}`), ` ${p.toolLabel.th} (${p.score})`)
              : null,
            table(
              HEADINGS.questionTable,
              p.questions.map((q) =>
                h(
                  "tr",
                  { "data-question": q.id, "data-tool": p.tool, "data-variant": q.variant },
                  h("td", null, `${q.idText} ${q.text}`),
                  h("td", { class: "num" }, q.score ?? "–"),
                  h("td", { class: `guidance-${q.variant}` }, q.guidance),
                ),
              ),
            ),
            p.questions.some((q) => q.basis !== "question")
              ? h(
                  "p",
                  { class: "note" },
                  "ไม่มีคะแนนรายข้อ แนวทางเลือกตามคะแนนตัวชี้วัด / no question scores given: guidance follows the indicator's score",
                )
              : null,
          ),
        ),
      ),
    ),
  );
}

function planBlock(r: ReportModel): Html {
  return h(
    "section",
    { class: "plan" },
    h(
      "h2",
      null,
      `การนำผลการวิเคราะห์ไปสู่การปรับปรุง ของ ${r.agency.name} ประจำปีงบประมาณ พ.ศ. ${r.planYear} `,
      h("span", { class: "en" }, "Improvement plan"),
    ),
    h(
      "p",
      { class: "note" },
      "แก้ไขข้อความในตารางแผนได้ก่อนพิมพ์หรือบันทึก / the plan's cells can be edited before printing or saving",
    ),
    table(
      HEADINGS.planTable,
      r.plan.map((p) =>
        h(
          "tr",
          { "data-indicator": p.indicator },
          h("td", null, `${p.indicatorText} ${p.indicatorLabel}`, h("div", { class: "note" }, p.reason)),
          h("td", { class: "pre", contenteditable: "true" }, p.issue),
          h("td", { class: "pre", contenteditable: "true" }, p.measure),
          h("td", { class: "pre", contenteditable: "true" }, p.owner),
          h("td", { class: "pre", contenteditable: "true" }, p.steps),
          h("td", { class: "pre", contenteditable: "true" }, p.period),
        ),
      ),
      "plan-table",
    ),
  );
}

/** A whole page: Thai, UTF-8, our inline CSS, nothing fetched. */
function page(title: string, ...body: Child[]): string {
  const doc = h(
    "html",
    { lang: "th" },
    h(
      "head",
      null,
      trusted('<meta charset="utf-8">'),
      trusted('<meta name="viewport" content="width=device-width, initial-scale=1">'),
      h("title", null, title),
      h("style", null, trusted(CSS)),
    ),
    h("body", null, ...body),
  );
  return `<!DOCTYPE html>\n${doc.markup}\n`;
}

export function renderHtml(r: ReportModel): string {
  return page(
    `${r.title.heading} ${r.title.fiscalYear} ${r.agency.name}`,
    titleBlock(r),
    auditBlock(r),
    results(r),
    historyBlock(r),
    principles(r),
    details(r),
    planBlock(r),
  );
}

/** Every agency's total, rating and weakest indicators, sorted best first. */
export function renderSummaryHtml(
  reports: readonly SummaryEntry[],
  failed: readonly { file: string; message: string }[] = [],
): string {
  const sorted = sortForSummary(reports);
  const first = reports[0];
  return page(
    `สรุปผลการประเมิน ITA / ITA summary${first ? ` ${first.title.fiscalYear}` : ""}`,
    h("h1", null, "สรุปผลการประเมิน ITA รายหน่วยงาน ", h("span", { class: "en" }, "ITA results by agency")),
    first ? h("p", { class: "headline" }, first.title.fiscalYear) : null,
    table(
      SUMMARY_HEADINGS,
      sorted.map((r, i) =>
        h(
          "tr",
          null,
          h("td", { class: "num" }, i + 1),
          h("td", null, r.agency.name),
          h("td", null, r.title.placeLine),
          h("td", { class: "num" }, r.summary.totalText),
          h("td", null, r.summary.rating.th),
          h("td", { class: "pre" }, weakestText(r)),
        ),
      ),
    ),
    failed.length > 0
      ? h(
          "section",
          { class: "audit" },
          h("h2", null, "ไฟล์ที่อ่านไม่ได้ ", h("span", { class: "en" }, "Files not reported")),
          h(
            "ul",
            null,
            failed.map((f) => h("li", null, h("strong", null, f.file), `: ${f.message}`)),
          ),
        )
      : null,
  );
}
