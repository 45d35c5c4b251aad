import fc from 'fast-check';
import { validValues } from './src/fuzz/schema-arbitrary';
import { brokenValues } from './src/fuzz/schema-breakers';
for (const name of ['workflowPost', 'workflowImport', 'workflowTriggerFilter'] as const) {
  let t0 = Date.now();
  const v = validValues(name); fc.sample(v, { numRuns: 1, seed: 1 });
  const tb = Date.now() - t0; t0 = Date.now();
  const vs = fc.sample(v, { numRuns: 100, seed: 2 });
  const tv = Date.now() - t0; t0 = Date.now();
  fc.sample(brokenValues(name), { numRuns: 100, seed: 2 });
  console.log(name, 'build', tb, 'valid100', tv, 'broken100', Date.now() - t0, 'maxlen', Math.max(...vs.map((x) => JSON.stringify(x).length)));
}
