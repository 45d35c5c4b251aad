import { expect } from 'chai';
import type { RunReport } from '../../src/engine/results';
import { exploreWithFault } from '../../src/mutants/main';
import { computeMutants } from '../../src/mutants/matrix';
import { renderMutantsMarkdown } from '../../src/mutants/report';

/** The kill matrix's `explore` column: `explore` alone per fault, judged at the fault's level. */
describe('mutants: the explore column', function () {
  this.timeout(60_000);

  it('counts the faults explore alone kills and shows each in mutants.md', async () => {
    const nothingCaught = async (): Promise<RunReport> =>
      ({ summary: {}, results: [] }) as unknown as RunReport;
    const matrix = await computeMutants(
      nothingCaught,
      [],
      ['ignore-scopes', 'custom-nodes-from-all-matches'],
      { explore: exploreWithFault },
    );
    expect(matrix.faults.map((fault) => [fault.fault, fault.explore])).to.deep.equal([
      ['ignore-scopes', { level: 'MUST', killed: true }],
      ['custom-nodes-from-all-matches', { level: undefined, killed: false }],
    ]);
    expect(matrix.exploreKilled).to.equal(1);
    const markdown = renderMutantsMarkdown(matrix);
    expect(markdown).to.include('alone, at its default budget (docs/explore.md): **1/2 (50.0 %)**');
    expect(markdown).to.include('| killed | explore | cases |');
    expect(markdown).to.include('| **survived** | killed (MUST) |');
  });
});
