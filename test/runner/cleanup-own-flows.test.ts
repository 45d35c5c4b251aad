import { expect } from 'chai';
import { FLOW_CLASSES } from '../../specs/catalog';
import { createMockServer, MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID } from '../../src/mock';
import { runExplore } from '../../src/explore/runner';
import { runFuzz } from '../../src/fuzz/runner';
import { resolveTargetConfig } from '../../src/target/config';
import { ADMIN_TOKEN, startRunOnUrl, urlLayer } from './support';

/** Flows that were on the target before the run, of every class, in both of the user's applications. */
const PRE_EXISTING = 35;
const hexId = (index: number) => `5c${index.toString(16).padStart(22, '0')}`;
const bundle = (from: number, count: number) => ({
  flows: Array.from({ length: count }, (_, offset) => ({
    id: hexId(from + offset),
    name: `someone else's flow ${from + offset}`,
    flowClass: FLOW_CLASSES[(from + offset) % FLOW_CLASSES.length],
  })),
});
const SEED = {
  applications: {
    [MOCK_APPLICATION_ID]: bundle(0, 30),
    [MOCK_OTHER_APPLICATION_ID]: bundle(30, PRE_EXISTING - 30),
  },
};

const flowIds = (mock: Awaited<ReturnType<typeof createMockServer>>) =>
  [MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID].flatMap((applicationId) => [
    ...(mock.store.application(applicationId)?.flows.keys() ?? []),
  ]);

/**
 * Against a target that ignores `filter` (a bug the suite exists to catch), the clean-up's listing under
 * the run's prefix holds every flow: only the ids the run's own creations answered may be deleted.
 */
describe('runner: the clean-up removes only what the run made', function () {
  this.timeout(120_000);

  for (const faults of [[], ['filter-ignored']] as const)
    for (const judge of ['run', 'fuzz', 'explore'] as const)
      it(`${judge} against a mock ${faults.length ? 'that ignores filter' : 'that filters'}: every flow that was there before is there after, and none of the run's`, async () => {
        const mock = await createMockServer({ adminToken: ADMIN_TOKEN, faults: [...faults], seed: SEED });
        try {
          const url = await mock.listen(0, '127.0.0.1');
          const before = flowIds(mock);
          expect(before).to.have.length(PRE_EXISTING);
          if (judge === 'run') {
            const outcome = await startRunOnUrl(url);
            expect(outcome.report.summary.total).to.be.above(100);
            expect(outcome.report.summary.leftFlows, 'nothing of the run left').to.equal(undefined);
          } else if (judge === 'explore') {
            const outcome = await runExplore({
              config: resolveTargetConfig([urlLayer(url)]),
              seed: 7,
              runs: 20,
            });
            expect(outcome.requests).to.be.above(faults.length === 0 ? 20 : 0);
            expect(outcome.report.summary.leftFlows, 'nothing of the run left').to.equal(undefined);
          } else {
            const outcome = await runFuzz({
              config: resolveTargetConfig([urlLayer(url)]),
              seed: 7,
              runs: 3,
            });
            expect(outcome.inputs).to.be.above(10);
          }
          expect(flowIds(mock).sort()).to.deep.equal([...before].sort());
        } finally {
          await mock.close();
        }
      });
});
