/**
 * Earlier years beside the checked result, in the pane: sheets whose name holds a
 * fiscal year ("2566", "ITA ๒๕๖๗"), read through the port and recognised the way the
 * command line recognises them (workbook/year-tables.ts), each scored with its own
 * bundled rules by the engine (compareYears). The current table's own sheet and the
 * add-in's sheets are never taken for an earlier year. One round trip to list the
 * sheets; one more per year sheet, only when there are some.
 */
import { bundledRules, compareYears, type CompiledRules, type History, type YearScores } from "../../engine/index.js";
import { isOwnSheet } from "../../workbook/own-sheets.js";
import type { RangeData } from "../../workbook/port.js";
import type { ScoreTable } from "../../workbook/score-table.js";
import { findYearTables, yearOf } from "../../workbook/year-tables.js";
import type { Text } from "./state.js";
import type { Wizard } from "./wizard.js";

export async function findHistory(
  w: Wizard,
  table: ScoreTable,
  rules: CompiledRules,
): Promise<{ history: History | undefined; notes: Text[] }> {
  const port = w.ctx.port;
  const sheets = (await port.listSheets()).filter(
    (s) => s.used && s.name !== table.sheet && !isOwnSheet(s.name) && yearOf(s.name) !== undefined,
  );
  if (sheets.length === 0) return { history: undefined, notes: [] };
  const data: RangeData[] = [];
  for (const s of sheets) data.push(await port.readRange(s.name));
  const notes: Text[] = [];
  const years: YearScores[] = [{ rules, rows: table.rows }];
  const seen = new Set([rules.model.year]);
  for (const t of findYearTables(data).years) {
    if (seen.has(t.year)) continue;
    const own =
      w.state.choices.find((c) => c.source === "bundled" && c.name === String(t.year))?.compiled ??
      bundledRules(t.year);
    if (!own) {
      notes.push({
        th: `ชีต "${t.sheet}": ไม่มีเกณฑ์ของปี ${t.year} ในโปรแกรม จึงไม่นำมาเทียบ`,
        en: `Sheet "${t.sheet}": no bundled rules for ${t.year}, so it is left out of the comparison`,
      });
      continue;
    }
    seen.add(t.year);
    years.push({ rules: own, rows: t.rows, source: t.sheet });
  }
  return { history: years.length > 1 ? compareYears(years) : undefined, notes };
}
