/**
 * The stored shapes of flows and flow versions, built from Post and Import bodies with the defaults of
 * decisions 10 and 11, and serialized once: collection bodies are concatenations of these strings.
 */
import { CREATED_WORKFLOW_DEFAULTS } from '../../specs/catalog';
import { globSubject, type GlobSubject } from '../model/resource/glob';
/** The fields of an object a request body gave, not yet known to be JSON values (see isRecord). */
export type BodyFields = Record<string, unknown>;

export interface TriggerRef {
  readonly type?: unknown;
  readonly key?: unknown;
}

/**
 * A stored flow keeps its JSON and the few fields queries read, not the parsed document: the object
 * graph of a parsed flow costs several times its JSON (npm run bench:memory).
 */
export interface StoredFlow {
  readonly id: string;
  readonly name: string;
  readonly nameKey: string;
  /** The name made ready for the filter glob, once (decision 6). */
  readonly nameGlob: GlobSubject;
  readonly flowClass: string;
  readonly creationDate: string;
  readonly lastUpdated: string;
  /** Lower-cased, as the store keys versions (ids compare case-insensitively). */
  readonly defaultVersionId: string | undefined;
  readonly triggers: readonly TriggerRef[];
  /** Ids named by the flow's nodes' `config.flowId` (decision 9). */
  readonly referencedFlowIds: readonly string[];
  /** The Workflow, serialized once: a flow is immutable once stored. */
  readonly json: string;
}

export interface StoredVersion {
  readonly id: string;
  readonly flowId: string;
  readonly version: string;
  readonly creationDate: string;
  readonly lastUpdated: string;
  readonly triggers: readonly TriggerRef[];
  readonly referencedFlowIds: readonly string[];
  readonly json: string;
}

/** Workflow keys a client may set, in the order a stored Workflow lists them. */
const FLOW_CONTENT_KEYS = [
  'name',
  'description',
  'iconData',
  'enabled',
  'defaultVersionId',
  'minimumAgentVersion',
  'flowClass',
  'triggers',
  'nodes',
  'customNodeConfig',
  'customNodeSupports',
  'globals',
] as const;

const VERSION_CONTENT_KEYS = [
  'version',
  'notes',
  'enabled',
  'triggers',
  'nodes',
  'globals',
  'minimumAgentVersion',
  'customNodeConfig',
] as const;

const { stats: CREATED_STATS, ...FLOW_DEFAULTS } = CREATED_WORKFLOW_DEFAULTS;
const { flowClass: _versionsHaveNoFlowClass, ...VERSION_DEFAULTS } = FLOW_DEFAULTS;

export interface Stamp {
  readonly id: string;
  readonly applicationId: string;
  readonly creationDate: string;
  readonly lastUpdated: string;
}

function pick(
  source: BodyFields,
  keys: readonly string[],
  defaults: Readonly<Record<string, unknown>>,
): BodyFields {
  const picked: BodyFields = {};
  for (const key of keys) {
    const value = Object.prototype.hasOwnProperty.call(source, key) ? source[key] : defaults[key];
    // A null iconData/defaultVersionId means "none": the Workflow schema has no null for them.
    if (value !== undefined && value !== null) picked[key] = value;
  }
  return picked;
}

/** A Workflow with the defaults of decision 10; `content` holds only keys a client may set. */
export function workflowDocument(content: BodyFields, stamp: Stamp): BodyFields {
  return {
    id: stamp.id,
    flowId: stamp.id,
    applicationId: stamp.applicationId,
    creationDate: stamp.creationDate,
    lastUpdated: stamp.lastUpdated,
    ...pick(content, FLOW_CONTENT_KEYS, FLOW_DEFAULTS),
    stats: { ...CREATED_STATS },
  };
}

export function versionDocument(content: BodyFields, stamp: Stamp & { readonly flowId: string }): BodyFields {
  return {
    id: stamp.id,
    flowVersionId: stamp.id,
    flowId: stamp.flowId,
    applicationId: stamp.applicationId,
    creationDate: stamp.creationDate,
    lastUpdated: stamp.lastUpdated,
    ...pick(content, VERSION_CONTENT_KEYS, VERSION_DEFAULTS),
    stats: { ...CREATED_STATS },
  };
}

const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

function referencedFlowIds(nodes: unknown): string[] {
  const ids: string[] = [];
  for (const node of asArray(nodes)) {
    const config = (node as { config?: unknown } | null)?.config;
    const flowId = (config as { flowId?: unknown } | null | undefined)?.flowId;
    if (typeof flowId === 'string') ids.push(flowId);
  }
  return ids;
}

/** Only what triggerFilter reads (decision 8), so a stored flow holds no part of the parsed body. */
const triggersOf = (doc: BodyFields): readonly TriggerRef[] =>
  asArray(doc.triggers)
    .filter((trigger): trigger is TriggerRef => typeof trigger === 'object' && trigger !== null)
    .map(({ type, key }) => ({ type, key }));

const stringOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/** `write` serializes the document: the dialect's `json` (key order), once, at store time. */
export function storedFlow(doc: BodyFields, write: (value: unknown) => string): StoredFlow {
  const id = String(doc.id);
  return {
    id,
    name: stringOr(doc.name, ''),
    nameKey: stringOr(doc.name, '').toLowerCase(),
    nameGlob: globSubject(stringOr(doc.name, '')),
    flowClass: stringOr(doc.flowClass, CREATED_WORKFLOW_DEFAULTS.flowClass),
    creationDate: stringOr(doc.creationDate, ''),
    lastUpdated: stringOr(doc.lastUpdated, ''),
    defaultVersionId:
      typeof doc.defaultVersionId === 'string' ? doc.defaultVersionId.toLowerCase() : undefined,
    triggers: triggersOf(doc),
    referencedFlowIds: referencedFlowIds(doc.nodes),
    json: write(doc),
  };
}

export function storedVersion(doc: BodyFields, write: (value: unknown) => string): StoredVersion {
  return {
    id: String(doc.id),
    flowId: String(doc.flowId),
    version: stringOr(doc.version, ''),
    creationDate: stringOr(doc.creationDate, ''),
    lastUpdated: stringOr(doc.lastUpdated, ''),
    triggers: triggersOf(doc),
    referencedFlowIds: referencedFlowIds(doc.nodes),
    json: write(doc),
  };
}
