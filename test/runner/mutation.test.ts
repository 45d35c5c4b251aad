import { expect } from 'chai';
import { CHECKS } from '../../src/checks';
import type { RunReport } from '../../src/engine/results';
import { FAULT_NAMES, type FaultName } from '../../src/mock';
import { runOnMock } from './support';

/**
 * The suite cannot pass a broken server: every deliberate fault of the mock makes some case fail (or
 * warn, where the rule is a SHOULD), and every named check fires on at least one broken server.
 */
describe('runner: every fault of the mock is caught, every check catches one', function () {
  this.timeout(300_000);
  const reports = new Map<FaultName, RunReport>();

  before(async () => {
    for (const fault of FAULT_NAMES) reports.set(fault, await runOnMock([fault]));
  });

  for (const fault of FAULT_NAMES) {
    it(`fault ${fault}: some case does not pass`, () => {
      const caught = reports.get(fault)!.results.filter((result) => result.outcome !== 'passed');
      expect(caught.map((result) => result.id)).to.have.length.above(0);
    });
  }

  it('each named check reports a failure on at least one faulty server', () => {
    const fired = new Set<string>();
    for (const report of reports.values())
      for (const result of report.results) for (const failure of result.failures) fired.add(failure.check);
    const silent = Object.keys(CHECKS).filter((check) => !fired.has(check));
    expect(silent, 'checks no fault makes fail').to.deep.equal([]);
  });
});
