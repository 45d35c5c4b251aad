import {
  actionById,
  companionsOf,
  ECHOED_PATH_FIELD,
  echoedParameters,
  type ActionSpec,
} from '../../../specs/catalog';
import type { TriggerFilterEntry } from '../query-codec';
import type { ApplicationKey } from './access';
import { compileGlob, type GlobReading, type GlobSubject } from './glob';
import { pageWindow, sortedBy, type SortKey } from './order';
import type { QueryReading } from './query-reading';
import {
  defaultTriggers,
  referencedFlowIds,
  type ModelApplication,
  type ModelFlow,
  type ModelState,
  type ModelVersion,
  type TriggerRef,
} from './state';

/** The page a collection action implies, over the run's own data in the application. */
export interface ExpectedPage {
  /** Every match, in decision 5's order (the SHOULD order: names case-insensitive, ties by id). */
  readonly sorted: readonly (ModelFlow | ModelVersion)[];
  readonly items: readonly (ModelFlow | ModelVersion)[];
  readonly page: number;
  readonly perPage: number;
  /** The echo (spec README, API-wide conventions), `count` and `totalCount` aside. */
  readonly echo: Readonly<Record<string, unknown>>;
  /** Decision 9: the ids of the custom-node flows the page references, when asked for. */
  readonly customNodes?: ReadonlySet<string>;
  readonly sortField: string;
  readonly sortDirection: 'asc' | 'desc';
}

type Values = Extract<QueryReading, { kind: 'read' }>;

/** Decision 8: a trigger matches an entry when every field the entry gives is equal. */
export const triggerMatches = (trigger: TriggerRef, entry: TriggerFilterEntry): boolean =>
  (entry.type === undefined || trigger.type === entry.type) &&
  (entry.key === undefined || trigger.key === entry.key);

/**
 * How the selection reads the finer points that only decisions state (SHOULD): the glob's (decision 6),
 * and whether a triggerFilter entry must match some or every entry, or needs a type (decision 8). The
 * model's own reading is `{}`; the others only lower a difference to SHOULD.
 */
export interface SelectionReading {
  readonly glob?: GlobReading;
  readonly everyEntry?: boolean;
  readonly typedEntriesOnly?: boolean;
  /** Decision 12 says "equals exactly"; a server comparing version names case-insensitively breaks a SHOULD. */
  readonly versionCaseInsensitive?: boolean;
}

export const OTHER_SELECTION_READINGS: readonly SelectionReading[] = [
  { glob: { caseSensitive: true } },
  { glob: { questionAsStar: true } },
  { everyEntry: true },
  { typedEntriesOnly: true },
  { versionCaseInsensitive: true },
];

/** What the selection reads of a flow, however it is stored (the model's flows, the mock's). */
export interface FlowView<F> {
  /** The name as the glob reads it (a prepared GlobSubject saves folding it again). */
  readonly name: (flow: F) => string | GlobSubject;
  /** Decision 8: the triggers of the flow's default version. */
  readonly triggers: (flow: F) => readonly TriggerRef[];
}

/**
 * Decisions 6, 7 and 8: flowClass (the query's; every class when the values hold none), the glob on
 * the named field, triggerFilter.
 */
export function flowSelector<F extends { readonly flowClass: string }>(
  view: FlowView<F>,
  values: ReadonlyMap<string, unknown>,
  reading: SelectionReading = {},
  action: ActionSpec = actionById('flows.get'),
): (flow: F) => boolean {
  const flowClass = values.get('flowClass') as string | undefined;
  // The glob filters only with its companions given (the catalog's `needs`: the field it globs).
  const filter = companionsOf(action, 'filter').every((name) => values.get(name) !== undefined)
    ? (values.get('filter') as string | undefined)
    : undefined;
  const given = (values.get('triggerFilter') as readonly TriggerFilterEntry[] | undefined) ?? [];
  const entries = reading.typedEntriesOnly ? given.filter((entry) => entry.type !== undefined) : given;
  const some = reading.everyEntry ? 'every' : 'some';
  const glob = filter === undefined ? undefined : compileGlob(filter, reading.glob);
  return (flow) =>
    (flowClass === undefined || flow.flowClass === flowClass) &&
    (glob === undefined || glob.test(view.name(flow))) &&
    (entries.length === 0 ||
      entries[some]((entry) => view.triggers(flow).some((trigger) => triggerMatches(trigger, entry))));
}

/** The model's flows, as the selection reads them. */
export function flowMatches(
  application: ModelApplication,
  action: ActionSpec,
  { values }: Values,
  reading: SelectionReading = {},
): (flow: ModelFlow) => boolean {
  return flowSelector(
    { name: (flow) => flow.name, triggers: (flow) => defaultTriggers(application, flow) },
    values,
    reading,
    action,
  );
}

/** Decision 12: a version named exactly (so case-sensitively) as the query's `version`. */
export const versionMatches =
  (version: string | undefined, reading: SelectionReading = {}) =>
  (name: string): boolean =>
    reading.versionCaseInsensitive ? name.toLowerCase() === version?.toLowerCase() : name === version;

function sortKey(field: string, flowOf: (item: ModelFlow | ModelVersion) => ModelFlow | undefined) {
  return (item: ModelFlow | ModelVersion): SortKey => {
    if (field === 'id') return item.id;
    if (field === 'creationDate') return item.creationDate;
    if (field === 'lastUpdated') return item.lastUpdated;
    return (flowOf(item)?.name ?? '').toLowerCase();
  };
}

/**
 * Decision 9: the custom-node flows that the items' nodes reference, by lower-cased id; `flowById` finds
 * a flow where the caller keeps them (the model's application, the mock's store).
 */
export function referencedCustomNodes<I, F extends { readonly flowClass: string }>(
  items: readonly I[],
  referencedIds: (item: I) => Iterable<string>,
  flowById: (id: string) => F | undefined,
): Map<string, F> {
  const found = new Map<string, F>();
  for (const item of items)
    for (const referenced of referencedIds(item)) {
      const id = referenced.toLowerCase();
      const flow = flowById(id);
      if (flow?.flowClass === 'customNode') found.set(id, flow);
    }
  return found;
}

/** Decision 9 over the model's application: the ids of the custom-node flows the items reference. */
export const customNodesOf = (
  application: ModelApplication,
  items: readonly (ModelFlow | ModelVersion)[],
): Set<string> =>
  new Set(
    referencedCustomNodes(
      items,
      (item) => referencedFlowIds(item.sent),
      (id) => application.flows.get(id),
    ).keys(),
  );

/** The order in which the mock writes the echo (the reference's examples'); what is echoed is the catalog's. */
const ECHO_ORDER = [
  'perPage',
  'page',
  'sortField',
  'sortDirection',
  'filter',
  'filterField',
  ECHOED_PATH_FIELD,
  'flowClass',
  'version',
];
const echoRank = (name: string) => (ECHO_ORDER.includes(name) ? ECHO_ORDER.indexOf(name) : ECHO_ORDER.length);

/**
 * The echo of a collection (spec README, API-wide conventions), `count` and `totalCount` aside: the query
 * parameters the catalog says a page echoes (`echo`), with their effective values, and the application id.
 */
export function collectionEcho(
  action: ActionSpec,
  { values, given }: Pick<Values, 'values' | 'given'>,
  applicationId: string,
): Record<string, unknown> {
  const echoed = new Map<string, unknown>([
    ...echoedParameters(action, given).map((name) => [name, values.get(name)] as const),
    [ECHOED_PATH_FIELD, applicationId],
  ]);
  return Object.fromEntries([...echoed].sort(([a], [b]) => echoRank(a) - echoRank(b)));
}

/** Get (flows) or Get by Version (decision 12, P1) over the run's data in `key`. */
export function expectedPage(
  state: ModelState,
  key: ApplicationKey,
  action: ActionSpec,
  reading: Values,
  applicationId: string,
  selection: SelectionReading = {},
): ExpectedPage {
  const application = state[key];
  const { values } = reading;
  const flows = [...application.flows.values()].filter(flowMatches(application, action, reading, selection));
  const version = values.get('version') as string | undefined;
  const sameVersion = versionMatches(version, selection);
  const matches: (ModelFlow | ModelVersion)[] =
    action.id === 'flows.getByVersion'
      ? [...application.versions.values()].filter(
          (candidate) => sameVersion(candidate.version) && flows.some((flow) => flow.id === candidate.flowId),
        )
      : flows;
  const sortField = values.get('sortField') as string;
  const sortDirection = values.get('sortDirection') === 'desc' ? 'desc' : 'asc';
  const flowOf = (item: ModelFlow | ModelVersion) =>
    'flowId' in item ? application.flows.get(item.flowId) : item;
  const sorted = sortedBy(matches, sortKey(sortField, flowOf), sortDirection);
  const page = values.get('page') as number;
  const perPage = values.get('perPage') as number;
  const items = pageWindow(sorted, page, perPage);
  const echo = collectionEcho(action, reading, applicationId);
  const customNodes =
    values.get('includeCustomNodes') === true ? customNodesOf(application, items) : undefined;
  return { sorted, items, page, perPage, echo, customNodes, sortField, sortDirection };
}
