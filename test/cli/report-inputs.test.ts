import { expect } from 'chai';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunReport } from '../../src/engine/results';
import { runCompare } from '../../src/cli/commands/compare';
import { runMerge } from '../../src/cli/commands/merge';
import { MAX_REPORT_INPUT_BYTES } from '../../src/cli/report-input';
import { UsageError } from '../../src/cli/usage-error';
import { renderJsonReport } from '../../src/reporters';
import { caseResult, runReport, tempDir } from '../reporters/report-factory';

/** What `merge` and `compare` make of their inputs (issue 20): counts, embedded targets, size. */
const quiet = { write: () => true } as unknown as NodeJS.WritableStream;

async function reportDirs(...reports: RunReport[]): Promise<string[]> {
  const root = await tempDir();
  return Promise.all(
    reports.map(async (report, n) => {
      const dir = path.join(root, `shard-${n + 1}`);
      await mkdir(dir);
      await writeFile(path.join(dir, 'conformance.json'), renderJsonReport(report));
      return dir;
    }),
  );
}

const refusal = (work: Promise<void>): Promise<unknown> =>
  work.then(
    () => undefined,
    (caught: unknown) => caught,
  );

async function mergedSummary(inputs: string[]): Promise<RunReport['summary']> {
  const reportDir = path.join(await tempDir(), 'merged');
  await runMerge(inputs, { reportDir }, quiet);
  return (JSON.parse(await readFile(path.join(reportDir, 'conformance.json'), 'utf8')) as RunReport).summary;
}

describe('cli: what merge and compare read (issue 20)', () => {
  it('merge counts the results again: a report claiming 323 passed for 323 failed results says 323 failed', async () => {
    const failed = Array.from({ length: 323 }, (_, index) =>
      caseResult(`case ${index}`, { outcome: 'failed' }),
    );
    const lying = runReport(failed, { passed: 323, failed: 0 });
    const [dir] = await reportDirs(lying);
    expect(await mergedSummary([dir])).to.deep.include({ total: 323, passed: 0, failed: 323 });
  });

  it('merge joins shards of the embedded mock, each on its own port, and still refuses two different targets', async () => {
    const shard = (index: number, id: string, target: string) =>
      runReport([caseResult(id)], { shard: { index, count: 2 }, target });
    const embedded = await reportDirs(
      shard(1, 'a', 'embedded mock (http://127.0.0.1:40111)'),
      shard(2, 'b', 'embedded mock (http://127.0.0.1:40222)'),
    );
    expect(await mergedSummary(embedded)).to.deep.include({ total: 2, target: 'embedded mock' });
    const differing = await reportDirs(
      shard(1, 'a', 'https://one.example'),
      shard(2, 'b', 'embedded mock (http://127.0.0.1:40222)'),
    );
    const error = await refusal(runMerge(differing, { reportDir: await tempDir() }, quiet));
    expect(error).to.be.instanceOf(UsageError);
    expect((error as Error).message).to.match(/differ in target/);
  });

  it(`merge and compare refuse, in one line and before reading it, an input above ${MAX_REPORT_INPUT_BYTES / 1024 / 1024} MiB or not a regular file`, async () => {
    const [small, big] = await reportDirs(runReport([caseResult('a')]), runReport([caseResult('a')]));
    // A sparse file: its size is past the cap without the disk holding it.
    await truncate(path.join(big, 'conformance.json'), MAX_REPORT_INPUT_BYTES + 1);
    for (const [command, work] of [
      ['merge', () => runMerge([small, big], { reportDir: path.join(small, 'out') }, quiet)],
      ['compare', () => runCompare([small, big], { out: path.join(small, 'out') }, quiet)],
      ['merge', () => runMerge(['/dev/zero'], { reportDir: path.join(small, 'out') }, quiet)],
    ] as const) {
      const error = await refusal(work());
      expect(error, command).to.be.instanceOf(UsageError);
      const message = (error as Error).message;
      expect(message).to.match(
        new RegExp(`^${command}: .*(above the 32 MiB a report may have|is not a regular file)$`),
      );
      expect(message).to.not.contain('\n');
    }
    // At the cap's side, a report of the usual size is read.
    expect(await mergedSummary([small])).to.deep.include({ total: 1 });
  });
});
