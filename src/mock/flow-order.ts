import { orderOf } from '../model/resource/order';
import type { StoredFlow } from './documents';

/** The fields a Get sorts flows by (the catalog's sortField values). */
export type FlowSortField = 'name' | 'id' | 'creationDate' | 'lastUpdated';
export type SortDirection = 'asc' | 'desc';

const keyOf: Readonly<Record<FlowSortField, (flow: StoredFlow) => string>> = {
  name: (flow) => flow.nameKey,
  id: (flow) => flow.id,
  creationDate: (flow) => flow.creationDate,
  lastUpdated: (flow) => flow.lastUpdated,
};

/** Merges two lists each sorted by `compare` into one (a linear pass, not a sort). */
function merge<T>(sorted: readonly T[], added: readonly T[], compare: (a: T, b: T) => number): T[] {
  const merged: T[] = new Array<T>(sorted.length + added.length);
  let left = 0;
  let right = 0;
  let at = 0;
  while (left < sorted.length && right < added.length)
    merged[at++] = compare(added[right], sorted[left]) < 0 ? added[right++] : sorted[left++];
  while (left < sorted.length) merged[at++] = sorted[left++];
  while (right < added.length) merged[at++] = added[right++];
  return merged;
}

interface SortIndex {
  list: StoredFlow[];
  /** How many of `added` the list holds. */
  merged: number;
}

/**
 * The flows of one application in each order a Get has asked for, kept across writes so that a Get
 * at 100k flows is a filtered walk, not a sort. An index is built on its first use; flows added
 * afterwards are sorted among themselves and merged in on the next read (an Import of 1,000 costs a
 * sort of 1,000 and one linear merge). Replacing or removing a flow drops the indexes (rare: Delete).
 */
export class FlowOrder {
  private readonly indexes = new Map<string, SortIndex>();
  /** Flows put since the indexes were last all up to date, in the order they were put. */
  private added: StoredFlow[] = [];

  constructor(private readonly flows: () => Iterable<StoredFlow>) {}

  /** A new flow (a fresh id) was stored. */
  noteAdded(flow: StoredFlow): void {
    if (this.indexes.size > 0) this.added.push(flow);
  }

  /** A flow was replaced or removed: every order is rebuilt on its next use. */
  invalidate(): void {
    this.indexes.clear();
    this.added = [];
  }

  /** Every flow of the application in this order. The caller must not change the array. */
  sorted(field: FlowSortField, direction: SortDirection): readonly StoredFlow[] {
    const name = `${field} ${direction}`;
    const compare = orderOf(keyOf[field], direction);
    let index = this.indexes.get(name);
    if (!index) {
      index = { list: [...this.flows()].sort(compare), merged: this.added.length };
      this.indexes.set(name, index);
    } else if (index.merged < this.added.length) {
      index.list = merge(index.list, this.added.slice(index.merged).sort(compare), compare);
      index.merged = this.added.length;
    }
    const { list } = index;
    this.forgetMerged();
    return list;
  }

  /** Once every index holds every added flow, the log of added flows starts again. */
  private forgetMerged(): void {
    for (const index of this.indexes.values()) if (index.merged < this.added.length) return;
    for (const index of this.indexes.values()) index.merged = 0;
    this.added = [];
  }
}
