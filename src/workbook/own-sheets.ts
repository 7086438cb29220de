/**
 * The sheets ITA Workbench writes (results, report, plan, summary), told apart by
 * their names so that looking for a score table never takes one of our own outputs
 * for input: the report sheet's header (แบบวัด | ประเด็นข้อคำถาม | คะแนน) reads like
 * a score table's. The entry sheet (กรอกคะแนน …) is input and is not listed.
 */
export const OWN_SHEET_PREFIXES = ["ผลการประเมิน", "รายงาน", "แผนพัฒนา", "สรุป"] as const;

/** One of our words alone or followed by a space ("รายงาน ITA 2568"); "รายงานคะแนน" or "สรุปคะแนน" are the user's. */
export function isOwnSheet(name: string): boolean {
  const n = name.normalize("NFC").trim();
  return OWN_SHEET_PREFIXES.some((p) => n === p || n.startsWith(`${p} `));
}
