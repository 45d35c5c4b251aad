import type { CheckContext } from './context';
import { failure, itemsOf, exchangeOf, missingExchange, referenceLocation, type Check } from './context';
import type { RefOf } from './refs';
import { itemId } from './select';
import { sortedBy as modelOrder } from '../model/resource/order';

type Item = Record<string, unknown>;

/** The value an item is sorted by; for versions, `name` is the name of the flow (decision 12). */
function sortKey(context: CheckContext, ref: RefOf<'sortedBy'>, item: Item): string {
  if (ref.set === 'versions' && ref.field === 'name') {
    const flow = context.data.versionFlows.find((candidate) => candidate.id === item.flowId);
    return flow?.name ?? String(item.flowId);
  }
  const value = item[ref.field];
  if (DATE_FIELDS.has(ref.field) && typeof value === 'string') {
    // RFC 3339 allows any offset: instants compare by time, not as text.
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return String(time + DATE_BIAS).padStart(16, '0');
  }
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

const DATE_FIELDS = new Set(['creationDate', 'lastUpdated']);
/** Keeps instants before 1970 positive, so that their zero-padded decimal strings sort by time. */
const DATE_BIAS = 8.64e15;

const codeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function ordered(keys: readonly string[], direction: 'asc' | 'desc', fold: boolean): boolean {
  const sign = direction === 'asc' ? 1 : -1;
  const norm = (key: string) => (fold ? key.toLowerCase() : key);
  return keys.every((key, index) => index === 0 || sign * codeUnit(norm(keys[index - 1]), norm(key)) <= 0);
}

/**
 * Sorted by the named field in the named direction. Not exact (MUST): either collation will do, ties in
 * any order. Exact (decision 5): names compare case-insensitively and ties go by id ascending.
 */
export const sortedBy: Check<RefOf<'sortedBy'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const items = itemsOf(exchange);
  const location = referenceLocation(context, 'query-params');
  if (!items) return [failure(context, ref, 'the body has no items array', 'a collection', location)];
  const keys = items.map((item) => sortKey(context, ref, item));
  const shown = items.map((item, index) => `${keys[index]} (${itemId(item)})`).join(', ');
  if (!ref.exact) {
    if (ordered(keys, ref.direction, false) || ordered(keys, ref.direction, true)) return [];
    const broken = keys.findIndex(
      (_, index) =>
        index > 0 &&
        !ordered(keys.slice(index - 1, index + 1), ref.direction, false) &&
        !ordered(keys.slice(index - 1, index + 1), ref.direction, true),
    );
    return [
      failure(
        context,
        ref,
        `items in this order: ${shown}`,
        `ordered by ${ref.field} ${ref.direction}`,
        location,
        exchange,
        { pointer: `/items/${Math.max(broken, 0)}` },
      ),
    ];
  }
  // Decision 5, as the model orders: by the key (names case-insensitive), ties by id ascending.
  const expected = modelOrder(
    items.map((item, index) => ({ id: itemId(item), key: keys[index].toLowerCase() })),
    (entry) => entry.key,
    ref.direction,
  ).map((entry) => entry.id);
  const misplaced = expected.findIndex((id, index) => itemId(items[index]) !== id);
  if (misplaced < 0) return [];
  return [
    failure(
      context,
      ref,
      `items in this order: ${shown}`,
      `ordered by ${ref.field} ${ref.direction}, case-insensitive, ties by id ascending: ${expected.join(', ')}`,
      location,
      exchange,
      {
        mismatches: [
          {
            pointer: `/items/${misplaced}/id`,
            actual: itemId(items[misplaced]),
            expected: expected[misplaced],
          },
        ],
      },
    ),
  ];
};
