/**
 * The typed syntax tree of a rules file: what the staff member wrote, with the
 * place of every part, and nothing inferred. Any field may be missing after error
 * recovery; the checker decides what a missing part means.
 */
import type { SourceSpan } from "./diagnostics.js";

export interface Located<T> {
  readonly value: T;
  readonly span: SourceSpan;
}

export interface Label {
  readonly th: Located<string>;
  readonly en?: Located<string>;
}

export type Level = "question" | "subindicator" | "indicator" | "tool" | "total";
export type ChildKind = "questions" | "subindicators" | "indicators" | "tools";

export interface MethodNode {
  readonly weighted: boolean;
  readonly of: ChildKind;
  readonly span: SourceSpan;
}

/** `provisional "…"` on a statement: its value is inferred, not confirmed, for this reason. */
export interface Provisional {
  readonly provisional?: Label;
}

export interface AssessmentNode extends Provisional {
  readonly kind: "assessment";
  readonly span: SourceSpan;
  readonly label?: Label;
  readonly year?: Located<number>;
  /** `about "…"`: the assessment's principles, printed by reports. */
  readonly about?: Located<string>;
}

export interface RoundingNode extends Provisional {
  readonly kind: "rounding";
  readonly span: SourceSpan;
  readonly decimals?: Located<number>;
  readonly publish: readonly Located<Level>[];
}

export interface PassNode extends Provisional {
  readonly kind: "pass";
  readonly span: SourceSpan;
  readonly threshold?: Located<number>;
  readonly passLabel?: Label;
  readonly failLabel?: Label;
}

export interface AnswerNode {
  readonly span: SourceSpan;
  readonly text: Located<string>;
  readonly code?: Located<string>;
  /** `undefined` when the answer is `skip`: it counts for nothing, not for zero. */
  readonly points?: Located<number>;
}

export interface ScaleNode extends Provisional {
  readonly kind: "scale";
  readonly span: SourceSpan;
  readonly id?: Located<string>;
  readonly label?: Label;
  readonly answers: readonly AnswerNode[];
}

export interface ToolNode extends Provisional {
  readonly kind: "tool";
  readonly span: SourceSpan;
  readonly id?: Located<string>;
  readonly label?: Label;
  readonly weight?: Located<number>;
  readonly method?: MethodNode;
  /** `about "…"`: what the tool measures and who answers it, printed by reports. */
  readonly about?: Located<string>;
}

export interface TotalNode extends Provisional {
  readonly kind: "total";
  readonly span: SourceSpan;
  readonly method?: MethodNode;
}

export interface QuestionNode {
  readonly kind: "question";
  readonly span: SourceSpan;
  readonly id?: Located<string>;
  readonly label?: Label;
  readonly scale?: Located<string>;
  readonly reversed: boolean;
  readonly weight?: Located<number>;
  readonly maintain?: Located<string>;
  readonly raise?: Located<string>;
}

export interface SubindicatorNode extends Provisional {
  readonly kind: "subindicator";
  readonly span: SourceSpan;
  readonly id?: Located<string>;
  readonly label?: Label;
  readonly weight?: Located<number>;
  readonly method?: MethodNode;
  readonly questions: readonly QuestionNode[];
}

export interface PlanNode {
  readonly kind: "plan";
  readonly span: SourceSpan;
  readonly issue?: Located<string>;
  readonly measure?: Located<string>;
  readonly owner?: Located<string>;
  readonly steps?: Located<string>;
  readonly period?: Located<string>;
}

export interface IndicatorNode extends Provisional {
  readonly kind: "indicator";
  readonly span: SourceSpan;
  readonly id?: Located<string>;
  readonly label?: Label;
  readonly toolsKeyword: "tool" | "tools";
  readonly tools: readonly Located<string>[];
  readonly weight?: Located<number>;
  readonly method?: MethodNode;
  readonly combined?: MethodNode;
  readonly items: readonly (SubindicatorNode | QuestionNode | PlanNode)[];
}

export type Comparison = ">=" | ">" | "<=" | "<";

export interface RangeNode {
  readonly span: SourceSpan;
  /** Inclusive bounds as written; `undefined` is open-ended. */
  readonly min?: Located<number>;
  readonly minInclusive: boolean;
  readonly max?: Located<number>;
  readonly maxInclusive: boolean;
  /** How the staff member wrote it, so the formatter keeps `70 - 84.99` rather than `>= 70 and <= 84.99`. */
  readonly written: "between" | Comparison;
}

export interface ConditionNode {
  readonly span: SourceSpan;
  readonly subject: "total" | "every" | "any" | "tool";
  readonly toolId?: Located<string>;
  readonly range?: RangeNode;
}

export interface BandNode {
  readonly span: SourceSpan;
  readonly label?: Label;
  readonly conditions: readonly ConditionNode[];
}

export interface RatingNode extends Provisional {
  readonly kind: "rating";
  readonly span: SourceSpan;
  readonly label?: Label;
  readonly bands: readonly BandNode[];
}

/** `source "…"` / `note "…"`: provenance for staff, shown under "ที่มา / sources"; never scored. */
export interface NoteNode {
  readonly kind: "source" | "note";
  readonly span: SourceSpan;
  readonly text?: Label;
}

export type Statement =
  AssessmentNode | RoundingNode | PassNode | ScaleNode | ToolNode | TotalNode | IndicatorNode | RatingNode | NoteNode;

/** A `#` comment: `value` is its text trimmed; the rest lets the formatter give back what was written. */
export interface CommentNode extends Located<string> {
  /** The text after `#` as written, indentation inside the comment kept, trailing spaces dropped. */
  readonly raw: string;
  /** A blank line separates it from what comes before / after it. */
  readonly blankBefore: boolean;
  readonly blankAfter: boolean;
}

export interface RulesFile {
  readonly statements: readonly Statement[];
  /** Comments with their places, kept so the formatter can put them back. */
  readonly comments: readonly CommentNode[];
}
