import { ALL_CASES } from './specs/cases';
import { runConformance } from './src/engine/runner';
import { resolveTargetConfig } from './src/target';
(async () => {
  const t = performance.now();
  const report = await runConformance({ config: resolveTargetConfig([]), cases: ALL_CASES });
  console.log(JSON.stringify({ ...report.summary }, null, 1));
  for (const r of report.results) if (r.outcome !== 'passed') console.log(r.outcome, r.id, r.skipReason ?? '', r.failures.map((f) => f.message).join('\n  ').slice(0, 900));
  console.log('ms', performance.now() - t);
})();
