import type { CollectionEcho, Dialect } from './dialect-types';
import type { StoredFlow, StoredVersion, TriggerRef } from './documents';
import type { CustomNodesBehaviour, PagingBehaviour, SelectionBehaviour, SortBehaviour } from './behaviour';
import type { FlowSortField } from './flow-order';
import { crashOnDottedKey } from './fuzz-faults';
import { flowSelector as modelFlowSelector, referencedCustomNodes } from '../model/resource/collection';
import { pageWindow, sortedBy } from '../model/resource/order';
import { filterInTurns } from './turns';
import type { ParsedQuery, TriggerFilterEntry } from './query';
import type { ApplicationState } from './store';

/** The triggers of a flow's default version; a flow without one is its own default version. */
function defaultTriggers(
  application: ApplicationState,
  flow: StoredFlow,
  ownTriggersOnly: boolean,
): readonly TriggerRef[] {
  const version =
    flow.defaultVersionId === undefined || ownTriggersOnly
      ? undefined
      : application.versions.get(flow.defaultVersionId);
  return version ? version.triggers : flow.triggers;
}

/** Decision 7: the flowClass a Get filters by, `cloud` when none is given. */
export const effectiveFlowClass = (
  query: ParsedQuery,
  { defaultsFlowClass }: SelectionBehaviour,
): string | undefined =>
  query.given.has('flowClass') || defaultsFlowClass
    ? (query.values.get('flowClass') as string | undefined)
    : undefined;

/**
 * Whether a flow passes flowClass (decision 7), the glob filter and triggerFilter of the query, as the
 * model selects (src/model/resource/collection.ts); the selection faults alter the values it is given
 * and the reading it takes.
 */
function flowSelector(
  application: ApplicationState,
  query: ParsedQuery,
  behaviour: SelectionBehaviour,
): (flow: StoredFlow) => boolean {
  const { triggerFilter } = behaviour;
  const values = new Map(query.values);
  if (effectiveFlowClass(query, behaviour) === undefined) values.delete('flowClass');
  if (values.get('filterField') === undefined && behaviour.filterFieldDefault !== undefined)
    values.set('filterField', behaviour.filterFieldDefault);
  if (behaviour.filterIgnored) values.delete('filter');
  if (triggerFilter.ignored) values.delete('triggerFilter');
  const entries = values.get('triggerFilter') as readonly TriggerFilterEntry[] | undefined;
  crashOnDottedKey(
    triggerFilter.dottedKeyCrashes,
    triggerFilter.dropsEntriesWithoutType ? entries?.filter((entry) => entry.type !== undefined) : entries,
  );
  return modelFlowSelector<StoredFlow>(
    {
      name: (flow) => flow.nameGlob,
      triggers: (flow) => defaultTriggers(application, flow, triggerFilter.ownTriggersOnly),
    },
    values,
    {
      glob: behaviour.glob,
      everyEntry: triggerFilter.entriesNeeded === 'every',
      typedEntriesOnly: triggerFilter.dropsEntriesWithoutType,
    },
  );
}

/** The flows of an application that pass flowClass (decision 7), the glob filter and triggerFilter. */
export async function selectFlows(
  application: ApplicationState,
  query: ParsedQuery,
  behaviour: SelectionBehaviour,
): Promise<StoredFlow[]> {
  const matches = flowSelector(application, query, behaviour);
  return filterInTurns([...application.flows.values()], matches);
}

const asSortField = (field: string): FlowSortField =>
  field === 'id' || field === 'creationDate' || field === 'lastUpdated' ? field : 'name';

/**
 * The selected flows in the order of decision 5: a walk of the application's sort index (kept on
 * write, flow-order.ts), so that a Get costs no sort; sorted per Get only when `sort` sorts otherwise.
 */
export async function selectSortedFlows(
  application: ApplicationState,
  query: ParsedQuery,
  behaviour: { readonly selection: SelectionBehaviour; readonly sort: SortBehaviour },
  sortField: string,
  sortDirection: string,
): Promise<StoredFlow[]> {
  const { selection, sort } = behaviour;
  if (!sort.followsDirection || sort.ties !== 'idAscending')
    return sortItems(
      await selectFlows(application, query, selection),
      flowSortKey(sortField),
      sortDirection,
      sort,
    );
  const matches = flowSelector(application, query, selection);
  const direction = sortDirection === 'desc' ? 'desc' : 'asc';
  // A copy: the index may be merged into while the filter yields.
  return filterInTurns(application.order.sorted(asSortField(sortField), direction).slice(), matches);
}

export interface Sortable {
  readonly id: string;
}

/**
 * Decision 5, as the model orders (src/model/resource/order.ts); the sort faults alter its answer: a
 * direction ignored, or ties out of id order.
 */
export function sortItems<T extends Sortable>(
  items: T[],
  keyOf: (item: T) => string,
  direction: string,
  behaviour: SortBehaviour,
): T[] {
  const sorted = sortedBy(items, keyOf, direction === 'desc' && behaviour.followsDirection ? 'desc' : 'asc');
  return behaviour.ties === 'idAscending' ? sorted : reorderTies(items, sorted, keyOf, behaviour.ties);
}

/** The sort faults' ties: each run of equal keys in descending id order, or in the order of `items` (creation). */
function reorderTies<T extends Sortable>(
  items: readonly T[],
  sorted: T[],
  keyOf: (item: T) => string,
  ties: 'idDescending' | 'creationOrder',
): T[] {
  const created = new Map(items.map((item, index) => [item, index]));
  const reordered: T[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (end < sorted.length && keyOf(sorted[end]) === keyOf(sorted[start])) end += 1;
    const run = sorted.slice(start, end);
    if (ties === 'idDescending') run.reverse();
    else run.sort((a, b) => created.get(a)! - created.get(b)!);
    reordered.push(...run);
    start = end;
  }
  return reordered;
}

export const flowSortKey = (field: string): ((flow: StoredFlow) => string) => {
  switch (field) {
    case 'id':
      return (flow) => flow.id;
    case 'creationDate':
      return (flow) => flow.creationDate;
    case 'lastUpdated':
      return (flow) => flow.lastUpdated;
    default:
      return (flow) => flow.nameKey;
  }
};

/** P1: Get by Version sorts by the flow's name for `name`, by the version's own field otherwise. */
export const versionSortKey = (
  field: string,
  flowsById: ReadonlyMap<string, StoredFlow>,
): ((version: StoredVersion) => string) => {
  switch (field) {
    case 'id':
      return (version) => version.id;
    case 'creationDate':
      return (version) => version.creationDate;
    case 'lastUpdated':
      return (version) => version.lastUpdated;
    default:
      return (version) => flowsById.get(version.flowId)?.nameKey ?? '';
  }
};

export interface Page<T> {
  readonly items: T[];
  readonly totalCount: number;
}

/** Decision 4's window, as the model pages; the paging faults alter its answer (pages from 1, a page's total). */
export function pageOf<T>(sorted: T[], page: number, perPage: number, behaviour: PagingBehaviour): Page<T> {
  const items = pageWindow(sorted, Math.max(page - behaviour.firstPage, 0), perPage);
  return { items, totalCount: behaviour.totalCountOfPage ? items.length : sorted.length };
}

/**
 * Decision 9 as the model reads it (referencedCustomNodes), sorted by id; the custom-node faults add
 * every custom node of the application, or look in the user's other applications too.
 */
export function customNodesFor(
  application: ApplicationState,
  items: readonly { readonly referencedFlowIds: readonly string[] }[],
  behaviour: CustomNodesBehaviour,
  allApplications: () => Iterable<ApplicationState> = () => [application],
): StoredFlow[] {
  const searched = behaviour.crossApplication ? [...allApplications()] : [application];
  const customNode = (id: string): StoredFlow | undefined => {
    for (const candidate of searched) {
      const flow = candidate.flows.get(id);
      if (flow?.flowClass === 'customNode') return flow;
    }
    return undefined;
  };
  const found = referencedCustomNodes(items, (item) => item.referencedFlowIds, customNode);
  if (behaviour.everyCustomNode)
    for (const flow of application.flows.values())
      if (flow.flowClass === 'customNode') found.set(flow.id, flow);
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type { CollectionEcho };
type Serialized = readonly { readonly json: string }[];

/**
 * The reference's collection body, concatenated from the items' cached JSON so that a Get never
 * re-serializes a stored flow: `echo` in its order, then `items`, then `customNodes`.
 */
export function collectionInOrder(echo: CollectionEcho, items: Serialized, customNodes?: Serialized): string {
  let body = '{';
  for (const key in echo) {
    const value = echo[key];
    if (value !== undefined) body += `${JSON.stringify(key)}:${JSON.stringify(value)},`;
  }
  body += '"items":[';
  for (let index = 0; index < items.length; index += 1) body += (index === 0 ? '' : ',') + items[index].json;
  body += ']';
  if (customNodes) body += `,"customNodes":[${customNodes.map((flow) => flow.json).join(',')}]`;
  return body + '}';
}

/** The same fields, each written as JSON, for a dialect that orders the keys itself. */
export function collectionFields(
  echo: CollectionEcho,
  items: Serialized,
  customNodes?: Serialized,
): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {};
  for (const key in echo) {
    const value = echo[key];
    if (value !== undefined) fields[key] = JSON.stringify(value);
  }
  fields.items = jsonList(items);
  if (customNodes) fields.customNodes = jsonList(customNodes);
  return fields;
}

/** A JSON array of already-serialized items. */
export const jsonList = (items: Serialized): string => `[${items.map((item) => item.json).join(',')}]`;

/** The collection body as the dialect writes it. */
export const collectionBody = (
  dialect: Dialect,
  echo: CollectionEcho,
  items: Serialized,
  customNodes?: Serialized,
): string => dialect.collection(echo, items, customNodes);
