import { performance } from "node:perf_hooks";
import { bundledText, evaluateRows, loadRulesText } from "./src/engine/index.js";
import { buildReport } from "./src/report/model.js";
import { renderXlsx } from "./src/report/xlsx.js";
import { renderHtml } from "./src/report/html.js";
import { generateAgencies } from "./scripts/bench-report.js";
const l = loadRulesText(bundledText("2568")!); if (!l.ok) throw 0;
const ag = generateAgencies(l.compiled, 200);
const reps = ag.map((rows, i) => { const o = evaluateRows(l.compiled, rows); if (!o.ok) throw 0; return buildReport(o.evaluation, l.compiled.model, { name: `a${i}` }); });
for (let round = 0; round < 3; round++) {
  let c0 = process.cpuUsage(); let bytes = 0;
  for (const r of reps) bytes += (await renderXlsx(r)).length;
  const cu = process.cpuUsage(c0); const tx = (cu.user + cu.system) / 1000;
  let t0 = performance.now();
  for (const r of reps) renderHtml(r);
  const th = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < ag.length; i++) { const o = evaluateRows(l.compiled, ag[i]!); if (!o.ok) throw 0; buildReport(o.evaluation, l.compiled.model, { name: `a${i}` }); }
  const tm = performance.now() - t0;
  console.log(`xlsx ${(tx / reps.length).toFixed(2)} ms/report ${(bytes / reps.length / 1024).toFixed(1)} KB; html ${(th / reps.length).toFixed(2)}; eval+model ${(tm / reps.length).toFixed(2)}`);
}
