import { expect } from 'chai';
import type { RunReport } from '../../src/engine/results';
import { CASE_FAULT_NAMES, type FaultName } from '../../src/mock';
import { computeMutants, judgeOutcome } from '../../src/mutants/matrix';
import { PROXY_BLIND } from '../../src/mutants/proxy-blind';
import { proxyWithFault } from '../../src/mutants/proxy-column';
import { renderMutantsMarkdown } from '../../src/mutants/report';

const nothingCaught = async (): Promise<RunReport> => ({ summary: {}, results: [] }) as unknown as RunReport;

/** The kill matrix's `proxy` column: the official client's ordinary traffic through the proxy, per fault. */
describe('mutants: the proxy column', function () {
  this.timeout(300_000);

  it('kills exactly the faults ordinary client traffic can show: every fault but those PROXY_BLIND explains', async () => {
    const survivors: FaultName[] = [];
    // A few at a time: each run mostly waits on loopback round trips.
    for (let start = 0; start < CASE_FAULT_NAMES.length; start += 4)
      await Promise.all(
        CASE_FAULT_NAMES.slice(start, start + 4).map(async (fault) => {
          if (!judgeOutcome(fault, await proxyWithFault(fault)).killed) survivors.push(fault);
        }),
      );
    expect(survivors.sort()).to.deep.equal(Object.keys(PROXY_BLIND).sort());
  });

  it('shows the column, the count, and the reason for each fault it leaves alive', async () => {
    const matrix = await computeMutants(nothingCaught, [], ['ignore-scopes', 'lenient-json'], {
      proxy: proxyWithFault,
    });
    expect(matrix.faults.map((fault) => [fault.fault, fault.proxy])).to.deep.equal([
      ['ignore-scopes', { level: 'MUST', killed: true }],
      ['lenient-json', { level: undefined, killed: false }],
    ]);
    expect(matrix.proxyKilled).to.equal(1);
    const markdown = renderMutantsMarkdown(matrix);
    expect(markdown).to.include("client's ordinary traffic (docs/proxy.md): **1/2 (50.0 %)**");
    expect(markdown).to.include('| killed | proxy | cases |');
    expect(markdown).to.include(`- \`lenient-json\`: ${PROXY_BLIND['lenient-json']}`);
  });

  it('names a fault the proxy leaves alive without a known reason as a gap', async () => {
    const matrix = await computeMutants(nothingCaught, [], ['ignore-scopes'], { proxy: nothingCaught });
    expect(renderMutantsMarkdown(matrix)).to.include(
      '- `ignore-scopes`: **no reason known: a gap of the proxy**',
    );
  });
});
