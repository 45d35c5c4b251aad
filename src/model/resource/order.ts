/**
 * Decision 4 and 5: the page window and the order of a collection, for any item kind. Pure: the model
 * and its tests call them on plain arrays.
 */

/** Decision 4: 0-based pages; a page past the end is empty. */
export function pageWindow<T>(sorted: readonly T[], page: number, perPage: number): T[] {
  return sorted.slice(page * perPage, page * perPage + perPage);
}

/** How many items page `page` of `total` holds (decision 4). */
export const pageCount = (total: number, page: number, perPage: number): number =>
  Math.max(0, Math.min(perPage, total - page * perPage));

/** A sort key: text compared by code unit, or a number (an instant). */
export type SortKey = string | number;

export interface Keyed {
  readonly id: string;
}

/**
 * Decision 5 as a comparator: by the key in the direction; ties by id ascending (ids compared
 * lower-cased, as the reference's hex ids are the same whatever their case).
 */
export function orderOf<T extends Keyed>(
  keyOf: (item: T) => SortKey,
  direction: 'asc' | 'desc',
): (a: T, b: T) => number {
  const sign = direction === 'desc' ? -1 : 1;
  return (a, b) => {
    const left = keyOf(a);
    const right = keyOf(b);
    if (left !== right) return left < right ? -sign : sign;
    const [x, y] = [a.id.toLowerCase(), b.id.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Decision 5: the items in that order (a copy). */
export function sortedBy<T extends Keyed>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  direction: 'asc' | 'desc',
): T[] {
  return [...items].sort(orderOf(keyOf, direction));
}
