/**
 * Every ITA.* function name against Microsoft's custom-function naming rules
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming): ids of
 * A–Z, 0–9, "_" and ".", starting with a letter, at least three characters, not a
 * cell reference, and not the name of an Excel 4.0 macro function. Names are read
 * from the JSDoc the build turns into functions.json, so a new function is checked too.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";

const SOURCE = readFileSync("src/functions/functions.ts", "utf8");
const IDS = [...SOURCE.matchAll(/@customfunction (\S+)/g)].map((m) => m[1]!);

/** Kept only so existing workbooks still compute; not to be used in new formulas. */
const DEPRECATED = new Map([["RESULT", "INDICATORS"]]);

/**
 * Excel 4.0 macro functions and commands without a dot (the XLM function and command
 * tables, [MS-XLS] 2.5.198.17 and 2.5.198.4), which the naming page says to avoid.
 */
const EXCEL4_MACROS = new Set(
  `ABSREF ACTIVATE ALERT ALIGNMENT ARGUMENT ATTRIBUTES AUTOCORRECT AXES BEEP BORDER BREAK CALCULATION CALL CALLER
  CLEAR CLOSE COMBINATION CONSOLIDATE COPY CUT DEMOTE DEREF DIRECTORY DISPLAY DOCUMENTS DUPLICATE ECHO ELSE ERROR
  EVALUATE EXEC EXECUTE EXTRACT FCLOSE FILES FILTER FONT FOPEN FOR FORMULA FPOS FREAD FREADLN FSIZE FULL FWRITE
  FWRITELN GOTO GRIDLINES GROUP HALT HELP HIDE HLINE HPAGE HSCROLL INITIATE INPUT INSERT JUSTIFY LAYOUT LEGEND LINKS
  MESSAGE NAMES NEW NEXT NORMAL NOTE OPEN OUTLINE OVERLAY PARSE PASTE PATTERNS PAUSE PICKLIST POKE PRECISION
  PREFERRED PRINT PROMOTE QUIT REGISTER RELREF REQUEST RESTART RESULT RESUME RETURN RUN SAVE SCALE SELECT SELECTION
  SERIES SHARE SORT SPELLING SPLIT STEP STYLE TABLE TERMINATE UNDO UNGROUP UNHIDE UNREGISTER VLINE VOLATILE VPAGE
  VSCROLL WAIT WHILE WINDOWS WORKGROUP WORKSPACE ZOOM`.split(/\s+/),
);

function isCellReference(name: string): boolean {
  const a1 = /^([A-Z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    const column = [...a1[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    return column <= 16384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576;
  }
  return /^R\d+C\d+$/.test(name);
}

describe("ITA function names", () => {
  it("are read from the source (every function the build registers)", () => {
    assert.ok(IDS.includes("TOTAL") && IDS.includes("INDICATORS") && IDS.length >= 10, IDS.join(", "));
  });

  it("follow Excel's rules for ids: letters, digits, _ and ., a letter first, three characters or more", () => {
    for (const id of IDS) assert.match(id, /^[A-Z][A-Z0-9_.]{2,}$/, id);
  });

  it("are no cell reference", () => {
    for (const id of IDS) assert.ok(!isCellReference(id), id);
    assert.ok(isCellReference("GAP1") && isCellReference("XFD1048576") && !isCellReference("XFE1"));
  });

  it("are no Excel 4.0 macro function, except RESULT kept as a deprecated alias of INDICATORS", () => {
    const clashing = IDS.filter((id) => EXCEL4_MACROS.has(id));
    assert.deepEqual(clashing, [...DEPRECATED.keys()]);
    for (const [old, now] of DEPRECATED) {
      assert.ok(IDS.includes(now), `${now} replaces ${old}`);
      assert.match(SOURCE, new RegExp(`Deprecated[^]*?@customfunction ${old}\\b`));
    }
  });
});
