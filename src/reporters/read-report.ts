import { isRecord } from '../model/json';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RunReport } from '../engine/results';
import { JSON_REPORT_FILE } from './json-reporter';
import { ReportMergeError } from './merge';

const NUMBER_FIELDS = [
  'total',
  'passed',
  'failed',
  'warnings',
  'skipped',
  'expectedFailures',
  'durationMs',
] as const;

/** The shape problems of a parsed conformance.json, the first one found; undefined when it looks like a RunReport. */
function shapeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not a JSON object';
  const { summary, results } = value;
  if (!isRecord(summary)) return 'no summary object';
  if (!Array.isArray(results)) return 'no results array';
  for (const field of NUMBER_FIELDS)
    if (typeof summary[field] !== 'number') return `summary.${field} is not a number`;
  if (typeof summary.target !== 'string') return 'summary.target is not a string';
  if (typeof summary.strict !== 'boolean') return 'summary.strict is not a boolean';
  if (typeof summary.startedAt !== 'string') return 'summary.startedAt is not a string';
  if (!Array.isArray(summary.staleExpectations)) return 'summary.staleExpectations is not an array';
  const badResult = results.findIndex(
    (result) => !isRecord(result) || typeof result.id !== 'string' || typeof result.outcome !== 'string',
  );
  if (badResult >= 0) return `results[${badResult}] has no id or outcome`;
  return undefined;
}

/** A shard's RunReport from its report directory or its conformance.json. */
export async function readRunReport(location: string): Promise<RunReport> {
  let file = location;
  try {
    if ((await stat(location)).isDirectory()) file = path.join(location, JSON_REPORT_FILE);
  } catch {
    throw new ReportMergeError(`${location}: no such file or directory`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ReportMergeError(`${file}: cannot be read`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ReportMergeError(
      `${file}: not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const problem = shapeProblem(parsed);
  if (problem) throw new ReportMergeError(`${file} is not a conformance report (${problem})`);
  return parsed as RunReport;
}
