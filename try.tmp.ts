import { runFuzz } from './src/fuzz/runner';
import { embeddedMock } from './src/mock/embedded';
import { resolveTargetConfig } from './src/target/config';
const faults = (process.argv[2] ?? '').split(',').filter(Boolean) as never[];
const runs = Number(process.argv[3] ?? 20);
(async () => {
  const t0 = Date.now();
  const out = await runFuzz({ config: resolveTargetConfig([{ adminToken: 'x'.repeat(30), grep: process.argv[4] }]), startEmbedded: embeddedMock({ faults }), inProcess: process.env.INPROC === "1", runs, seed: 42 });
  console.log('inputs', out.inputs, 'ms', Date.now() - t0, 'startError', out.startError);
  for (const r of out.report.results) {
    console.log(r.outcome, r.durationMs, r.id);
    for (const f of r.failures) console.log('   ', f.check, f.message.slice(0, 600), '\n    ', f.request?.slice(0, 300), '\n    ', f.actual?.slice(0, 200));
  }
})();
