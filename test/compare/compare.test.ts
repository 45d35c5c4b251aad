import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { RunReport } from '../../src/engine/results';
import { renderJsonReport } from '../../src/reporters';
import { runOnMock } from '../runner/support';

interface InProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `flows-conformance <args>` through main(), its output captured and its exit code read and reset. */
async function cli(args: readonly string[]): Promise<InProcessResult> {
  const writes = { stdout: '', stderr: '' };
  const original = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string) => ((writes.stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((writes.stderr += chunk), true)) as typeof process.stderr.write;
  try {
    await main(['node', 'flows-conformance', ...args]);
  } finally {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, ...writes };
}

const POST_CASE_FAULT = 'post-returns-200';

describe('compare: reports of two targets side by side', () => {
  let dir = '';
  let mockFile = '';
  let faultyFile = '';
  let faulty: RunReport;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'compare-'));
    const [mock, withFault] = await Promise.all([runOnMock(), runOnMock([POST_CASE_FAULT])]);
    faulty = withFault;
    mockFile = path.join(dir, 'mock.json');
    faultyFile = path.join(dir, 'faulty.json');
    writeFileSync(mockFile, renderJsonReport(mock));
    writeFileSync(faultyFile, renderJsonReport(withFault));
  });

  const failedOnFaulty = () =>
    faulty.results.filter((result) => result.outcome === 'failed' && result.level === 'MUST');

  it('exits 1 when the targets disagree on a MUST case, listing it first with the failure text', async () => {
    const out = path.join(dir, 'disagree');
    const result = await cli(['compare', mockFile, faultyFile, '--out', out, '--names', 'mock,faulty']);
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stdout).to.match(/MUST cases disagree/);
    const markdown = readFileSync(path.join(out, 'compare.md'), 'utf8');
    const [firstFailed] = failedOnFaulty();
    expect(firstFailed, 'the fault fails a MUST case').to.not.equal(undefined);
    const differing = markdown.slice(markdown.indexOf('## Cases that differ'), markdown.indexOf('## Counts'));
    expect(differing).to.include(firstFailed.id.replace(/\|/g, '\\|'));
    expect(differing).to.include(`[${firstFailed.failures[0].level} ${firstFailed.failures[0].check}]`);
    expect(markdown).to.match(/\| flows\.post \| status \| \d+\/0\/\d+\/\d+ \| \d+\/[1-9]\d*\/\d+\/\d+ \|/);
    const html = readFileSync(path.join(out, 'compare.html'), 'utf8');
    expect(html.indexOf('class="disagree"')).to.be.greaterThan(0);
    expect(html.indexOf('class="disagree"')).to.be.lessThan(html.indexOf('<tr class="">'));
  });

  it('exits 0 when the targets agree, with no differing case', async () => {
    const out = path.join(dir, 'agree');
    const result = await cli(['compare', mockFile, mockFile, '--out', out, '--names', 'a,b']);
    expect(result.code, result.stderr).to.equal(0);
    expect(readFileSync(path.join(out, 'compare.md'), 'utf8')).to.include(
      'None: every case has the same outcome',
    );
  });

  it('joins the runs by case key: a case reworded by a later version of the suite still meets itself', async () => {
    const mock = JSON.parse(readFileSync(mockFile, 'utf8')) as RunReport;
    const reworded = {
      ...mock,
      results: mock.results.map((result) => ({ ...result, id: `${result.id} (reworded)` })),
    };
    const file = path.join(dir, 'reworded.json');
    writeFileSync(file, renderJsonReport(reworded));
    const out = path.join(dir, 'reworded');
    const result = await cli(['compare', mockFile, file, '--out', out, '--names', 'old,new']);
    expect(result.code, result.stderr).to.equal(0);
    const markdown = readFileSync(path.join(out, 'compare.md'), 'utf8');
    expect(markdown).to.include('None: every case has the same outcome');
    const [first] = mock.results;
    expect(markdown).to.include(`\`${first.key}\``);
    // A key that names no case of the other run is a different case, whatever its sentence says.
    const rekeyed = {
      ...mock,
      results: mock.results.map((item, n) => (n === 0 ? { ...item, key: 'get-query-000000' } : item)),
    };
    writeFileSync(file, renderJsonReport(rekeyed));
    const refused = await cli(['compare', mockFile, file, '--out', out]);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.match(/ran different cases: 1 only in mock .* 1 only in reworded/);
  });

  it('escapes what the reports hold in the HTML and Markdown', async () => {
    const hostile = structuredClone(faulty) as unknown as { results: { failures: { message: string }[] }[] };
    const failed = hostile.results.find((result) => result.failures.length > 0);
    if (!failed) throw new Error('the faulty run has no failure');
    failed.failures[0].message = '<script>alert(1)</script>';
    const file = path.join(dir, 'hostile.json');
    writeFileSync(file, renderJsonReport(hostile as unknown as RunReport));
    const out = path.join(dir, 'hostile');
    await cli(['compare', mockFile, file, '--out', out, '--names', 'mock,<b>x</b>']);
    const html = readFileSync(path.join(out, 'compare.html'), 'utf8');
    expect(html).not.to.include('<script>');
    expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).to.include('&lt;b&gt;x&lt;/b&gt;');
    expect(readFileSync(path.join(out, 'compare.md'), 'utf8')).not.to.include('<b>x</b>');
  });

  it('exits 2 with one line when the reports ran different cases', async () => {
    const fewer = structuredClone(faulty) as unknown as { results: unknown[] };
    fewer.results.pop();
    const file = path.join(dir, 'fewer.json');
    writeFileSync(file, renderJsonReport(fewer as unknown as RunReport));
    const result = await cli(['compare', mockFile, file, '--out', path.join(dir, 'x')]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(
      /^flows-conformance: compare: mock and fewer ran different cases: 1 only in mock \(first: ".+"\), 0 only in fewer\n$/,
    );
  });

  it('exits 2 with one line on a file that is not a report', async () => {
    const file = path.join(dir, 'not-a-report.json');
    writeFileSync(file, '{"hello": 1}');
    const result = await cli(['compare', mockFile, file, '--out', path.join(dir, 'y')]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.match(
      /^flows-conformance: compare: .*not-a-report\.json is not a conformance report: \/format is missing: .*\n$/,
    );
  });

  it('exits 2 when --names does not name each report once, or one report is given', async () => {
    const counted = await cli(['compare', mockFile, faultyFile, '--names', 'one', '--out', dir]);
    expect(counted.code).to.equal(2);
    expect(counted.stderr).to.equal('flows-conformance: --names gives 1 names for 2 reports\n');
    const alone = await cli(['compare', mockFile, '--out', dir]);
    expect(alone.code).to.equal(2);
    expect(alone.stderr).to.equal('flows-conformance: compare needs at least two reports\n');
  });
});
