/**
 * The CodeMirror pieces of the rules editor: highlighting from the rules
 * language's own lexer (no second grammar), live diagnostics from the real checker
 * with the Thai and English message on hover, and completion of keywords and of the
 * ids the text declares. Each is driven by src/dsl, so the editor can never accept
 * what the checker refuses or colour what the lexer reads differently.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { RangeSetBuilder, type Extension } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { linter, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { parseRules, type RulesResult } from "../../dsl/index.js";
import { declaredIds, diagnosticRange, KEYWORD_WORDS, kindsAfter, tokenSpans, type TokenClass } from "./spans.js";

/** One parse per text: lint, completion and the problems list share it. */
let last: { text: string; result: RulesResult } | undefined;
export function checked(text: string): RulesResult {
  if (last?.text !== text) last = { text, result: parseRules(text) };
  return last.result;
}

const MARKS: Record<TokenClass, Decoration> = {
  keyword: Decoration.mark({ class: "ita-tok-keyword" }),
  string: Decoration.mark({ class: "ita-tok-string" }),
  number: Decoration.mark({ class: "ita-tok-number" }),
  comment: Decoration.mark({ class: "ita-tok-comment" }),
  id: Decoration.mark({ class: "ita-tok-id" }),
  operator: Decoration.mark({ class: "ita-tok-operator" }),
};

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  // The lexer is fast (a 400-line year in about a millisecond), and a string or a
  // comment can start far above the viewport, so the whole text is lexed each time.
  for (const s of tokenSpans(view.state.doc.toString())) {
    if (s.to > s.from) builder.add(s.from, s.to, MARKS[s.cls]);
  }
  return builder.finish();
}

export const lexerHighlighting: Extension = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view);
    }
    update(u: ViewUpdate): void {
      if (u.docChanged) this.decorations = decorate(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);

function messageNode(th: string, en: string, code: string): Node {
  const box = document.createElement("div");
  box.className = "ita-lint-message";
  const thai = document.createElement("div");
  thai.lang = "th";
  thai.textContent = th;
  const english = document.createElement("div");
  english.lang = "en";
  english.textContent = en;
  const c = document.createElement("div");
  c.className = "ita-lint-code";
  c.textContent = code;
  box.append(thai, english, c);
  return box;
}

/** Diagnostics of the text as CodeMirror shows them: underline, and the message in Thai then English on hover. */
function toCmDiagnostics(text: string, result: RulesResult): CmDiagnostic[] {
  return result.diagnostics.map((d) => {
    const r = diagnosticRange(text, d);
    return {
      from: r.from,
      to: r.to,
      severity: d.severity,
      message: `${d.th} / ${d.en}`,
      renderMessage: () =>
        messageNode(d.th, d.en, `${d.code} · บรรทัด ${r.line} คอลัมน์ ${r.column} / line ${r.line} column ${r.column}`),
    };
  });
}

export function rulesLinter(onChecked: (text: string, result: RulesResult) => void): Extension {
  return linter(
    (view) => {
      const text = view.state.doc.toString();
      const result = checked(text);
      onChecked(text, result);
      return toCmDiagnostics(text, result);
    },
    { delay: 300 },
  );
}

const KIND_LABEL: Record<string, string> = {
  tool: "แบบวัด / tool",
  indicator: "ตัวชี้วัด / indicator",
  subindicator: "ตัวชี้วัดย่อย / sub-indicator",
  question: "ข้อ / question",
  scale: "มาตรวัด / scale",
};

function completeRules(context: CompletionContext): CompletionResult | null {
  const word = context.matchBefore(/[A-Za-z_\u0E00-\u0E7F][A-Za-z0-9_.\-\u0E00-\u0E7F]*/);
  if (!word && !context.explicit) return null;
  // Nothing to complete inside a quoted label or a comment.
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || before.includes("#")) return null;
  const from = word?.from ?? context.pos;
  const previous = before
    .slice(0, from - line.from)
    .trimEnd()
    .match(/([A-Za-z]+|,)$/)?.[1];
  const wanted = kindsAfter(previous);
  const ids = declaredIds(checked(context.state.doc.toString()).ast);
  const seen = new Set<string>();
  const options = ids
    .filter((x) => !wanted || wanted.includes(x.kind))
    .filter((x) => !seen.has(`${x.kind}:${x.id}`) && seen.add(`${x.kind}:${x.id}`))
    .map((x) => ({ label: x.id, type: "variable", detail: KIND_LABEL[x.kind], info: x.label || undefined, boost: 1 }));
  const keywords = wanted ? [] : KEYWORD_WORDS.map((k) => ({ label: k, type: "keyword" }));
  return { from, options: [...options, ...keywords], validFor: /^[A-Za-z0-9_.\-\u0E00-\u0E7F]*$/ };
}

export const rulesCompletion: Extension = autocompletion({ override: [completeRules], activateOnTyping: true });

/** Colours that keep 4.5:1 contrast on white; the pane is narrow, so long Thai lines wrap. */
export const rulesTheme: Extension = EditorView.theme({
  "&": { fontSize: "13px", border: "1px solid #8a8886", borderRadius: "2px", backgroundColor: "#fff" },
  "&.cm-focused": { outline: "2px solid #0f6cbd", outlineOffset: "1px" },
  ".cm-content": { fontFamily: "'Leelawadee UI', 'Noto Sans Thai', Tahoma, monospace", padding: "4px 0" },
  ".cm-gutters": { backgroundColor: "#f5f5f5", color: "#605e5c", borderRight: "1px solid #e1dfdd" },
  ".cm-scroller": { minHeight: "240px", maxHeight: "60vh" },
  ".ita-tok-keyword": { color: "#0037a8", fontWeight: "600" },
  ".ita-tok-string": { color: "#7a3e00" },
  ".ita-tok-number": { color: "#0b6a0b" },
  ".ita-tok-comment": { color: "#5c5c5c", fontStyle: "italic" },
  ".ita-tok-id": { color: "#6b1d8f" },
  ".ita-tok-operator": { color: "#a4262c" },
  ".ita-lint-message [lang=en]": { color: "#424242" },
  ".ita-lint-code": { color: "#605e5c", fontSize: "11px", marginTop: "2px" },
  ".cm-tooltip": { maxWidth: "min(300px, 90vw)" },
});
