/**
 * Outside Excel (the preview, the browser tests, taskpane.html opened in a browser)
 * there is no `CustomFunctions` global, yet the ITA functions throw
 * `CustomFunctions.Error` and the built functions bundle calls
 * `CustomFunctions.associate`. This installs the smallest stand-in before those
 * modules run, so the in-memory workbook can call the real function code. In Excel
 * (Office defined) it does nothing. Import it first.
 */

class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctionsError";
  }
}

const STAND_IN_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

const g = globalThis as { CustomFunctions?: unknown; Office?: unknown };
if (g.Office === undefined && g.CustomFunctions === undefined) {
  g.CustomFunctions = { Error: StandInError, ErrorCode: STAND_IN_CODES, associate: () => undefined };
}
