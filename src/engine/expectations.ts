import { readJsonFile } from '../target/config';
import { UsageError } from '../errors';
import type { CaseResult } from './results';

/**
 * Known failures of one server, kept outside the tests: `{"expectedFailures": {"<case id>": "why"}}`.
 * A listed case that fails does not fail the run; one that passes, or an id that names no case, is stale.
 */
export type Expectations = ReadonlyMap<string, string>;

export function parseExpectations(content: unknown, file: string): Expectations {
  const entries =
    typeof content === 'object' && content !== null
      ? (content as { expectedFailures?: unknown }).expectedFailures
      : undefined;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw new UsageError(`expectations file ${file} must be {"expectedFailures": {"<case id>": "<reason>"}}`);
  }
  for (const [id, reason] of Object.entries(entries)) {
    if (typeof reason !== 'string')
      throw new UsageError(`expectations file ${file}: the reason for "${id}" must be a string`);
  }
  return new Map(Object.entries(entries as Record<string, string>));
}

export const loadExpectations = (file: string): Expectations =>
  parseExpectations(readJsonFile(file, 'expectations file'), file);

/** A stale entry as reports show it: `<case id>: <why>`. */
const STALE_REASONS = { noCase: 'names no case', passed: 'expected to fail, passed' } as const;

export const staleEntry = (id: string, why: keyof typeof STALE_REASONS): string =>
  `${id}: ${STALE_REASONS[why]}`;

/** The case id a stale entry is about. */
export function staleCaseId(entry: string): string {
  for (const reason of Object.values(STALE_REASONS))
    if (entry.endsWith(`: ${reason}`)) return entry.slice(0, -(reason.length + 2));
  return entry;
}

export interface AppliedExpectations {
  readonly results: CaseResult[];
  readonly stale: string[];
}

/** Marks expected failures; lists stale entries (ids of every known case count, so --grep/--shard do not make stale). */
export function applyExpectations(
  results: readonly CaseResult[],
  expectations: Expectations,
  knownIds: ReadonlySet<string>,
): AppliedExpectations {
  const stale: string[] = [];
  for (const id of expectations.keys()) if (!knownIds.has(id)) stale.push(staleEntry(id, 'noCase'));
  const marked = results.map((result) => {
    if (!expectations.has(result.id)) return result;
    if (result.outcome === 'failed' || result.outcome === 'warning')
      return { ...result, expectedFailure: true };
    if (result.outcome === 'passed') stale.push(staleEntry(result.id, 'passed'));
    return result;
  });
  return { results: marked, stale };
}
