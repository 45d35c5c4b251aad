import { expect } from 'chai';
import { CHECKS } from '../../src/checks';
import { CASE_FAULT_NAMES as FAULT_NAMES } from '../../src/mock';
import { computeMutants, type MutantsMatrix } from '../../src/mutants/matrix';
import { renderMutantsMarkdown } from '../../src/mutants/report';
import { runOnMock } from './support';

/**
 * The suite cannot pass a broken server (the faults only generated input finds, FOUND_BY_FUZZ, are
 * test/fuzz/fuzz.test.ts's): the kill matrix of `npm run mutants` (src/mutants), on the same
 * whole-suite runs as the fault tests. Every deliberate fault of the mock makes some case fail (or warn,
 * where its rule is a SHOULD), a MUST-level fault a MUST failure, and every named check fires on at least
 * one broken server.
 */
describe('runner: every fault of the mock is caught, every check catches one', function () {
  this.timeout(300_000);
  let matrix: MutantsMatrix;

  before(async () => {
    matrix = await computeMutants((fault) => runOnMock([fault]), Object.keys(CHECKS));
  });

  for (const fault of FAULT_NAMES) {
    it(`fault ${fault}: killed at the level of its rule`, () => {
      const outcome = matrix.faults.find((candidate) => candidate.fault === fault)!;
      expect(outcome.killedBy, 'cases that catch it').to.have.length.above(0);
      if (outcome.expectedLevel === 'MUST')
        expect(outcome.level, 'caught by a MUST failure').to.equal('MUST');
      expect(outcome.killed).to.equal(true);
    });
  }

  it('no MUST-level fault survives; the score is whole', () => {
    expect(matrix.survivingMust).to.deep.equal([]);
    expect([matrix.killed, matrix.total]).to.deep.equal([FAULT_NAMES.length, FAULT_NAMES.length]);
  });

  it('each case row lists the faults it kills, and they agree with the fault rows', () => {
    for (const row of matrix.cases)
      for (const fault of row.kills)
        expect(matrix.faults.find((outcome) => outcome.fault === fault)!.killedBy).to.include(row.id);
  });

  it('each named check reports a failure on at least one faulty server', () => {
    expect(matrix.silentChecks, 'checks no fault makes fail').to.deep.equal([]);
  });

  it('mutants.md gives the score and a row per fault', () => {
    const markdown = renderMutantsMarkdown(matrix);
    expect(markdown).to.include(`**Score: ${matrix.killed}/${matrix.total}`);
    for (const fault of FAULT_NAMES) expect(markdown).to.include(`\`${fault}\``);
  });
});
