/**
 * A filter over many flows that gives the event loop back every few milliseconds: a Get over 100,000
 * flows with a costly glob then delays other clients by one turn, never by the whole scan.
 */

/** The longest a filter runs before it yields a turn of the event loop. */
export const TURN_BUDGET_MS = 10;

/** Items between two looks at the clock (a look costs more than most tests of an item). */
const CHECK_EVERY = 256;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The items `keep` accepts, in order; the items are a snapshot the caller will not change meanwhile. */
export async function filterInTurns<T>(items: readonly T[], keep: (item: T) => boolean): Promise<T[]> {
  const kept: T[] = [];
  let turnStart = performance.now();
  for (let index = 0; index < items.length; index += 1) {
    if (keep(items[index])) kept.push(items[index]);
    if (index % CHECK_EVERY === CHECK_EVERY - 1 && performance.now() - turnStart > TURN_BUDGET_MS) {
      await nextTurn();
      turnStart = performance.now();
    }
  }
  return kept;
}
