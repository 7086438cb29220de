/**
 * The preview's stand-in for Excel: the in-memory workbook drawn as a grid with
 * sheet tabs, a name box and a formula bar (type a value, Enter, and the workbook
 * recalculates), number formats, conditional formats below the pass mark, and each
 * chart as a small SVG. Selecting a cell (by click or through the port) highlights
 * it. Cell text is set with textContent only.
 */
import { formatFixed } from "../../dsl/runtime.js";
import { cellA1, columnLetters, parseRange } from "../../workbook/a1.js";
import { isErrorValue, type MemoryWorkbook, type Shown } from "../../workbook/memory-adapter.js";
import type { ChartSpec } from "../../workbook/port.js";
import { h } from "../dom.js";

const MIN_ROWS = 24;
const MIN_COLUMNS = 8;
const SVG = "http://www.w3.org/2000/svg";

function decimalsOf(format: string | undefined): number | undefined {
  const m = format ? /^0(?:\.(0+))?$/.exec(format) : null;
  return m ? (m[1]?.length ?? 0) : undefined;
}

function inside(a1: string, row: number, column: number): boolean {
  const r = parseRange(a1);
  return row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;
}

export function mountGrid(root: HTMLElement, book: MemoryWorkbook): void {
  const nameBox = h("output", { class: "name-box", "aria-label": "เซลล์ที่เลือก / selected cell" });
  const formulaBar = h("input", {
    type: "text",
    class: "formula-bar",
    "aria-label": "ค่าหรือสูตรในเซลล์ที่เลือก (Enter เพื่อใส่) / value or formula of the selected cell (Enter to apply)",
  });
  // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
  const gridWrap = h("div", { class: "grid-wrap", tabindex: 0, role: "region", "aria-label": "ตาราง / grid" });
  const charts = h("div", { class: "charts" });
  const tabs = h("div", { class: "sheet-tabs", role: "group", "aria-label": "ชีต / sheets" });
  root.replaceChildren(h("div", { class: "bar" }, nameBox, formulaBar), gridWrap, charts, tabs);

  formulaBar.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    const { sheet, address } = book.selection;
    const first = address.split(":")[0]!;
    const text = formulaBar.value;
    const n = Number(text);
    book.setCell(sheet, first, text.trim() !== "" && Number.isFinite(n) && !/^[+-]?0\d/.test(text.trim()) ? n : text);
  });

  const show = (v: Shown, format: string | undefined): string => {
    if (isErrorValue(v)) return v.error;
    if (typeof v === "number") {
      const d = decimalsOf(format);
      return d === undefined ? String(v) : formatFixed(v, d);
    }
    return v === null || v === undefined ? "" : String(v);
  };

  const draw = (): void => {
    const name = book.active;
    const sheet = book.sheet(name);
    if (!sheet) return;
    const spec = sheet.spec ?? {};
    const e = book.extent(name);
    const rows = Math.max(MIN_ROWS, (e?.bottom ?? 0) + 2);
    const columns = Math.max(MIN_COLUMNS, (e?.right ?? 0) + 1);
    const selected = book.selection.sheet === name ? parseRange(book.selection.address) : undefined;
    const covered = new Set<string>();
    const widths = spec.columnWidths ?? [];

    const head = h(
      "tr",
      {},
      h("th", { class: "corner", scope: "col" }, h("span", { class: "sr-only" }, "แถว / row")),
      ...Array.from({ length: columns }, (_, j) =>
        h(
          "th",
          { scope: "col", style: widths[j] ? `min-width:${Math.round(widths[j]! * 1.1)}px` : undefined },
          columnLetters(j + 1),
        ),
      ),
    );
    const body: HTMLElement[] = [];
    for (let row = 1; row <= rows; row++) {
      const cells: HTMLElement[] = [h("th", { scope: "row" }, String(row))];
      for (let column = 1; column <= columns; column++) {
        const a1 = cellA1(row, column);
        if (covered.has(a1)) continue;
        const v = book.shown(name, row, column);
        const formats = (spec.formats ?? []).filter((f) => inside(f.range, row, column));
        const numberFormat = formats
          .map((f) => f.numberFormat)
          .filter(Boolean)
          .at(-1);
        const td = h("td", { "data-cell": a1 }, show(v, numberFormat));
        const merged = sheet.merged.find((m) => parseRange(m).top === row && parseRange(m).left === column);
        if (merged) {
          const m = parseRange(merged);
          td.colSpan = m.right - m.left + 1;
          td.rowSpan = m.bottom - m.top + 1;
          for (let r = m.top; r <= m.bottom; r++)
            for (let c = m.left; c <= m.right; c++) if (r !== row || c !== column) covered.add(cellA1(r, c));
        }
        for (const f of formats) {
          if (f.bold) td.style.fontWeight = "600";
          if (f.italic) td.style.fontStyle = "italic";
          if (f.fill) td.style.background = f.fill;
          if (f.fontColor) td.style.color = f.fontColor;
          if (f.wrap) td.style.whiteSpace = "normal";
          if (f.horizontal) td.style.textAlign = f.horizontal;
        }
        if (typeof v === "number") td.classList.add("num");
        if (isErrorValue(v)) {
          td.title = v.message;
          td.classList.add("error");
        }
        const below = (spec.below ?? []).find((b) => inside(b.range, row, column));
        if (below && typeof v === "number" && v < below.below) {
          td.classList.add("below");
          td.style.background = below.fill;
          if (below.fontColor) td.style.color = below.fontColor;
        }
        const above = (spec.above ?? []).find((a) => inside(a.range, row, column));
        if (above && typeof v === "number" && v > above.above) {
          td.classList.add("above");
          td.style.background = above.fill;
          if (above.fontColor) td.style.color = above.fontColor;
        }
        if (book.formula(name, row, column)) td.dataset.formula = book.formula(name, row, column);
        if (
          selected &&
          row >= selected.top &&
          row <= selected.bottom &&
          column >= selected.left &&
          column <= selected.right
        ) {
          td.classList.add("selected");
        }
        // Shift+click selects from the last clicked cell, as in Excel.
        td.addEventListener("click", (ev) => {
          const from = ev.shiftKey && book.selection.sheet === name ? book.selection.address.split(":")[0]! : a1;
          void book.select(name, from === a1 ? a1 : `${from}:${a1}`);
        });
        cells.push(td);
      }
      body.push(h("tr", {}, ...cells));
    }
    const table = h(
      "table",
      { class: "grid", "data-sheet": name },
      h("caption", { class: "sr-only" }, `ชีต ${name} / sheet ${name}`),
      h("thead", {}, head),
      h("tbody", {}, ...body),
    );
    gridWrap.replaceChildren(table);
    table.querySelector<HTMLElement>("td.selected")?.scrollIntoView({ block: "nearest", inline: "nearest" });

    nameBox.textContent = book.selection.sheet === name ? `${name}!${book.selection.address}` : name;
    const sel = parseRange(book.selection.address);
    formulaBar.value = book.formula(name, sel.top, sel.left) ?? show(book.shown(name, sel.top, sel.left), undefined);

    charts.replaceChildren(...(spec.charts ?? []).map((c) => chart(book, name, c)));
    tabs.replaceChildren(
      ...book.sheetNames().map((n) =>
        h(
          "button",
          {
            type: "button",
            class: "sheet-tab",
            "aria-pressed": String(n === name),
            onclick: () => void book.select(n, "A1"),
          },
          n,
        ),
      ),
    );
  };
  book.onChange(draw);
  draw();
}

/**
 * A column chart with line series, enough to see the indicators against the pass mark;
 * or, for `kind: "line"` (a trend across years), every series a line with a gap where a
 * cell is empty.
 */
function chart(book: MemoryWorkbook, sheet: string, spec: ChartSpec): Element {
  const values = (a1: string): (number | null)[] => {
    const r = parseRange(a1);
    const out: (number | null)[] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const v = book.shown(sheet, row, r.left);
      out.push(typeof v === "number" ? v : null);
    }
    return out;
  };
  const labels = (() => {
    const r = parseRange(spec.categories);
    return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => String(book.shown(sheet, r.top + i, r.left) ?? ""));
  })();
  const line = spec.kind === "line";
  const bars = values(spec.values.range);
  const width = 360;
  const height = 180;
  const pad = 24;
  const x = (i: number): number => pad + (i * (width - pad * 2)) / Math.max(1, bars.length);
  const y = (v: number): number => height - pad - (v / 100) * (height - pad * 2);
  const el = (tag: string, attrs: Record<string, string | number>, text?: string): Element => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": spec.title });
  svg.append(el("title", {}, spec.title));
  const slot = (width - pad * 2) / Math.max(1, bars.length);
  bars.forEach((v, i) => {
    if (!line) {
      const b = v ?? 0;
      svg.append(
        el("rect", { x: x(i) + slot * 0.15, y: y(b), width: slot * 0.7, height: y(0) - y(b), fill: "#0f6cbd" }),
      );
    }
    svg.append(
      el("text", { x: x(i) + slot / 2, y: height - 8, "text-anchor": "middle", "font-size": 10 }, labels[i] ?? ""),
    );
  });
  const polyline = (vs: readonly (number | null)[], stroke: string): void => {
    // A run of consecutive numbers is one line; an empty cell breaks it.
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 1)
        svg.append(el("polyline", { points: run.join(" "), fill: "none", stroke, "stroke-width": 2 }));
      run = [];
    };
    vs.forEach((v, i) => (v === null ? flush() : run.push(`${x(i) + slot / 2},${y(v)}`)));
    flush();
  };
  if (line) polyline(bars, "#0f6cbd");
  for (const l of spec.lines ?? []) polyline(values(l.range), line ? "#8a8886" : "#c50f1f");
  return h("figure", { class: "chart" }, svg as unknown as HTMLElement, h("figcaption", {}, spec.title));
}
