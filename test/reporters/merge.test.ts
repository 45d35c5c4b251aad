import { staleEntry } from '../../src/engine/expectations';
import { expect } from 'chai';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunReport } from '../../src/engine/results';
import { runMerge } from '../../src/cli/commands/merge';
import { UsageError } from '../../src/cli/usage-error';
import { mergeReports, ReportMergeError, renderJsonReport } from '../../src/reporters';
import { caseResult, runReport, tempDir } from './report-factory';

const shard = (index: number, ids: string[], overrides: Partial<RunReport['summary']> = {}): RunReport =>
  runReport(
    ids.map((id, n) => caseResult(id, { outcome: n === 0 ? 'failed' : 'passed', durationMs: 10 * index })),
    {
      shard: { index, count: 2 },
      durationMs: 100 * index,
      startedAt: `2026-01-01T00:00:0${3 - index}.000Z`,
      ...overrides,
    },
  );

describe('reporters: mergeReports', () => {
  it('sums the counts, takes the longest duration and the earliest start, and sorts the cases', () => {
    const merged = mergeReports([shard(1, ['d', 'b']), shard(2, ['c', 'a', 'e'])]);
    expect(merged.results.map((result) => result.id)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(merged.summary).to.deep.include({
      total: 5,
      passed: 3,
      failed: 2,
      warnings: 0,
      skipped: 0,
      durationMs: 200,
    });
    expect(merged.summary.startedAt).to.equal('2026-01-01T00:00:01.000Z');
    expect(merged.summary.shard).to.equal(undefined);
  });

  it('keeps a stale expectation only where the shard that ran the case (or none) called it stale', () => {
    const [passedB, passedC, nowhere] = [
      staleEntry('b', 'passed'),
      staleEntry('c', 'passed'),
      staleEntry('nowhere', 'noCase'),
    ];
    // Shard 1 ran b (stale there); c belongs to shard 2, which did not call it stale.
    const one = shard(1, ['a', 'b'], { staleExpectations: [passedC, passedB, nowhere] });
    const two = shard(2, ['c'], { staleExpectations: [passedB, nowhere] });
    expect(mergeReports([one, two]).summary.staleExpectations).to.deep.equal([passedB, nowhere]);
  });

  it('joins the reasons of aborted shards', () => {
    const merged = mergeReports([shard(1, ['a'], { aborted: 'target died' }), shard(2, ['b'])]);
    expect(merged.summary.aborted).to.equal('shard 1/2: target died');
  });

  it('rejects a case id found in two reports', () => {
    expect(() => mergeReports([shard(1, ['a', 'b']), shard(2, ['b'])])).to.throw(
      ReportMergeError,
      'case "b"',
    );
  });

  it('joins by key: one case under two sentences in two shards is in more than one report', () => {
    const [one] = shard(1, ['a']).results;
    const reworded = runReport([{ ...one, id: 'a, reworded' }], { shard: { index: 2, count: 2 } });
    expect(() => mergeReports([shard(1, ['a']), reworded])).to.throw(
      ReportMergeError,
      `case "a, reworded" (${one.key}) appears in more than one report`,
    );
  });

  it('rejects reports of different targets or strictness', () => {
    expect(() => mergeReports([shard(1, ['a']), shard(2, ['b'], { target: 'http://other' })])).to.throw(
      ReportMergeError,
      'target',
    );
    expect(() => mergeReports([shard(1, ['a']), shard(2, ['b'], { strict: true })])).to.throw(
      ReportMergeError,
      'strictness',
    );
  });

  it('rejects a repeated, missing or miscounted shard', () => {
    expect(() => mergeReports([shard(1, ['a']), shard(1, ['b'])])).to.throw(ReportMergeError, 'twice');
    expect(() => mergeReports([shard(1, ['a'])])).to.throw(ReportMergeError, 'missing');
    const ofThree = shard(2, ['b'], { shard: { index: 2, count: 3 } });
    expect(() => mergeReports([shard(1, ['a']), ofThree])).to.throw(ReportMergeError, 'shard count');
    expect(() => mergeReports([shard(1, ['a']), runReport([caseResult('b')])])).to.throw(
      ReportMergeError,
      'some reports',
    );
    expect(() => mergeReports([])).to.throw(ReportMergeError);
  });
});

describe('cli: merge', () => {
  async function shardDirs(...reports: RunReport[]): Promise<string[]> {
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
  const quiet = { write: () => true } as unknown as NodeJS.WritableStream;

  it('writes every report of the merged run from report dirs and conformance.json files', async () => {
    const [one, two] = await shardDirs(shard(1, ['a']), shard(2, ['b']));
    const reportDir = path.join(await tempDir(), 'merged');
    await runMerge([one, path.join(two, 'conformance.json')], { reportDir }, quiet);
    const merged = JSON.parse(await readFile(path.join(reportDir, 'conformance.json'), 'utf8'));
    expect(merged.summary.total).to.equal(2);
    expect(await readFile(path.join(reportDir, 'index.html'), 'utf8')).to.contain('<!doctype html>');
  });

  it('turns bad input into a one-line usage error', async () => {
    const [one, two] = await shardDirs(shard(1, ['a']), shard(2, ['a']));
    const reportDir = await tempDir();
    const missing = path.join(reportDir, 'missing');
    await writeFile(path.join(reportDir, 'garbage.json'), '{"summary": 1');
    await writeFile(path.join(reportDir, 'other.json'), '{"summary": {}, "results": []}');
    for (const inputs of [
      [one, two],
      [missing],
      [path.join(reportDir, 'garbage.json')],
      [path.join(reportDir, 'other.json')],
    ]) {
      const error = await runMerge(inputs, { reportDir }, quiet).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error, inputs.join(' ')).to.be.instanceOf(UsageError);
      expect((error as Error).message).to.not.contain('\n');
    }
  });
});
