import fc from 'fast-check';
import { validValues } from './src/fuzz/schema-arbitrary';
import { brokenValues } from './src/fuzz/schema-breakers';
const t0 = Date.now();
for (const name of ['workflowPost', 'workflowImport', 'workflowTriggerFilter'] as const) {
  const vs = fc.sample(validValues(name), { numRuns: 50, seed: 1 });
  console.log(name, 'valid', JSON.stringify(vs[3]).slice(0, 300), Math.max(...vs.map((v) => JSON.stringify(v).length)));
  const bs = fc.sample(brokenValues(name), { numRuns: 50, seed: 1 });
  const rules: Record<string, number> = {};
  for (const b of bs) rules[b.rule] = (rules[b.rule] ?? 0) + 1;
  console.log(name, 'broken', rules, bs.slice(0, 3).map((b) => `${b.rule} ${b.at}`));
}
console.log(Date.now() - t0, 'ms');
