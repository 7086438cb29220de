/**
 * Which Excel the add-in runs in: the requirement sets manifest.xml declares (listed, and
 * held to the manifest, by test/workbook/requirements.test.ts), and the Office.js calls
 * above them that the Office adapter makes only where Excel has them. The test checks the
 * guarded calls against office-adapter.ts's source and the API sets Office.js declares.
 *
 * From Microsoft's requirement-set tables (SharedRuntime, CustomFunctionsRuntime, ExcelApi):
 * SharedRuntime 1.1 — one runtime for the pane and the functions — is the floor, and every
 * build that has it has ExcelApi 1.10:
 * - Excel on the web;
 * - Excel for Microsoft 365 on Windows, Version 2002 (build 12527.20092) or later;
 * - Excel 2021 and 2024 (perpetual, volume-licensed/LTSC) on Windows, Version 2108 or later;
 * - Excel 2016 and 2019 retail perpetual on Windows, Version 2311 (build 17029.20126) or later,
 *   the first where custom functions run there (CustomFunctionsRuntime 1.1); no dynamic arrays;
 * - Excel on Mac 16.35 or later.
 * Not supported: Excel on iPad (no custom functions), Excel 2016/2019 volume-licensed (MSI).
 */

export interface GuardedCall {
  /** The Office.js member, as office-adapter.ts calls it. */
  readonly call: string;
  readonly set: "ExcelApi";
  readonly version: string;
  /** What the add-in does where Excel lacks it. */
  readonly without: { readonly th: string; readonly en: string };
}

/** Every Office.js call of office-adapter.ts above the declared ExcelApi, each behind `canCall`. */
export const GUARDED: readonly GuardedCall[] = [
  {
    call: "getMergedAreasOrNullObject",
    set: "ExcelApi",
    version: "1.13",
    without: {
      th: "Excel รุ่นนี้บอกเซลล์ที่ผสานไว้ไม่ได้: เซลล์ใต้เซลล์ผสานอ่านเป็นช่องว่าง และการตรวจสอบจะรายงานช่องนั้น",
      en: "this Excel cannot report merged cells: cells under a merge read as blanks, which the checks report by cell",
    },
  },
];

/** Whether the running Excel has a requirement set (outside Office — tests, the preview — it is assumed). */
export function isSupported(set: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements ? office.context.requirements.isSetSupported(set, version) : true;
}

/** Whether a guarded call may be made here. */
export function canCall(call: string): boolean {
  const g = GUARDED.find((c) => c.call === call);
  if (!g) throw new Error(`${call} is not in the table of guarded calls`);
  return isSupported(g.set, g.version);
}
