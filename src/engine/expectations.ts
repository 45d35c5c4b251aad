import { readJsonFile } from '../target/config';
import { UsageError } from '../cli/usage-error';
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
  for (const id of expectations.keys()) if (!knownIds.has(id)) stale.push(`${id}: names no case`);
  const marked = results.map((result) => {
    if (!expectations.has(result.id)) return result;
    if (result.outcome === 'failed' || result.outcome === 'warning')
      return { ...result, expectedFailure: true };
    if (result.outcome === 'passed') stale.push(`${result.id}: expected to fail, passed`);
    return result;
  });
  return { results: marked, stale };
}
