/**
 * Asking before an earlier sheet of ours is replaced: the question, Replace and
 * Cancel, as an alert dialog in the step. Used by the results and the report steps,
 * which never write over a sheet without this answer.
 */
import { h, uid } from "../dom.js";
import type { Wizard } from "./wizard.js";

export interface ReplaceQuestion {
  readonly question: { readonly th: string; readonly en: string };
  /** data-key of the Replace and Cancel buttons (the tests and the focus use them). */
  readonly replaceKey: string;
  readonly cancelKey: string;
  /** Where the focus goes after Cancel. */
  readonly backTo: string;
  readonly replace: () => void;
  /** Forget the question (the caller's state). */
  readonly forget: () => void;
}

export function confirmReplace(w: Wizard, q: ReplaceQuestion): HTMLElement {
  const t = (th: string, en: string): string => w.t(th, en);
  const textId = uid("confirm-text");
  return h(
    "div",
    { class: "confirm", role: "alertdialog", "aria-labelledby": textId },
    h("p", { id: textId }, t(q.question.th, q.question.en)),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        { type: "button", class: "primary", "data-key": q.replaceKey, onclick: q.replace },
        t("แทนที่", "Replace"),
      ),
      h(
        "button",
        {
          type: "button",
          "data-key": q.cancelKey,
          onclick: () => {
            q.forget();
            w.focusNext = q.backTo;
            w.status.say("ไม่ได้เขียนทับชีตเดิม", "The existing sheet was left as it was");
            w.render();
          },
        },
        t("ยกเลิก", "Cancel"),
      ),
    ),
  );
}
