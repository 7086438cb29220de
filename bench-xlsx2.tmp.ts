import { bundledText, evaluateRows, loadRulesText } from "./src/engine/index.js";
import { buildReport } from "./src/report/model.js";
import { renderXlsx } from "./src/report/xlsx.js";
import { renderXlsx as oldXlsx } from "./src/report/old-xlsx.tmp.js";
import { generateAgencies } from "./scripts/bench-report.js";
const l = loadRulesText(bundledText("2568")!); if (!l.ok) throw 0;
const ag = generateAgencies(l.compiled, 100);
const reps = ag.map((rows, i) => { const o = evaluateRows(l.compiled, rows); if (!o.ok) throw 0; return buildReport(o.evaluation, l.compiled.model, { name: `a${i}` }); });
const cpu = async (f: (r: any) => Promise<Buffer>) => { const c0 = process.cpuUsage(); let b = 0; for (const r of reps) b += (await f(r)).length; const c = process.cpuUsage(c0); return [(c.user + c.system) / 1000 / reps.length, b / reps.length / 1024]; };
for (let round = 0; round < 4; round++) {
  const [n, nb] = await cpu(renderXlsx); const [o, ob] = await cpu(oldXlsx);
  console.log(`new ${n!.toFixed(2)} ms ${nb!.toFixed(1)} KB  old ${o!.toFixed(2)} ms ${ob!.toFixed(1)} KB  ratio ${(o! / n!).toFixed(1)}x`);
}
