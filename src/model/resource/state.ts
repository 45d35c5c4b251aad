import type { ApplicationKey } from './access';

/** A JSON object as sent or answered. */
export type Fields = Readonly<Record<string, unknown>>;

/**
 * A flow the run created, as the model knows it: what was sent, and what the server chose where the
 * reference leaves it open (its id, its instants), taken from the server's own 201 answer.
 */
export interface ModelFlow {
  /** Lower-cased: ids compare case-insensitively. */
  readonly id: string;
  readonly sent: Fields;
  readonly name: string;
  readonly flowClass: string;
  readonly creationDate: number;
  readonly lastUpdated: number;
  /** Lower-cased id of its default version (an imported flow's, mapped by P4), if any. */
  readonly defaultVersionId?: string;
}

export interface ModelVersion {
  readonly id: string;
  readonly flowId: string;
  readonly sent: Fields;
  readonly version: string;
  readonly creationDate: number;
  readonly lastUpdated: number;
}

export interface ModelApplication {
  readonly flows: ReadonlyMap<string, ModelFlow>;
  readonly versions: ReadonlyMap<string, ModelVersion>;
}

/** The run's own data, per application it may write to. Never changed in place: each write makes a new one. */
export type ModelState = Readonly<Record<ApplicationKey, ModelApplication>>;

const EMPTY: ModelApplication = { flows: new Map(), versions: new Map() };

export const emptyState = (): ModelState => ({ own: EMPTY, other: EMPTY });

export function withCreated(
  state: ModelState,
  key: ApplicationKey,
  flows: readonly ModelFlow[],
  versions: readonly ModelVersion[] = [],
): ModelState {
  const application = state[key];
  return {
    ...state,
    [key]: {
      flows: new Map([...application.flows, ...flows.map((flow) => [flow.id, flow] as const)]),
      versions: new Map([
        ...application.versions,
        ...versions.map((version) => [version.id, version] as const),
      ]),
    },
  };
}

const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const asFields = (value: unknown): Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};

/** Ids (lower-cased) that the nodes of a flow or version reference by `config.flowId` (decision 9). */
export const referencedFlowIds = (sent: Fields): string[] =>
  asArray(sent.nodes)
    .map((node) => asFields(asFields(node).config).flowId)
    .filter((id): id is string => typeof id === 'string')
    .map((id) => id.toLowerCase());

export interface TriggerRef {
  readonly type?: unknown;
  readonly key?: unknown;
}

export const triggersOf = (sent: Fields): TriggerRef[] => asArray(sent.triggers).map(asFields);

/** Decision 8: a flow's default version's triggers; a flow without one is its own default version. */
export function defaultTriggers(application: ModelApplication, flow: ModelFlow): TriggerRef[] {
  const version =
    flow.defaultVersionId === undefined ? undefined : application.versions.get(flow.defaultVersionId);
  return triggersOf(version ? version.sent : flow.sent);
}
