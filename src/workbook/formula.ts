/**
 * The few formulas the add-in writes, read back by the in-memory workbook so the
 * preview stays live: `=NAME(arg, …)` whose arguments are references
 * ('Sheet'!A1:C9, A1), calls, text "…", numbers, TRUE/FALSE and omitted arguments
 * (`ITA.TOTAL(A1:A9,"2568",,,D1:D9,"x")`). Anything else is a FormulaError and the
 * cell shows #NAME?, as Excel would for an unknown name.
 */

export type FormulaNode =
  | { readonly kind: "call"; readonly name: string; readonly args: readonly FormulaNode[] }
  | { readonly kind: "ref"; readonly sheet?: string; readonly address: string }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  /** An argument left out between commas: the function receives null, as from Excel. */
  | { readonly kind: "omitted" };

export class FormulaError extends Error {}

export function parseFormula(formula: string): FormulaNode {
  let i = 0;
  const s = formula.trim();
  if (s[0] !== "=") throw new FormulaError("ไม่ใช่สูตร / not a formula");
  i = 1;
  const ws = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const expr = (): FormulaNode => {
    ws();
    const c = s[i];
    if (c === '"') {
      let out = "";
      i++;
      for (;;) {
        if (i >= s.length) throw new FormulaError("ข้อความไม่มีเครื่องหมายคำพูดปิด / unterminated text");
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            out += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += s[i++];
      }
      return { kind: "text", value: out };
    }
    if (c === "'") {
      let name = "";
      i++;
      for (;;) {
        if (i >= s.length) throw new FormulaError("ชื่อชีตไม่มีเครื่องหมายปิด / unterminated sheet name");
        if (s[i] === "'") {
          if (s[i + 1] === "'") {
            name += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += s[i++];
      }
      if (s[i] !== "!") throw new FormulaError("ต้องมี ! หลังชื่อชีต / expected ! after sheet name");
      i++;
      return { kind: "ref", sheet: name, address: address() };
    }
    const num = /^[+-]?(\d+(\.\d*)?|\.\d+)/.exec(s.slice(i));
    if (num) {
      i += num[0].length;
      return { kind: "number", value: Number(num[0]) };
    }
    const word = /^[A-Za-z_\u0E00-\u0E7F][A-Za-z0-9_.\u0E00-\u0E7F]*/.exec(s.slice(i));
    if (!word) throw new FormulaError(`ไม่คาดว่าจะพบ "${s.slice(i, i + 10)}" / unexpected "${s.slice(i, i + 10)}"`);
    i += word[0].length;
    ws();
    if (s[i] === "(") {
      i++;
      const args: FormulaNode[] = [];
      ws();
      if (s[i] === ")") i++;
      else
        for (;;) {
          ws();
          args.push(s[i] === "," || s[i] === ")" ? { kind: "omitted" } : expr());
          ws();
          if (s[i] === ",") {
            i++;
            continue;
          }
          if (s[i] === ")") {
            i++;
            break;
          }
          throw new FormulaError("ต้องมี , หรือ ) / expected , or )");
        }
      return { kind: "call", name: word[0].toUpperCase(), args };
    }
    if (s[i] === "!") {
      i++;
      return { kind: "ref", sheet: word[0], address: address() };
    }
    if (/^(TRUE|FALSE)$/i.test(word[0])) return { kind: "boolean", value: word[0].toUpperCase() === "TRUE" };
    const rest = /^(:\$?[A-Za-z]{1,3}\$?\d+)?/.exec(s.slice(i))![0];
    if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(word[0])) {
      i += rest.length;
      return { kind: "ref", address: (word[0] + rest).replaceAll("$", "") };
    }
    throw new FormulaError(`ไม่รู้จักชื่อ ${word[0]} / unknown name ${word[0]}`);
  };
  const address = (): string => {
    const m = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?/.exec(s.slice(i));
    if (!m) throw new FormulaError("ต้องเป็นที่อยู่เซลล์ / expected a cell address");
    i += m[0].length;
    return m[0].replaceAll("$", "");
  };
  const node = expr();
  ws();
  if (i !== s.length)
    throw new FormulaError(`ไม่คาดว่าจะพบ "${s.slice(i, i + 10)}" / unexpected "${s.slice(i, i + 10)}"`);
  return node;
}
