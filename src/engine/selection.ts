import type { ConformanceCase } from './case';
import { needsOf } from './needs';

/** `--grep`: a case-insensitive regular expression on the case id (a plain substring if not a valid one). */
export function grepFilter(pattern: string | undefined): (id: string) => boolean {
  if (!pattern) return () => true;
  try {
    const regex = new RegExp(pattern, 'i');
    return (id) => regex.test(id);
  } catch {
    const needle = pattern.toLowerCase();
    return (id) => id.toLowerCase().includes(needle);
  }
}

/**
 * `--shard I/N`: the cases sorted by id, dealt round-robin; shard I (1-based) keeps every N-th from the
 * (I-1)-th. Deterministic, balanced, and the N shards together hold every case exactly once.
 */
export function shardOf<T extends { readonly id: string }>(
  cases: readonly T[],
  shard?: { index: number; count: number },
): T[] {
  if (!shard) return [...cases];
  const sorted = [...cases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept = new Set(
    sorted.filter((_, position) => position % shard.count === shard.index - 1).map((item) => item.id),
  );
  return cases.filter((item) => kept.has(item.id));
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
  const chosen = cases.filter((item) => matches(item.id));
  const needed = new Set(chosen.flatMap((item) => needsOf(item)));
  const withSetUp = cases.filter(
    (item) => matches(item.id) || (item.setup !== undefined && needed.has(item.setup)),
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
