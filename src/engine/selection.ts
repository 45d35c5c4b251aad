import { keyOf } from '../model/case-key';
import type { ConformanceCase } from './case';
import { needsOf } from './needs';

type Named = { readonly id: string; readonly key?: string };

/**
 * `--grep`: a case-insensitive regular expression on the case's sentence (a plain substring if not a
 * valid one), or one its whole key matches (`get-query-3f2a9c`, `get-query-.*`, `a-…|b-…`). A key must
 * match whole, so that `--grep query` keeps meaning the sentences that say "query".
 */
export function grepFilter(pattern: string | undefined): (named: Named) => boolean {
  if (!pattern) return () => true;
  try {
    const sentence = new RegExp(pattern, 'i');
    const wholeKey = new RegExp(`^(?:${pattern})$`, 'i');
    return ({ id, key }) => sentence.test(id) || (key !== undefined && wholeKey.test(key));
  } catch {
    const needle = pattern.toLowerCase();
    return ({ id, key }) => id.toLowerCase().includes(needle) || key?.toLowerCase() === needle;
  }
}

/**
 * `--shard I/N`: the cases sorted by key, dealt round-robin; shard I (1-based) keeps every N-th from the
 * (I-1)-th. Deterministic, balanced, the N shards together hold every case exactly once, and rewording
 * a case's sentence does not move it to another shard.
 */
export function shardOf<T extends Named>(cases: readonly T[], shard?: { index: number; count: number }): T[] {
  if (!shard) return [...cases];
  const sorted = cases.map(keyOf).sort();
  const kept = new Set(sorted.filter((_, position) => position % shard.count === shard.index - 1));
  return cases.filter((item) => kept.has(keyOf(item)));
}

/**
 * The cases `--grep` matches, and the set-up case of every piece of the data set they need: a failed
 * set-up skips the cases that need it, and only its own case says so and fails the run.
 */
export function selectCases(
  cases: readonly ConformanceCase[],
  options: { grep?: string; shard?: { index: number; count: number } },
): ConformanceCase[] {
  const matches = grepFilter(options.grep);
  const chosen = cases.filter(matches);
  const needed = new Set(chosen.flatMap((item) => needsOf(item)));
  const withSetUp = cases.filter(
    (item) => matches(item) || (item.setup !== undefined && needed.has(item.setup)),
  );
  return shardOf(withSetUp, options.shard);
}

/** Runs `work` over `items` with at most `limit` at once; results in the items' order. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
