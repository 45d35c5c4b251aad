import { expect } from 'chai';
import { ALL_CASES } from '../../specs/cases';
import type { FaultName } from '../../src/mock';
import type { RunReport } from '../../src/engine/results';
import { runSuite } from './support';

/** Each case's outcome and the checks that failed: what the kill matrix reads. */
const verdicts = (report: RunReport) =>
  Object.fromEntries(
    report.results.map((result) => [
      result.id,
      `${result.outcome} ${[...new Set(result.failures.map((failure) => `${failure.level} ${failure.check}`))].sort().join(', ')}`,
    ]),
  );

/**
 * The fault tests and `npm run mutants` run the suite without a socket (light-my-request); users' runs
 * go through loopback. Both must give every case the same verdict, on the correct mock and on faults
 * that touch headers, error bodies, bodies that are not JSON, and statuses.
 */
describe('runner: the in-process transport gives the verdicts of a loopback socket', function () {
  this.timeout(120_000);
  const faultSets: FaultName[][] = [
    [],
    ['no-www-authenticate', 'error-body-as-text'],
    ['lenient-json', 'post-returns-200', 'import-partial'],
  ];
  for (const faults of faultSets)
    it(`the same verdict for each of the ${ALL_CASES.length} cases: ${faults.join(', ') || 'the correct mock'}`, async () => {
      const [inProcess, loopback] = await Promise.all([runSuite(faults, true), runSuite(faults, false)]);
      expect(inProcess.summary.target).to.equal('http://in-process');
      expect(verdicts(inProcess)).to.deep.equal(verdicts(loopback));
      if (faults.length > 0) expect(inProcess.summary.failed).to.be.greaterThan(0);
    });
});
