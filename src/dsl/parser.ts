/**
 * The grammar of a rules file, as a chevrotain CST parser with error recovery.
 *
 * One instance is built per runtime (CLI, shared runtime, tests) and reused:
 * assigning `input` resets it. The grammar says only what is well-formed; what is
 * meaningful (weights, ids, band coverage) is the checker's business.
 */
import { CstParser, type CstNode, type IToken } from "chevrotain";
import * as T from "./tokens.js";
import { parserMessages } from "./parser-messages.js";

export class RulesParser extends CstParser {
  constructor(validate: boolean) {
    super([...T.ALL_TOKENS], {
      recoveryEnabled: true,
      nodeLocationTracking: "full",
      skipValidations: !validate,
      errorMessageProvider: parserMessages,
    });
    this.performSelfAnalysis();
  }

  public file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  private statement = this.RULE("statement", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.assessment) },
      { ALT: () => this.SUBRULE(this.rounding) },
      { ALT: () => this.SUBRULE(this.passRule) },
      { ALT: () => this.SUBRULE(this.scale) },
      { ALT: () => this.SUBRULE(this.tool) },
      { ALT: () => this.SUBRULE(this.total) },
      { ALT: () => this.SUBRULE(this.indicator) },
      { ALT: () => this.SUBRULE(this.rating) },
      { ALT: () => this.SUBRULE(this.source) },
      { ALT: () => this.SUBRULE(this.note) },
    ]);
  });

  /** `source "ไทย" "English"`: where the year's criteria come from. */
  private source = this.RULE("source", () => {
    this.CONSUME(T.Source);
    this.SUBRULE(this.label);
  });

  /** `note "ไทย" "English"`: what staff should know about the year's criteria. */
  private note = this.RULE("note", () => {
    this.CONSUME(T.Note);
    this.SUBRULE(this.label);
  });

  /** `provisional "ไทย" "English"`: the statement's value is inferred, with the reason. */
  private provisional = this.RULE("provisional", () => {
    this.CONSUME(T.Provisional);
    this.SUBRULE(this.label);
  });

  private label = this.RULE("label", () => {
    this.CONSUME(T.StringLiteral, { LABEL: "th" });
    this.OPTION(() => this.CONSUME2(T.StringLiteral, { LABEL: "en" }));
  });

  private assessment = this.RULE("assessment", () => {
    this.CONSUME(T.Assessment);
    this.SUBRULE(this.label);
    this.OPTION(() => {
      this.CONSUME(T.Year);
      this.CONSUME(T.NumberLiteral, { LABEL: "year" });
    });
    this.OPTION2(() => this.SUBRULE(this.about));
    this.OPTION3(() => this.SUBRULE(this.provisional));
  });

  /** `about "…"`: text a report prints (principles of the assessment, purpose of a tool). */
  private about = this.RULE("about", () => {
    this.CONSUME(T.About);
    this.CONSUME(T.StringLiteral, { LABEL: "text" });
  });

  private rounding = this.RULE("rounding", () => {
    this.CONSUME(T.Rounding);
    this.CONSUME(T.NumberLiteral, { LABEL: "decimals" });
    this.CONSUME(T.Decimals);
    this.CONSUME(T.HalfUp);
    this.OPTION(() => {
      this.CONSUME(T.Publish);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.level) });
    });
    this.OPTION2(() => this.SUBRULE(this.provisional));
  });

  private level = this.RULE("level", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Question) },
      { ALT: () => this.CONSUME(T.Subindicator) },
      { ALT: () => this.CONSUME(T.Indicator) },
      { ALT: () => this.CONSUME(T.Tool) },
      { ALT: () => this.CONSUME(T.Total) },
    ]);
  });

  private passRule = this.RULE("passRule", () => {
    this.CONSUME(T.Pass);
    this.CONSUME(T.At);
    this.CONSUME(T.NumberLiteral, { LABEL: "threshold" });
    this.SUBRULE(this.label, { LABEL: "passLabel" });
    this.CONSUME(T.Else);
    this.SUBRULE2(this.label, { LABEL: "failLabel" });
    this.OPTION(() => this.SUBRULE(this.provisional));
  });

  private scale = this.RULE("scale", () => {
    this.CONSUME(T.Scale);
    this.CONSUME(T.Name, { LABEL: "id" });
    this.OPTION(() => this.SUBRULE(this.label));
    this.CONSUME(T.LCurly);
    this.OPTION2(() => this.SUBRULE(this.provisional));
    this.MANY(() => this.SUBRULE(this.answer));
    this.CONSUME(T.RCurly);
  });

  private answer = this.RULE("answer", () => {
    this.CONSUME(T.StringLiteral, { LABEL: "text" });
    this.OPTION(() => {
      this.CONSUME(T.Code);
      this.OR1([
        { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: "code" }) },
        { ALT: () => this.CONSUME(T.Name, { LABEL: "code" }) },
      ]);
    });
    this.CONSUME(T.Equals);
    this.OR2([{ ALT: () => this.CONSUME2(T.NumberLiteral, { LABEL: "points" }) }, { ALT: () => this.CONSUME(T.Skip) }]);
  });

  private method = this.RULE("method", () => {
    this.OPTION(() => this.CONSUME(T.Weighted));
    this.CONSUME(T.Mean);
    this.CONSUME(T.Of);
    this.OR([
      { ALT: () => this.CONSUME(T.Questions, { LABEL: "of" }) },
      { ALT: () => this.CONSUME(T.Subindicators, { LABEL: "of" }) },
      { ALT: () => this.CONSUME(T.Indicators, { LABEL: "of" }) },
      { ALT: () => this.CONSUME(T.Tools, { LABEL: "of" }) },
    ]);
  });

  private weight = this.RULE("weight", () => {
    this.CONSUME(T.Weight);
    this.CONSUME(T.NumberLiteral, { LABEL: "value" });
    this.OPTION(() => this.CONSUME(T.Percent));
  });

  private tool = this.RULE("tool", () => {
    this.CONSUME(T.Tool);
    this.CONSUME(T.Name, { LABEL: "id" });
    this.SUBRULE(this.label);
    this.OPTION(() => this.SUBRULE(this.weight));
    this.OPTION2(() => this.SUBRULE(this.method));
    this.OPTION3(() => this.SUBRULE(this.about));
    this.OPTION4(() => this.SUBRULE(this.provisional));
  });

  private total = this.RULE("total", () => {
    this.CONSUME(T.Total);
    this.SUBRULE(this.method);
    this.OPTION(() => this.SUBRULE(this.provisional));
  });

  private indicator = this.RULE("indicator", () => {
    this.CONSUME(T.Indicator);
    this.CONSUME(T.NumberLiteral, { LABEL: "id" });
    this.SUBRULE(this.label);
    this.OR([{ ALT: () => this.CONSUME(T.Tool) }, { ALT: () => this.CONSUME(T.Tools) }]);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Name, { LABEL: "tools" }) });
    this.OPTION(() => this.SUBRULE(this.weight));
    this.OPTION2(() => this.SUBRULE(this.method));
    this.OPTION3(() => {
      this.CONSUME(T.Combined);
      this.SUBRULE2(this.method, { LABEL: "combined" });
    });
    this.CONSUME(T.LCurly);
    this.OPTION4(() => this.SUBRULE(this.provisional));
    this.MANY(() =>
      this.OR2([
        { ALT: () => this.SUBRULE(this.subindicator) },
        { ALT: () => this.SUBRULE(this.question) },
        { ALT: () => this.SUBRULE(this.plan) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  private subindicator = this.RULE("subindicator", () => {
    this.CONSUME(T.Subindicator);
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: "id" }) },
      { ALT: () => this.CONSUME(T.Name, { LABEL: "id" }) },
    ]);
    this.SUBRULE(this.label);
    this.OPTION(() => this.SUBRULE(this.weight));
    this.OPTION2(() => this.SUBRULE(this.method));
    this.CONSUME(T.LCurly);
    this.OPTION3(() => this.SUBRULE(this.provisional));
    this.MANY(() => this.SUBRULE(this.question));
    this.CONSUME(T.RCurly);
  });

  private question = this.RULE("question", () => {
    this.CONSUME(T.Question);
    this.CONSUME(T.Name, { LABEL: "id" });
    this.SUBRULE(this.label);
    this.OPTION(() => {
      this.CONSUME(T.Scale);
      this.CONSUME2(T.Name, { LABEL: "scale" });
      this.OPTION2(() => this.CONSUME(T.Reversed));
    });
    this.OPTION3(() => this.SUBRULE(this.weight));
    this.OPTION4(() => {
      this.CONSUME(T.Maintain);
      this.CONSUME(T.StringLiteral, { LABEL: "maintain" });
    });
    this.OPTION5(() => {
      this.CONSUME(T.Raise);
      this.CONSUME2(T.StringLiteral, { LABEL: "raise" });
    });
  });

  private plan = this.RULE("plan", () => {
    this.CONSUME(T.Plan);
    this.CONSUME(T.StringLiteral, { LABEL: "issue" });
    this.OPTION(() => {
      this.CONSUME(T.Measure);
      this.CONSUME2(T.StringLiteral, { LABEL: "measure" });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Owner);
      this.CONSUME3(T.StringLiteral, { LABEL: "owner" });
    });
    this.OPTION3(() => {
      this.CONSUME(T.Steps);
      this.CONSUME4(T.StringLiteral, { LABEL: "steps" });
    });
    this.OPTION4(() => {
      this.CONSUME(T.Period);
      this.CONSUME5(T.StringLiteral, { LABEL: "period" });
    });
  });

  private rating = this.RULE("rating", () => {
    this.CONSUME(T.Rating);
    this.OPTION(() => this.SUBRULE(this.label));
    this.CONSUME(T.First);
    this.CONSUME(T.Match);
    this.CONSUME(T.LCurly);
    this.OPTION2(() => this.SUBRULE(this.provisional));
    this.MANY(() => this.SUBRULE(this.band));
    this.CONSUME(T.RCurly);
  });

  private band = this.RULE("band", () => {
    this.SUBRULE(this.label);
    this.CONSUME(T.When);
    this.AT_LEAST_ONE_SEP({ SEP: T.And, DEF: () => this.SUBRULE(this.condition) });
  });

  private condition = this.RULE("condition", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Total);
          this.SUBRULE(this.range);
        },
      },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Every, { LABEL: "quantifier" }) },
            { ALT: () => this.CONSUME(T.Any, { LABEL: "quantifier" }) },
          ]);
          this.CONSUME(T.Tool);
          this.SUBRULE2(this.range);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Tool);
          this.CONSUME(T.Name, { LABEL: "toolId" });
          this.SUBRULE3(this.range);
        },
      },
    ]);
  });

  private range = this.RULE("range", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Comparator);
          this.CONSUME(T.NumberLiteral, { LABEL: "bound" });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.NumberLiteral, { LABEL: "from" });
          this.CONSUME(T.Dash);
          this.CONSUME3(T.NumberLiteral, { LABEL: "to" });
        },
      },
    ]);
  });
}

let shared: RulesParser | undefined;

/**
 * The runtime's parser. Grammar self-checks run only where asked (tests), because
 * they cost init time and nothing in them depends on the rules text.
 */
export function sharedParser(): RulesParser {
  shared ??= new RulesParser(false);
  return shared;
}

export type { CstNode, IToken };
