import { companionsOf, ECHOED_PATH_FIELD, echoedParameters, type ActionSpec } from '../../../specs/catalog';
import type { TriggerFilterEntry } from '../query-codec';
import type { ApplicationKey } from './access';
import { globMatches, type GlobReading } from './glob';
import { pageWindow, sortedBy, type SortKey } from './order';
import type { QueryReading } from './query-reading';
import {
  defaultTriggers,
  referencedFlowIds,
  type ModelApplication,
  type ModelFlow,
  type ModelState,
  type ModelVersion,
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

/** Decision 8: a triggerFilter entry matches a trigger when every field it gives is equal. */
export const triggerMatches = (
  trigger: { type?: unknown; key?: unknown },
  entry: TriggerFilterEntry,
): boolean =>
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

/** Decisions 6, 7 and 8: flowClass (default cloud), the glob on the named field, triggerFilter. */
export function flowMatches(
  application: ModelApplication,
  action: ActionSpec,
  { values }: Values,
  reading: SelectionReading = {},
): (flow: ModelFlow) => boolean {
  const flowClass = values.get('flowClass') as string;
  // The glob filters only with its companions given (the catalog's `needs`: the field it globs).
  const filter = companionsOf(action, 'filter').every((name) => values.get(name) !== undefined)
    ? (values.get('filter') as string | undefined)
    : undefined;
  const given = (values.get('triggerFilter') as readonly TriggerFilterEntry[] | undefined) ?? [];
  const entries = reading.typedEntriesOnly ? given.filter((entry) => entry.type !== undefined) : given;
  const some = reading.everyEntry ? 'every' : 'some';
  return (flow) =>
    flow.flowClass === flowClass &&
    (filter === undefined || globMatches(filter, flow.name, reading.glob)) &&
    (entries.length === 0 ||
      entries[some]((entry) =>
        defaultTriggers(application, flow).some((trigger) => triggerMatches(trigger, entry)),
      ));
}

function sortKey(field: string, flowOf: (item: ModelFlow | ModelVersion) => ModelFlow | undefined) {
  return (item: ModelFlow | ModelVersion): SortKey => {
    if (field === 'id') return item.id;
    if (field === 'creationDate') return item.creationDate;
    if (field === 'lastUpdated') return item.lastUpdated;
    return (flowOf(item)?.name ?? '').toLowerCase();
  };
}

/** Decision 9: the application's custom-node flows that the items' nodes reference. */
export function customNodesOf(
  application: ModelApplication,
  items: readonly (ModelFlow | ModelVersion)[],
): Set<string> {
  const ids = new Set<string>();
  for (const item of items)
    for (const id of referencedFlowIds(item.sent))
      if (application.flows.get(id)?.flowClass === 'customNode') ids.add(id);
  return ids;
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
  const { values, given } = reading;
  const flows = [...application.flows.values()].filter(flowMatches(application, action, reading, selection));
  const version = values.get('version') as string | undefined;
  const matches: (ModelFlow | ModelVersion)[] =
    action.id === 'flows.getByVersion'
      ? [...application.versions.values()].filter(
          (candidate) =>
            (selection.versionCaseInsensitive
              ? candidate.version.toLowerCase() === version?.toLowerCase()
              : candidate.version === version) && flows.some((flow) => flow.id === candidate.flowId),
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
  const echo: Record<string, unknown> = {
    ...Object.fromEntries(echoedParameters(action, given).map((name) => [name, values.get(name)])),
    [ECHOED_PATH_FIELD]: applicationId,
  };
  const customNodes =
    values.get('includeCustomNodes') === true ? customNodesOf(application, items) : undefined;
  return { sorted, items, page, perPage, echo, customNodes, sortField, sortDirection };
}
