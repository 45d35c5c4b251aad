import { expect } from 'chai';
import type { RunReport } from '../../src/engine/results';
import { FUZZ_FAULT_BUDGET_MS, fuzzWithFault } from '../../src/mutants/main';
import { computeMutants } from '../../src/mutants/matrix';
import { renderMutantsMarkdown } from '../../src/mutants/report';

/** The kill matrix's `fuzz` column: `fuzz` alone per fault, at its default runs, within a minute. */
describe('mutants: the fuzz column', function () {
  this.timeout(3 * FUZZ_FAULT_BUDGET_MS);

  it('counts the faults fuzz alone kills and shows each in mutants.md', async () => {
    const nothingCaught = async (): Promise<RunReport> =>
      ({ summary: {}, results: [] }) as unknown as RunReport;
    const started = performance.now();
    const matrix = await computeMutants(nothingCaught, [], ['wrong-total-count', 'no-www-authenticate'], {
      fuzz: fuzzWithFault,
    });
    // A 401 needs a request without a valid token, which fuzz never sends.
    expect(matrix.faults.map((fault) => [fault.fault, fault.fuzz])).to.deep.equal([
      ['wrong-total-count', { level: 'MUST', killed: true }],
      ['no-www-authenticate', { level: undefined, killed: false }],
    ]);
    expect(performance.now() - started).to.be.below(2 * FUZZ_FAULT_BUDGET_MS + 10_000);
    expect(matrix.fuzzKilled).to.equal(1);
    const markdown = renderMutantsMarkdown(matrix);
    expect(markdown).to.include(
      'alone, at its default runs, at most a minute a fault (docs/fuzz.md): **1/2 (50.0 %)**',
    );
    expect(markdown).to.include('| killed | fuzz | cases |');
    expect(markdown).to.include('| **survived** | killed (MUST) |');
  });
});
