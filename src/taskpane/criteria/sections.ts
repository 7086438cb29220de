/**
 * The sections of the criteria view, built from the syntax tree of the rules text:
 * each control shows a value as written and, when changed, asks for one edit
 * (src/dsl/edit.ts). The checker's findings are shown on the row they concern (a
 * diagnostic inside a band's span is that band's); a part of the text that does not
 * parse is a disabled fieldset with its error. Native elements only: labels, inputs,
 * selects, checkboxes, fieldsets, tables and details, so the keyboard and screen
 * readers work without scripts of our own.
 */
import {
  type Ast as A,
  formatNumber,
  isBroken,
  type ConditionSpec,
  type LabelText,
  type RulesEdit,
  type RulesResult,
  type Diagnostic,
  type SourceSpan,
} from "../../dsl/index.js";
import { h } from "../dom.js";

type T = (th: string, en: string) => string;

export interface SectionState {
  readonly t: T;
  readonly text: string;
  readonly result: RulesResult;
  readonly broken: readonly { from: number; to: number }[];
  /** Ids of indicators whose details are open. */
  readonly open: Set<string>;
  commit(edit: RulesEdit): boolean;
  /** Focus the element with this id once the view has re-rendered. */
  focus(id: string): void;
  readonly effect: HTMLElement;
}

const end = (s: SourceSpan): number => s.offset + s.length;

/** Thai digits read as Arabic; "" is absent; anything else not a number is NaN (the edit then says why). */
function readNumber(v: string): number | undefined {
  const s = v.trim().replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  return s === "" ? undefined : /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

function input(
  id: string,
  value: string,
  onCommit: (v: string) => void,
  attrs: Record<string, string> = {},
): HTMLInputElement {
  const el = h("input", { type: "text", id, autocomplete: "off", ...attrs });
  el.value = value;
  el.addEventListener("change", () => onCommit(el.value));
  return el;
}

function field(label: string, control: HTMLElement, cls = "crit-field"): HTMLElement {
  return h("div", { class: cls }, h("label", { for: control.id }, label), control);
}

function button(id: string, text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = h("button", { type: "button", id, ...attrs }, text);
  b.addEventListener("click", onClick);
  return b;
}

/** The checker's findings whose place lies inside `span` (and, with `exclude`, not inside any of those spans). */
function findingsIn(s: SectionState, span: SourceSpan, exclude: readonly SourceSpan[] = []): Diagnostic[] {
  const inside = (d: Diagnostic, x: SourceSpan): boolean => d.offset >= x.offset && d.offset < end(x);
  return s.result.diagnostics.filter((d) => inside(d, span) && !exclude.some((x) => inside(d, x)));
}

function findings(s: SectionState, id: string, found: readonly Diagnostic[]): HTMLElement | null {
  if (found.length === 0) return null;
  return h(
    "ul",
    { class: "crit-findings", id },
    ...found.map((d) => {
      return h(
        "li",
        { "data-severity": d.severity },
        `${d.severity === "error" ? "✖" : "⚠"} ${s.t(d.th, d.en)} `,
        h("span", { class: "crit-where" }, `(${s.t(`บรรทัด ${d.line}`, `line ${d.line}`)} · ${d.code})`),
      );
    }),
  );
}

/** A fieldset for one node: disabled, with a note, when its text does not parse; its findings under it. */
function group(
  s: SectionState,
  id: string,
  legend: string,
  span: SourceSpan | undefined,
  ...children: (Node | null)[]
): HTMLFieldSetElement {
  const broken = span ? isBroken(s.broken, span) : false;
  const found = span ? findingsIn(s, span) : [];
  const fs = h("fieldset", { class: "crit-group", id }, h("legend", {}, legend));
  if (broken) {
    fs.disabled = true;
    fs.append(
      h(
        "p",
        { class: "crit-broken" },
        s.t(
          "ส่วนนี้ของข้อความเกณฑ์มีข้อผิดพลาด: แก้ในมุมมองข้อความก่อน",
          "This part of the rules text has an error: fix it in the text view first",
        ),
      ),
    );
  }
  for (const c of children) if (c) fs.append(c);
  const list = findings(s, `${id}-findings`, found);
  if (list) {
    fs.append(list);
    fs.setAttribute("aria-describedby", list.id);
  }
  return fs;
}

/** Thai and English name inputs that commit both together. */
function labelFields(
  s: SectionState,
  id: string,
  l: A.Label | undefined,
  edit: (label: LabelText) => RulesEdit,
): HTMLElement[] {
  const th = input(`${id}-th`, l?.th.value ?? "", () => s.commit(edit({ th: th.value, en: en.value })), { lang: "th" });
  const en = input(`${id}-en`, l?.en?.value ?? "", () => s.commit(edit({ th: th.value, en: en.value })), {
    lang: "en",
  });
  return [field(s.t("ชื่อภาษาไทย", "Thai name"), th), field(s.t("ชื่อภาษาอังกฤษ", "English name"), en)];
}

const of = <K extends A.Statement["kind"]>(s: SectionState, kind: K): Extract<A.Statement, { kind: K }>[] =>
  s.result.ast.statements.filter((x): x is Extract<A.Statement, { kind: K }> => x.kind === kind);

function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  const el = h(
    "section",
    { class: "crit-section", id, "aria-labelledby": `${id}-h` },
    h("h3", { id: `${id}-h` }, title),
  );
  for (const c of children) if (c) el.append(c);
  return el;
}

// --- assessment ---------------------------------------------------------------------

function assessmentSection(s: SectionState): HTMLElement {
  const a = of(s, "assessment")[0];
  const year = input(
    "crit-year",
    a?.year ? String(a.year.value) : "",
    (v) => {
      s.commit({ op: "assessment-year", year: readNumber(v) ?? Number.NaN });
    },
    { inputmode: "numeric" },
  );
  return section(
    "crit-assessment",
    s.t("การประเมิน", "Assessment"),
    group(
      s,
      "crit-assessment-group",
      s.t("ชื่อและปีงบประมาณ", "Name and fiscal year"),
      a?.span,
      ...labelFields(s, "crit-name", a?.label, (label) => ({ op: "assessment-label", label })),
      field(s.t("ปีงบประมาณ (พ.ศ.)", "Fiscal year (B.E.)"), year),
    ),
  );
}

// --- tools ----------------------------------------------------------------------------

function toolsSection(s: SectionState): HTMLElement {
  const tools = of(s, "tool");
  const weights: HTMLInputElement[] = [];
  const sumCell = h("td", { id: "crit-weight-sum", "aria-live": "polite" });
  const sumError = h("p", { class: "crit-error", id: "crit-weight-error", role: "alert" });
  const updateSum = (): void => {
    const values = weights.map((w) => readNumber(w.value) ?? 0);
    const sum = values.reduce((a, b) => a + b, 0);
    sumCell.textContent = formatNumber(Number(sum.toFixed(6)));
    const bad = values.some((v) => Number.isNaN(v)) || Math.abs(sum - 100) > 1e-9;
    sumError.textContent = bad
      ? s.t(
          `น้ำหนักรวมกันได้ ${sumCell.textContent} ต้องเท่ากับ 100`,
          `The weights add up to ${sumCell.textContent}; they must add up to 100`,
        )
      : "";
    sumError.hidden = !bad;
  };
  const rows = tools.map((tool, i) => {
    const id = tool.id?.value ?? "";
    const idInput = input(`crit-tool-${i}-id`, id, (v) => s.commit({ op: "tool-id", tool: id, id: v }), {
      "aria-label": s.t(`รหัสแบบวัด ${id}`, `Tool id ${id}`),
      class: "crit-narrow",
    });
    const th = input(
      `crit-tool-${i}-th`,
      tool.label?.th.value ?? "",
      () => s.commit({ op: "tool-label", tool: id, label: { th: th.value, en: en.value } }),
      {
        "aria-label": s.t(`ชื่อภาษาไทยของ ${id}`, `Thai name of ${id}`),
        lang: "th",
      },
    );
    const en = input(
      `crit-tool-${i}-en`,
      tool.label?.en?.value ?? "",
      () => s.commit({ op: "tool-label", tool: id, label: { th: th.value, en: en.value } }),
      {
        "aria-label": s.t(`ชื่อภาษาอังกฤษของ ${id}`, `English name of ${id}`),
        lang: "en",
      },
    );
    const weight = input(
      `crit-tool-${i}-weight`,
      tool.weight ? formatNumber(tool.weight.value) : "",
      (v) => {
        s.commit({ op: "tool-weight", tool: id, weight: readNumber(v) ?? Number.NaN });
      },
      {
        "aria-label": s.t(`น้ำหนักของ ${id} (%)`, `Weight of ${id} (%)`),
        inputmode: "decimal",
        class: "crit-narrow",
        "aria-describedby": "crit-weight-error",
      },
    );
    weight.addEventListener("input", updateSum);
    weights.push(weight);
    const remove = button(`crit-tool-${i}-remove`, "✕", () => void s.commit({ op: "tool-remove", tool: id }), {
      "aria-label": s.t(`ลบแบบวัด ${id}`, `Remove tool ${id}`),
      class: "crit-icon",
    });
    const broken = isBroken(s.broken, tool.span);
    const row = h(
      "tr",
      {},
      h("td", {}, idInput),
      h("td", { class: "crit-names" }, th, en),
      h("td", {}, weight),
      h("td", {}, remove),
    );
    if (broken) for (const c of row.querySelectorAll("input, button")) (c as HTMLInputElement).disabled = true;
    const found = findingsIn(s, tool.span);
    const list = findings(s, `crit-tool-${i}-findings`, found);
    return list ? [row, h("tr", {}, h("td", { colspan: "4" }, list))] : [row];
  });
  const table = h(
    "table",
    { class: "crit-table crit-tools", id: "crit-tools" },
    h("caption", { class: "crit-sr" }, s.t("แบบวัดและน้ำหนัก", "Tools and weights")),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, s.t("รหัส", "Id")),
        h("th", { scope: "col" }, s.t("ชื่อ", "Name")),
        h("th", { scope: "col" }, s.t("น้ำหนัก %", "Weight %")),
        h("th", { scope: "col" }, h("span", { class: "crit-sr" }, s.t("ลบ", "Remove"))),
      ),
    ),
    h("tbody", {}, ...rows.flat()),
    h("tfoot", {}, h("tr", {}, h("th", { scope: "row", colspan: "2" }, s.t("รวม", "Total")), sumCell, h("td", {}))),
  );
  updateSum();

  const newId = input("crit-new-tool-id", "", () => undefined, { class: "crit-narrow" });
  const newTh = input("crit-new-tool-th", "", () => undefined, { lang: "th" });
  const newWeight = input("crit-new-tool-weight", "0", () => undefined, { inputmode: "decimal", class: "crit-narrow" });
  const add = button("crit-new-tool-add", s.t("เพิ่มแบบวัด", "Add tool"), () => {
    if (
      s.commit({
        op: "tool-add",
        id: newId.value.trim(),
        label: { th: newTh.value },
        weight: readNumber(newWeight.value) ?? 0,
      })
    ) {
      s.focus("crit-new-tool-id");
    }
  });
  const adder = h(
    "details",
    { class: "crit-add" },
    h("summary", {}, s.t("เพิ่มแบบวัด", "Add a tool")),
    field(s.t("รหัส (เช่น EIT3)", "Id (e.g. EIT3)"), newId),
    field(s.t("ชื่อภาษาไทย", "Thai name"), newTh),
    field(s.t("น้ำหนัก %", "Weight %"), newWeight),
    add,
  );
  return section("crit-tools-section", s.t("แบบวัดและน้ำหนัก", "Tools and weights"), table, sumError, adder);
}

// --- pass mark and rounding --------------------------------------------------------------

function scoringSection(s: SectionState): HTMLElement {
  const p = of(s, "pass")[0];
  const r = of(s, "rounding")[0];
  const threshold = input(
    "crit-pass",
    p?.threshold ? formatNumber(p.threshold.value) : "",
    (v) => {
      s.commit({ op: "pass-threshold", value: readNumber(v) ?? Number.NaN });
    },
    { inputmode: "decimal", class: "crit-narrow" },
  );
  const labels = (): RulesEdit => ({
    op: "pass-labels",
    pass: { th: passTh.value, en: passEn.value },
    fail: { th: failTh.value, en: failEn.value },
  });
  const passTh = input("crit-pass-th", p?.passLabel?.th.value ?? "", () => s.commit(labels()), { lang: "th" });
  const passEn = input("crit-pass-en", p?.passLabel?.en?.value ?? "", () => s.commit(labels()), { lang: "en" });
  const failTh = input("crit-fail-th", p?.failLabel?.th.value ?? "", () => s.commit(labels()), { lang: "th" });
  const failEn = input("crit-fail-en", p?.failLabel?.en?.value ?? "", () => s.commit(labels()), { lang: "en" });
  const decimals = h("select", { id: "crit-decimals" });
  for (let d = 0; d <= 4; d++) {
    const o = h("option", { value: String(d) }, s.t(`${d} ตำแหน่ง`, `${d} places`));
    o.selected = r?.decimals?.value === d;
    decimals.append(o);
  }
  decimals.addEventListener(
    "change",
    () => void s.commit({ op: "rounding-decimals", decimals: Number(decimals.value) }),
  );
  return section(
    "crit-scoring",
    s.t("เกณฑ์ผ่านและการปัดเศษ", "Pass mark and rounding"),
    group(
      s,
      "crit-pass-group",
      s.t("เกณฑ์ผ่านของแต่ละตัวชี้วัด", "Each indicator's pass mark"),
      p?.span,
      field(s.t("ผ่านเมื่อได้ตั้งแต่", "Passes from"), threshold),
      field(s.t("คำว่าผ่าน (ไทย)", "Pass label (Thai)"), passTh),
      field(s.t("คำว่าผ่าน (อังกฤษ)", "Pass label (English)"), passEn),
      field(s.t("คำว่าไม่ผ่าน (ไทย)", "Fail label (Thai)"), failTh),
      field(s.t("คำว่าไม่ผ่าน (อังกฤษ)", "Fail label (English)"), failEn),
    ),
    group(
      s,
      "crit-rounding-group",
      s.t("การปัดเศษ (ปัดครึ่งขึ้น)", "Rounding (half up)"),
      r?.span,
      field(s.t("ทศนิยมที่ประกาศ", "Published decimals"), decimals),
    ),
  );
}

// --- rating bands --------------------------------------------------------------------------

function conditionSpec(c: A.ConditionNode): ConditionSpec {
  return {
    subject: c.subject,
    ...(c.toolId ? { tool: c.toolId.value } : {}),
    ...(c.range?.min ? { min: c.range.min.value } : {}),
    ...(c.range?.max ? { max: c.range.max.value } : {}),
  };
}

function bandsSection(s: SectionState): HTMLElement {
  const rating = of(s, "rating")[0];
  const tools = of(s, "tool").flatMap((x) => (x.id ? [x.id.value] : []));
  const bands = rating?.bands ?? [];
  const subjects: { value: string; th: string; en: string }[] = [
    { value: "total", th: "คะแนนรวม", en: "the total" },
    { value: "every", th: "ทุกแบบวัด", en: "every tool" },
    { value: "any", th: "แบบวัดใดแบบวัดหนึ่ง", en: "any tool" },
    ...tools.map((x) => ({ value: `tool:${x}`, th: `แบบวัด ${x}`, en: `tool ${x}` })),
  ];
  const items = bands.map((b, i) => {
    const id = `crit-band-${i}`;
    const conditions = b.conditions.map((c, j) => {
      const cid = `${id}-c${j}`;
      const spec = conditionSpec(c);
      const subject = h("select", { id: `${cid}-subject` });
      const current = c.subject === "tool" ? `tool:${c.toolId?.value ?? ""}` : c.subject;
      for (const x of subjects) {
        const o = h("option", { value: x.value }, s.t(x.th, x.en));
        o.selected = x.value === current;
        subject.append(o);
      }
      const lo = input(`${cid}-from`, spec.min !== undefined ? formatNumber(spec.min) : "", () => change(), {
        inputmode: "decimal",
        class: "crit-narrow",
      });
      const hi = input(`${cid}-to`, spec.max !== undefined ? formatNumber(spec.max) : "", () => change(), {
        inputmode: "decimal",
        class: "crit-narrow",
      });
      const change = (): void => {
        const v = subject.value;
        const next: ConditionSpec = {
          subject: (v.startsWith("tool:") ? "tool" : v) as ConditionSpec["subject"],
          ...(v.startsWith("tool:") ? { tool: v.slice(5) } : {}),
          ...(readNumber(lo.value) !== undefined ? { min: readNumber(lo.value)! } : {}),
          ...(readNumber(hi.value) !== undefined ? { max: readNumber(hi.value)! } : {}),
        };
        s.commit({ op: "band-condition", band: i, condition: j, spec: next });
      };
      subject.addEventListener("change", change);
      const remove = button(
        `${cid}-remove`,
        "✕",
        () => void s.commit({ op: "band-condition-remove", band: i, condition: j }),
        {
          "aria-label": s.t(`ลบเงื่อนไขที่ ${j + 1}`, `Remove condition ${j + 1}`),
          class: "crit-icon",
        },
      );
      return h(
        "div",
        { class: "crit-condition", role: "group", "aria-label": s.t(`เงื่อนไขที่ ${j + 1}`, `Condition ${j + 1}`) },
        field(s.t("ใคร", "Which"), subject),
        field(s.t("ตั้งแต่", "From"), lo),
        field(s.t("ถึง", "To"), hi),
        remove,
      );
    });
    const addCondition = button(`${id}-add-condition`, s.t("เพิ่มเงื่อนไข (และ)", "Add a condition (and)"), () => {
      if (s.commit({ op: "band-condition-add", band: i, spec: { subject: "every", min: 0 } }))
        s.focus(`${id}-c${b.conditions.length}-from`);
    });
    const moves = h(
      "div",
      { class: "crit-row" },
      button(
        `${id}-up`,
        s.t("ขึ้น", "Up"),
        () => s.commit({ op: "band-move", band: i, by: -1 }) && s.focus(`crit-band-${i - 1}-up`),
        {
          "aria-label": s.t(`เลื่อนระดับที่ ${i + 1} ขึ้น`, `Move band ${i + 1} up`),
          ...(i === 0 ? { disabled: "" } : {}),
        },
      ),
      button(
        `${id}-down`,
        s.t("ลง", "Down"),
        () => s.commit({ op: "band-move", band: i, by: 1 }) && s.focus(`crit-band-${i + 1}-down`),
        {
          "aria-label": s.t(`เลื่อนระดับที่ ${i + 1} ลง`, `Move band ${i + 1} down`),
          ...(i === bands.length - 1 ? { disabled: "" } : {}),
        },
      ),
      button(
        `${id}-remove`,
        s.t(`ลบระดับที่ ${i + 1}`, `Remove band ${i + 1}`),
        () => void s.commit({ op: "band-remove", band: i }),
      ),
    );
    return h(
      "li",
      {},
      group(
        s,
        id,
        `${i + 1}. ${b.label?.th.value ?? ""}`,
        b.span,
        ...labelFields(s, id, b.label, (label) => ({ op: "band-label", band: i, label })),
        h("p", { class: "crit-note" }, s.t("ได้ระดับนี้เมื่อเป็นจริงทุกข้อ:", "Given when all of these hold:")),
        ...conditions,
        addCondition,
        moves,
      ),
    );
  });
  const newTh = input("crit-new-band-th", "", () => undefined, { lang: "th" });
  const newFrom = input("crit-new-band-from", "", () => undefined, { inputmode: "decimal", class: "crit-narrow" });
  const newTo = input("crit-new-band-to", "", () => undefined, { inputmode: "decimal", class: "crit-narrow" });
  const adder = h(
    "details",
    { class: "crit-add" },
    h("summary", {}, s.t("เพิ่มระดับ (ท้ายตาราง)", "Add a band (at the end)")),
    field(s.t("ชื่อระดับ", "Band name"), newTh),
    field(s.t("คะแนนรวมตั้งแต่", "Total from"), newFrom),
    field(s.t("ถึง", "To"), newTo),
    button("crit-new-band-add", s.t("เพิ่มระดับ", "Add band"), () => {
      const min = readNumber(newFrom.value);
      const max = readNumber(newTo.value);
      s.commit({
        op: "band-add",
        at: bands.length,
        label: { th: newTh.value },
        conditions: [
          { subject: "total", ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) },
        ],
      });
    }),
  );
  const ratingFindings = rating
    ? findings(
        s,
        "crit-rating-findings",
        findingsIn(
          s,
          rating.span,
          bands.map((b) => b.span),
        ),
      )
    : null;
  return section(
    "crit-bands",
    s.t(
      "ระดับผลการประเมิน (ตรวจจากบนลงล่าง ใช้ระดับแรกที่เข้าเงื่อนไข)",
      "Rating bands (checked top down; the first that holds applies)",
    ),
    ratingFindings,
    h("ol", { class: "crit-list" }, ...items),
    adder,
  );
}

// --- indicators and questions -----------------------------------------------------------------

function scaleSelect(s: SectionState, id: string, current: string | undefined, label: string): HTMLSelectElement {
  const select = h("select", { id, "aria-label": label });
  select.append(h("option", { value: "" }, s.t("ไม่มี (ให้คะแนน 0–100 โดยตรง)", "None (scored 0–100 directly)")));
  for (const sc of of(s, "scale")) {
    const v = sc.id?.value ?? "";
    const o = h(
      "option",
      { value: v },
      `${v} — ${s.t(sc.label?.th.value ?? "", sc.label?.en?.value || sc.label?.th.value || "")}`,
    );
    o.selected = v === current;
    select.append(o);
  }
  return select;
}

function questionGroup(s: SectionState, q: A.QuestionNode, id: string, index: number, count: number): HTMLElement {
  const qid = q.id?.value ?? "";
  const set = (changes: Extract<RulesEdit, { op: "question-set" }>["changes"]): void => {
    s.commit({ op: "question-set", question: qid, changes });
  };
  const idInput = input(`${id}-id`, qid, (v) => set({ id: v }), { class: "crit-narrow" });
  const th = h("textarea", { id: `${id}-th`, rows: "2", lang: "th" });
  th.value = q.label?.th.value ?? "";
  th.addEventListener("change", () => set({ th: th.value }));
  const en = h("textarea", { id: `${id}-en`, rows: "2", lang: "en" });
  en.value = q.label?.en?.value ?? "";
  en.addEventListener("change", () => set({ en: en.value }));
  const scale = scaleSelect(s, `${id}-scale`, q.scale?.value, s.t(`มาตรวัดคำตอบของข้อ ${qid}`, `Answer scale of ${qid}`));
  scale.addEventListener("change", () => set({ scale: scale.value }));
  const reversed = h("input", { type: "checkbox", id: `${id}-reversed` });
  reversed.checked = q.reversed;
  reversed.disabled = !q.scale;
  reversed.addEventListener("change", () => set({ reversed: reversed.checked }));
  const guidance = (which: "maintain" | "raise", th: string, en: string): HTMLElement => {
    const area = h("textarea", { id: `${id}-${which}`, rows: "3", lang: "th" });
    area.value = q[which]?.value ?? "";
    area.addEventListener("change", () => set({ [which]: area.value }));
    return field(s.t(th, en), area);
  };
  return group(
    s,
    id,
    s.t(`ข้อ ${qid}`, `Question ${qid}`),
    q.span,
    field(s.t("รหัสข้อ", "Question id"), idInput),
    field(s.t("ข้อความ (ไทย)", "Text (Thai)"), th),
    field(s.t("ข้อความ (อังกฤษ)", "Text (English)"), en),
    field(s.t("มาตรวัดคำตอบ", "Answer scale"), scale),
    h(
      "div",
      { class: "crit-check" },
      reversed,
      h("label", { for: reversed.id }, s.t('กลับคะแนน (ตอบ "ไม่มี" คือดี)', 'Reversed ("none" is the good answer)')),
    ),
    guidance("maintain", "คำแนะนำเมื่อผ่าน (รักษาระดับ)", "Guidance when passing (maintain)"),
    guidance("raise", "คำแนะนำเมื่อไม่ผ่าน (ยกระดับ)", "Guidance when not passing (raise)"),
    h(
      "div",
      { class: "crit-row" },
      button(`${id}-up`, s.t("ขึ้น", "Up"), () => void s.commit({ op: "question-move", question: qid, by: -1 }), {
        "aria-label": s.t(`เลื่อนข้อ ${qid} ขึ้น`, `Move ${qid} up`),
        ...(index === 0 ? { disabled: "" } : {}),
      }),
      button(`${id}-down`, s.t("ลง", "Down"), () => void s.commit({ op: "question-move", question: qid, by: 1 }), {
        "aria-label": s.t(`เลื่อนข้อ ${qid} ลง`, `Move ${qid} down`),
        ...(index === count - 1 ? { disabled: "" } : {}),
      }),
      button(`${id}-remove`, s.t("ลบข้อ", "Remove"), () => void s.commit({ op: "question-remove", question: qid }), {
        "aria-label": s.t(`ลบข้อ ${qid}`, `Remove question ${qid}`),
      }),
    ),
  );
}

/** The next free id after the highest number used with the prefix the questions of these tools share ("i15" → "i16"). */
function suggestQuestionId(s: SectionState, tools: readonly string[]): string {
  const ids = of(s, "indicator")
    .filter((i) => i.tools.some((x) => tools.includes(x.value)))
    .flatMap((i) =>
      i.items.flatMap((it) => (it.kind === "question" ? [it] : it.kind === "subindicator" ? it.questions : [])),
    )
    .flatMap((q) => (q.id ? [q.id.value] : []));
  const taken = new Set(
    of(s, "indicator")
      .flatMap((i) =>
        i.items.flatMap((it) => (it.kind === "question" ? [it] : it.kind === "subindicator" ? it.questions : [])),
      )
      .map((q) => q.id?.value),
  );
  let best: { prefix: string; n: number } | undefined;
  for (const id of ids) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (m && (!best || Number(m[2]) > best.n)) best = { prefix: m[1]!, n: Number(m[2]) };
  }
  if (!best) return "";
  let n = best.n + 1;
  while (taken.has(`${best.prefix}${n}`)) n++;
  return `${best.prefix}${n}`;
}

function addQuestionForm(
  s: SectionState,
  id: string,
  indicatorId: string,
  tools: readonly string[],
  sub?: string,
): HTMLElement {
  const qid = input(`${id}-qid`, suggestQuestionId(s, tools), () => undefined, { class: "crit-narrow" });
  const th = h("textarea", { id: `${id}-qth`, rows: "2", lang: "th" });
  const scales = of(s, "scale");
  const scale = scaleSelect(
    s,
    `${id}-qscale`,
    tools.includes("OIT") ? undefined : scales[0]?.id?.value,
    s.t("มาตรวัดคำตอบ", "Answer scale"),
  );
  return h(
    "div",
    { class: "crit-add-question", role: "group", "aria-labelledby": `${id}-qh` },
    h("h5", { id: `${id}-qh` }, s.t("เพิ่มข้อ", "Add a question")),
    field(s.t("รหัสข้อ", "Question id"), qid),
    field(s.t("ข้อความ (ไทย)", "Text (Thai)"), th),
    field(s.t("มาตรวัดคำตอบ", "Answer scale"), scale),
    button(`${id}-qadd`, s.t("เพิ่มข้อ", "Add question"), () => {
      const ok = s.commit({
        op: "question-add",
        indicator: indicatorId,
        ...(sub ? { subindicator: sub } : {}),
        question: { id: qid.value.trim(), th: th.value, ...(scale.value ? { scale: scale.value } : {}) },
      });
      if (ok) s.focus(`${id}-qid`);
    }),
  );
}

function indicatorDetails(s: SectionState, ind: A.IndicatorNode, i: number): HTMLElement {
  const indId = ind.id?.value ?? "";
  // Indicator numbers are digits, so they make stable ids that survive reordering.
  const id = `crit-ind-${indId || `n${i}`}`;
  const toolIds = of(s, "tool").flatMap((x) => (x.id ? [x.id.value] : []));
  const chosen = ind.tools.map((x) => x.value);
  const boxes = toolIds.map((x) => {
    const box = h("input", { type: "checkbox", id: `${id}-tool-${x}`, value: x });
    box.checked = chosen.includes(x);
    box.addEventListener("change", () => {
      const next = toolIds.filter((y) => (y === x ? box.checked : chosen.includes(y)));
      if (!s.commit({ op: "indicator-tools", indicator: indId, tools: next })) box.checked = !box.checked;
    });
    return h("span", { class: "crit-check" }, box, h("label", { for: box.id }, x));
  });
  const method = h("select", { id: `${id}-method` });
  for (const [v, th, en] of [
    ["mean", "ค่าเฉลี่ย", "mean"],
    ["weighted", "ค่าเฉลี่ยถ่วงน้ำหนัก", "weighted mean"],
  ] as const) {
    const o = h("option", { value: v }, s.t(th, en));
    o.selected = (ind.method?.weighted ?? false) === (v === "weighted");
    method.append(o);
  }
  const combined = ind.combined ? h("select", { id: `${id}-combined` }) : null;
  if (combined && ind.combined) {
    for (const [v, th, en] of [
      ["mean", "ค่าเฉลี่ยของแบบวัด", "mean of the tools"],
      ["weighted", "ค่าเฉลี่ยถ่วงน้ำหนักของแบบวัด", "weighted mean of the tools"],
    ] as const) {
      const o = h("option", { value: v }, s.t(th, en));
      o.selected = ind.combined.weighted === (v === "weighted");
      combined.append(o);
    }
  }
  const methodEdit = (): void =>
    void s.commit({
      op: "indicator-method",
      indicator: indId,
      weighted: method.value === "weighted",
      ...(combined ? { combinedWeighted: combined.value === "weighted" } : {}),
    });
  method.addEventListener("change", methodEdit);
  combined?.addEventListener("change", methodEdit);

  const subs = ind.items.filter((x): x is A.SubindicatorNode => x.kind === "subindicator");
  const direct = ind.items.filter((x): x is A.QuestionNode => x.kind === "question");
  const parts: HTMLElement[] = [];
  if (subs.length === 0) {
    parts.push(...direct.map((q, j) => questionGroup(s, q, `${id}-q${j}`, j, direct.length)));
    parts.push(addQuestionForm(s, id, indId, chosen));
  }
  subs.forEach((sub, k) => {
    const sid = `${id}-s${k}`;
    const subId = sub.id?.value ?? "";
    parts.push(
      group(
        s,
        sid,
        s.t(`ตัวชี้วัดย่อย ${subId}`, `Sub-indicator ${subId}`),
        sub.span,
        ...labelFields(s, sid, sub.label, (label) => ({
          op: "subindicator-label",
          indicator: indId,
          subindicator: subId,
          label,
        })),
        ...sub.questions.map((q, j) => questionGroup(s, q, `${sid}-q${j}`, j, sub.questions.length)),
        addQuestionForm(s, sid, indId, chosen, subId),
        h(
          "div",
          { class: "crit-row" },
          button(
            `${sid}-up`,
            s.t("ขึ้น", "Up"),
            () => void s.commit({ op: "subindicator-move", indicator: indId, subindicator: subId, by: -1 }),
            {
              "aria-label": s.t(`เลื่อนตัวชี้วัดย่อย ${subId} ขึ้น`, `Move sub-indicator ${subId} up`),
              ...(k === 0 ? { disabled: "" } : {}),
            },
          ),
          button(
            `${sid}-remove`,
            s.t("ลบตัวชี้วัดย่อย", "Remove sub-indicator"),
            () => void s.commit({ op: "subindicator-remove", indicator: indId, subindicator: subId }),
            {
              "aria-label": s.t(`ลบตัวชี้วัดย่อย ${subId}`, `Remove sub-indicator ${subId}`),
            },
          ),
        ),
      ),
    );
  });
  if (direct.length === 0) {
    const newSub = input(
      `${id}-new-sub-id`,
      subs.length ? `${indId}.${subs.length + 1}` : `${indId}.1`,
      () => undefined,
      { class: "crit-narrow" },
    );
    const newSubTh = input(`${id}-new-sub-th`, "", () => undefined, { lang: "th" });
    parts.push(
      h(
        "div",
        { class: "crit-add-question", role: "group", "aria-labelledby": `${id}-sh` },
        h("h5", { id: `${id}-sh` }, s.t("เพิ่มตัวชี้วัดย่อย", "Add a sub-indicator")),
        field(s.t("รหัส", "Id"), newSub),
        field(s.t("ชื่อภาษาไทย", "Thai name"), newSubTh),
        button(`${id}-new-sub-add`, s.t("เพิ่มตัวชี้วัดย่อย", "Add sub-indicator"), () => {
          s.commit({ op: "subindicator-add", indicator: indId, id: newSub.value, label: { th: newSubTh.value } });
        }),
      ),
    );
  }
  const questions = subs.length ? subs.reduce((n, x) => n + x.questions.length, 0) : direct.length;
  const details = h(
    "details",
    { class: "crit-indicator", id, "data-indicator": indId },
    h(
      "summary",
      { id: `${id}-summary` },
      s.t(
        `ตัวชี้วัดที่ ${indId} ${ind.label?.th.value ?? ""} · ${chosen.join(", ")} · ${questions} ข้อ`,
        `Indicator ${indId} ${ind.label?.en?.value || ind.label?.th.value || ""} · ${chosen.join(", ")} · ${questions} questions`,
      ),
    ),
    group(
      s,
      `${id}-group`,
      s.t(`ตัวชี้วัดที่ ${indId}`, `Indicator ${indId}`),
      undefined,
      field(
        s.t("เลขที่ตัวชี้วัด", "Indicator number"),
        input(`${id}-id`, indId, (v) => void s.commit({ op: "indicator-id", indicator: indId, id: v }), {
          class: "crit-narrow",
        }),
      ),
      ...labelFields(s, id, ind.label, (label) => ({ op: "indicator-label", indicator: indId, label })),
      h("fieldset", { class: "crit-inline" }, h("legend", {}, s.t("วัดด้วยแบบวัด", "Measured by")), ...boxes),
      field(
        s.t(
          subs.length ? "คะแนนตัวชี้วัดจากตัวชี้วัดย่อย" : "คะแนนตัวชี้วัดจากข้อคำถาม",
          subs.length ? "Score from sub-indicators" : "Score from questions",
        ),
        method,
      ),
      combined ? field(s.t("รวมคะแนนของแต่ละแบบวัด", "Combining the tools' scores"), combined) : null,
      ...parts,
      button(
        `${id}-remove`,
        s.t(`ลบตัวชี้วัดที่ ${indId}`, `Remove indicator ${indId}`),
        () => void s.commit({ op: "indicator-remove", indicator: indId }),
      ),
    ),
  );
  // The indicator's own findings (those not inside one of its questions) are shown in its group by group().
  const inner = details.querySelector(`#${id}-group`) as HTMLFieldSetElement;
  const broken = isBroken(s.broken, ind.span);
  if (broken) inner.disabled = true;
  const own = findings(
    s,
    `${id}-findings`,
    findingsIn(
      s,
      ind.span,
      ind.items.map((x) => x.span),
    ),
  );
  if (own) inner.insertBefore(own, inner.children[1] ?? null);
  if (broken) {
    inner.insertBefore(
      h(
        "p",
        { class: "crit-broken" },
        s.t(
          "ส่วนนี้ของข้อความเกณฑ์มีข้อผิดพลาด: แก้ในมุมมองข้อความก่อน",
          "This part of the rules text has an error: fix it in the text view first",
        ),
      ),
      inner.children[1] ?? null,
    );
  }
  details.open = s.open.has(indId) || findingsIn(s, ind.span).some((d) => d.severity === "error");
  details.addEventListener("toggle", () => (details.open ? s.open.add(indId) : s.open.delete(indId)));
  return details;
}

function indicatorsSection(s: SectionState): HTMLElement {
  const indicators = of(s, "indicator");
  const toolIds = of(s, "tool").flatMap((x) => (x.id ? [x.id.value] : []));
  const nextId = String(indicators.reduce((n, i) => Math.max(n, Number(i.id?.value ?? 0) || 0), 0) + 1);
  const newId = input("crit-new-ind-id", nextId, () => undefined, { class: "crit-narrow", inputmode: "numeric" });
  const newTh = input("crit-new-ind-th", "", () => undefined, { lang: "th" });
  const newEn = input("crit-new-ind-en", "", () => undefined, { lang: "en" });
  const newTool = h("select", { id: "crit-new-ind-tool" });
  for (const x of toolIds) newTool.append(h("option", { value: x }, x));
  const add = button("crit-new-ind-add", s.t("เพิ่มตัวชี้วัด", "Add indicator"), () => {
    const id = newId.value.trim();
    if (
      s.commit({
        op: "indicator-add",
        id,
        label: { th: newTh.value, en: newEn.value },
        tools: [newTool.value],
        questions: [],
      })
    ) {
      s.open.add(id);
      s.focus(`crit-ind-${id}-qid`);
    }
  });
  const adder = h(
    "div",
    { class: "crit-add-question", role: "group", "aria-labelledby": "crit-new-ind-h" },
    h("h4", { id: "crit-new-ind-h" }, s.t("เพิ่มตัวชี้วัด", "Add an indicator")),
    field(s.t("เลขที่", "Number"), newId),
    field(s.t("ชื่อภาษาไทย", "Thai name"), newTh),
    field(s.t("ชื่อภาษาอังกฤษ", "English name"), newEn),
    field(s.t("แบบวัด", "Tool"), newTool),
    add,
  );
  return section(
    "crit-indicators",
    s.t("ตัวชี้วัดและข้อคำถาม", "Indicators and questions"),
    h("div", { class: "crit-list" }, ...indicators.map((ind, i) => indicatorDetails(s, ind, i))),
    adder,
  );
}

// --- answer scales ---------------------------------------------------------------------------------

function scalesSection(s: SectionState): HTMLElement {
  const groups = of(s, "scale").map((sc, i) => {
    const sid = sc.id?.value ?? "";
    const id = `crit-scale-${i}`;
    const answers = sc.answers.map((a, j) => {
      const aid = `${id}-a${j}`;
      const textInput = input(
        `${aid}-text`,
        a.text.value,
        (v) => void s.commit({ op: "answer-set", scale: sid, answer: j, text: v }),
        {
          "aria-label": s.t(`คำตอบที่ ${j + 1}`, `Answer ${j + 1}`),
          lang: "th",
        },
      );
      const points = input(
        `${aid}-points`,
        a.points ? formatNumber(a.points.value) : "",
        (v) => {
          s.commit({ op: "answer-set", scale: sid, answer: j, points: readNumber(v) ?? null });
        },
        {
          "aria-label": s.t(`คะแนนของคำตอบที่ ${j + 1} (ว่าง = ไม่นับ)`, `Points of answer ${j + 1} (blank = not counted)`),
          inputmode: "decimal",
          class: "crit-narrow",
          placeholder: s.t("ไม่นับ", "skip"),
        },
      );
      return h(
        "tr",
        {},
        h("td", {}, textInput),
        h("td", {}, a.code ? a.code.value : "—"),
        h("td", {}, points),
        h(
          "td",
          { class: "crit-actions" },
          button(`${aid}-up`, "↑", () => void s.commit({ op: "answer-move", scale: sid, answer: j, by: -1 }), {
            "aria-label": s.t(`เลื่อนคำตอบที่ ${j + 1} ขึ้น`, `Move answer ${j + 1} up`),
            class: "crit-icon",
            ...(j === 0 ? { disabled: "" } : {}),
          }),
          button(`${aid}-remove`, "✕", () => void s.commit({ op: "answer-remove", scale: sid, answer: j }), {
            "aria-label": s.t(`ลบคำตอบที่ ${j + 1}`, `Remove answer ${j + 1}`),
            class: "crit-icon",
          }),
        ),
      );
    });
    const newText = input(`${id}-new-text`, "", () => undefined, { lang: "th" });
    const newPoints = input(`${id}-new-points`, "", () => undefined, { inputmode: "decimal", class: "crit-narrow" });
    return group(
      s,
      id,
      s.t(`มาตรวัด ${sid}`, `Scale ${sid}`),
      sc.span,
      ...labelFields(s, id, sc.label, (label) => ({ op: "scale-label", scale: sid, label })),
      h(
        "table",
        { class: "crit-table" },
        h("caption", { class: "crit-sr" }, s.t(`คำตอบของมาตรวัด ${sid}`, `Answers of scale ${sid}`)),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, s.t("คำตอบ", "Answer")),
            h("th", { scope: "col" }, s.t("รหัส", "Code")),
            h("th", { scope: "col" }, s.t("คะแนน", "Points")),
            h("th", { scope: "col" }, h("span", { class: "crit-sr" }, s.t("จัดการ", "Actions"))),
          ),
        ),
        h("tbody", {}, ...answers),
      ),
      h(
        "div",
        {
          class: "crit-add-question",
          role: "group",
          "aria-label": s.t(`เพิ่มคำตอบในมาตรวัด ${sid}`, `Add an answer to ${sid}`),
        },
        field(s.t("คำตอบใหม่", "New answer"), newText),
        field(s.t("คะแนน (ว่าง = ไม่นับ)", "Points (blank = not counted)"), newPoints),
        button(`${id}-new-add`, s.t("เพิ่มคำตอบ", "Add answer"), () => {
          s.commit({ op: "answer-add", scale: sid, text: newText.value, points: readNumber(newPoints.value) ?? null });
        }),
      ),
    );
  });
  return section("crit-scales", s.t("มาตรวัดคำตอบ", "Answer scales"), ...groups);
}

// --- problems, the same list as the text view's -----------------------------------------------------

function problemsSection(s: SectionState): HTMLElement {
  const ds = s.result.diagnostics;
  const errors = ds.filter((d) => d.severity === "error").length;
  const heading =
    ds.length === 0
      ? s.t("ไม่พบปัญหา", "No problems")
      : s.t(
          `ปัญหา: ผิดพลาด ${errors} เตือน ${ds.length - errors}`,
          `Problems: ${errors} error(s), ${ds.length - errors} warning(s)`,
        );
  const list = findings(s, "crit-problems-list", ds);
  const el = section("crit-problems", heading, list);
  el.dataset["errors"] = String(errors);
  return el;
}

export function renderSections(s: SectionState): HTMLElement[] {
  return [
    problemsSection(s),
    assessmentSection(s),
    toolsSection(s),
    scoringSection(s),
    bandsSection(s),
    indicatorsSection(s),
    scalesSection(s),
    section("crit-effect-section", s.t("ผลต่อสมุดงานนี้", "Effect on this workbook"), s.effect),
  ];
}
