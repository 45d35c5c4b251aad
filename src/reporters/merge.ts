import { staleCaseId } from '../engine/expectations';
import { keyOf } from '../model/case-key';
import type { CaseResult, RunReport, RunSummary } from '../engine/results';

/** Shard reports that cannot be joined into one run. */
export class ReportMergeError extends Error {
  override readonly name = 'ReportMergeError';
}

function sameEverywhere<T>(
  reports: readonly RunReport[],
  field: string,
  pick: (summary: RunSummary) => T,
): T {
  const values = [...new Set(reports.map((report) => pick(report.summary)))];
  if (values.length > 1)
    throw new ReportMergeError(`the reports differ in ${field}: ${values.map(String).join(' vs ')}`);
  return values[0];
}

/** Either no report is a shard, or they are the shards 1..count of one count, each once. */
function checkShards(reports: readonly RunReport[]): void {
  const shards = reports.map((report) => report.summary.shard);
  if (shards.every((shard) => shard === undefined)) return;
  if (shards.some((shard) => shard === undefined))
    throw new ReportMergeError('some reports are shards and some are not');
  const count = sameEverywhere(reports, 'shard count', (summary) => summary.shard?.count);
  const indexes = shards.map((shard) => shard?.index);
  const repeated = indexes.find((index, position) => indexes.indexOf(index) !== position);
  if (repeated !== undefined) throw new ReportMergeError(`shard ${repeated}/${count} is given twice`);
  const missing = Array.from({ length: count ?? 0 }, (_, i) => i + 1).filter(
    (index) => !indexes.includes(index),
  );
  if (missing.length > 0) throw new ReportMergeError(`shard ${missing.join(', ')} of ${count} is missing`);
}

function joinResults(reports: readonly RunReport[]): CaseResult[] {
  const seen = new Set<string>();
  const results: CaseResult[] = [];
  for (const report of reports)
    for (const result of report.results) {
      if (seen.has(keyOf(result)))
        throw new ReportMergeError(
          `case "${result.id}"${result.key ? ` (${result.key})` : ''} appears in more than one report`,
        );
      seen.add(keyOf(result));
      results.push(result);
    }
  return results;
}

/**
 * Every shard reads the whole expectations file, so an entry naming a case of another shard is stale
 * in the shard that lacks it. Joined: an entry naming a case is stale only if the shard that ran the
 * case said so; an entry naming no case of any shard is stale.
 */
function joinStaleExpectations(reports: readonly RunReport[]): string[] {
  const shardOfCase = new Map<string, RunReport>();
  for (const report of reports)
    for (const result of report.results)
      for (const name of [result.id, result.key]) if (name) shardOfCase.set(name, report);
  const entries = [...new Set(reports.flatMap((report) => report.summary.staleExpectations))];
  return entries.filter((entry) => {
    const owner = shardOfCase.get(staleCaseId(entry));
    return owner === undefined || owner.summary.staleExpectations.includes(entry);
  });
}

const sum = (reports: readonly RunReport[], pick: (summary: RunSummary) => number): number =>
  reports.reduce((total, report) => total + pick(report.summary), 0);

/**
 * One RunReport from the reports of the shards of one run. Counts are summed; the duration is the
 * longest shard's (shards run side by side, so that is the wall time); startedAt is the earliest.
 * Throws ReportMergeError on duplicate case ids, different targets or strictness, or an incomplete
 * or repeated set of shards.
 */
export function mergeReports(reports: readonly RunReport[]): RunReport {
  if (reports.length === 0) throw new ReportMergeError('no reports to merge');
  const target = sameEverywhere(reports, 'target', (summary) => summary.target);
  const strict = sameEverywhere(reports, 'strictness', (summary) => summary.strict);
  checkShards(reports);
  const results = joinResults(reports).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const aborted = reports
    .filter((report) => report.summary.aborted)
    .map((report) =>
      report.summary.shard
        ? `shard ${report.summary.shard.index}/${report.summary.shard.count}: ${report.summary.aborted}`
        : report.summary.aborted,
    );
  const summary: RunSummary = {
    total: sum(reports, (s) => s.total),
    passed: sum(reports, (s) => s.passed),
    failed: sum(reports, (s) => s.failed),
    warnings: sum(reports, (s) => s.warnings),
    skipped: sum(reports, (s) => s.skipped),
    expectedFailures: sum(reports, (s) => s.expectedFailures),
    staleExpectations: joinStaleExpectations(reports),
    durationMs: Math.max(...reports.map((report) => report.summary.durationMs)),
    target,
    strict,
    startedAt: reports.map((report) => report.summary.startedAt).sort()[0],
    ...(aborted.length > 0 ? { aborted: aborted.join('; ') } : {}),
  };
  return { summary, results };
}
