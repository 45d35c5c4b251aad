import { readJsonFile } from '../target/config';
import { UsageError } from '../errors';
import type { CaseResult } from './results';

/**
 * Known failures of one server, kept outside the tests: `{"expectedFailures": {"<case key>": "why"}}`,
 * each entry naming a case by its key (`get-query-3f2a9c`) or, as files written before keys do, by its
 * sentence. A listed case that fails does not fail the run; one that passes, or an entry that names no
 * case, is stale.
 */
export type Expectations = ReadonlyMap<string, string>;

/** The entries that name this case: by its key, by its sentence, or both. */
const entriesNaming = (expectations: Expectations, named: { id: string; key?: string }): string[] =>
  [named.key, named.id].filter((name): name is string => name !== undefined && expectations.has(name));

/** The case is listed as a known failure (by key or by sentence). */
export const isListed = (expectations: Expectations, named: { id: string; key?: string }): boolean =>
  entriesNaming(expectations, named).length > 0;

export function parseExpectations(content: unknown, file: string): Expectations {
  const entries =
    typeof content === 'object' && content !== null
      ? (content as { expectedFailures?: unknown }).expectedFailures
      : undefined;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw new UsageError(
      `expectations file ${file} must be {"expectedFailures": {"<case key>": "<reason>"}}`,
    );
  }
  for (const [id, reason] of Object.entries(entries)) {
    if (typeof reason !== 'string')
      throw new UsageError(`expectations file ${file}: the reason for "${id}" must be a string`);
  }
  return new Map(Object.entries(entries as Record<string, string>));
}

export const loadExpectations = (file: string): Expectations =>
  parseExpectations(readJsonFile(file, 'expectations file'), file);

/** A stale entry as reports show it: `<entry>: <why>`, the entry as the file names the case. */
const STALE_REASONS = { noCase: 'names no case', passed: 'expected to fail, passed' } as const;

export const staleEntry = (id: string, why: keyof typeof STALE_REASONS): string =>
  `${id}: ${STALE_REASONS[why]}`;

/** The case key or sentence a stale entry is about. */
export function staleCaseId(entry: string): string {
  for (const reason of Object.values(STALE_REASONS))
    if (entry.endsWith(`: ${reason}`)) return entry.slice(0, -(reason.length + 2));
  return entry;
}

export interface AppliedExpectations {
  readonly results: CaseResult[];
  readonly stale: string[];
}

/**
 * Marks expected failures; lists stale entries. `known`: the keys and sentences of every case of the
 * suite, so that --grep and --shard do not make an entry stale.
 */
export function applyExpectations(
  results: readonly CaseResult[],
  expectations: Expectations,
  known: ReadonlySet<string>,
): AppliedExpectations {
  const stale: string[] = [];
  for (const name of expectations.keys()) if (!known.has(name)) stale.push(staleEntry(name, 'noCase'));
  const marked = results.map((result) => {
    const entries = entriesNaming(expectations, result);
    if (entries.length === 0) return result;
    if (result.outcome === 'failed' || result.outcome === 'warning')
      return { ...result, expectedFailure: true };
    if (result.outcome === 'passed') stale.push(...entries.map((name) => staleEntry(name, 'passed')));
    return result;
  });
  return { results: marked, stale };
}
