import { givenId, importProblem, type ImportBundle } from '../model/resource/import-bundle';
import {
  storedFlow,
  storedVersion,
  versionDocument,
  workflowDocument,
  type BodyFields,
  type StoredFlow,
  type StoredVersion,
} from './documents';
import { jsonList } from './collection';
import type { Dialect } from './dialect';
import { validationError } from './errors';
import type { ImportBehaviour, MockBehaviour } from './behaviour';
import type { ApplicationState, MockStore } from './store';

/** What an import works with: the store, the behaviour and the dialect that writes what it creates. */
export interface ImportContext {
  readonly store: MockStore;
  readonly behaviour: Pick<MockBehaviour, 'import'>;
  readonly dialect: Dialect;
}

export type { ImportBundle };

export interface ImportOutcome {
  readonly flows: readonly StoredFlow[];
  readonly versions: readonly StoredVersion[];
  readonly importedFlowIdMap: Readonly<Record<string, string>>;
  readonly importedVersionIdMap: Readonly<Record<string, string>>;
}

export { importProblem };

export interface ImportMode {
  /** Seeds keep their given ids and dates; the Import action never does (decision 11). */
  readonly keepIds: boolean;
}

/** `now` is the bundle's one instant: everything an import creates is created at the same time. */
function stampFor(
  { store, dialect }: ImportContext,
  item: BodyFields,
  application: ApplicationState,
  mode: ImportMode,
  now: string,
) {
  const kept = mode.keepIds ? givenId(item) : undefined;
  const id = kept === undefined ? store.freshId() : store.reserveId(kept);
  const date = (key: string): string =>
    mode.keepIds && typeof item[key] === 'string' ? dialect.keptDate(item[key] as string) : now;
  return {
    id,
    applicationId: dialect.id(application.id),
    creationDate: date('creationDate'),
    lastUpdated: date('lastUpdated'),
  };
}

const DEFAULTED_KEYS = ['enabled', 'globals', 'stats'];
const KEPT_READ_ONLY_KEYS = ['creationDate', 'lastUpdated', 'stats'];

/** An imported flow without Post's defaults, or with the read-only values it was given, if so behaving. */
function withFlowBehaviour(doc: BodyFields, given: BodyFields, behaviour: ImportBehaviour): BodyFields {
  const result = { ...doc };
  if (!behaviour.defaults) for (const key of DEFAULTED_KEYS) if (!(key in given)) delete result[key];
  if (behaviour.keepsReadOnly)
    for (const key of KEPT_READ_ONLY_KEYS) if (key in given) result[key] = given[key];
  return result;
}

/** Creates every flow and version of a bundle that importProblem accepted, under fresh ids. */
function createAll(
  context: ImportContext,
  application: ApplicationState,
  bundle: ImportBundle,
  mode: ImportMode,
): ImportOutcome {
  const { store, dialect } = context;
  const behaviour = context.behaviour.import;
  const importedFlowIdMap: Record<string, string> = {};
  const importedVersionIdMap: Record<string, string> = {};
  const now = dialect.date(Date.now());
  const flowStamps = bundle.flows.map((flow) => stampFor(context, flow, application, mode, now));
  const versionStamps = bundle.flowVersions.map((version) =>
    stampFor(context, version, application, mode, now),
  );
  bundle.flows.forEach((flow, index) => {
    const id = givenId(flow);
    if (id !== undefined) importedFlowIdMap[id] = flowStamps[index].id;
  });
  bundle.flowVersions.forEach((version, index) => {
    const id = givenId(version);
    if (id !== undefined) importedVersionIdMap[id] = versionStamps[index].id;
  });
  const versions = bundle.flowVersions.map((version, index) =>
    storedVersion(
      versionDocument(version, {
        ...versionStamps[index],
        flowId: behaviour.versionsToFirstFlow
          ? flowStamps[0].id
          : importedFlowIdMap[String(version.flowId).toLowerCase()],
      }),
      dialect.json,
    ),
  );
  const flows = bundle.flows.map((flow, index) => {
    const given = typeof flow.defaultVersionId === 'string' ? flow.defaultVersionId : undefined;
    // P4: the given id names a version of the bundle; the flow gets that version's new id.
    const defaultVersionId =
      given === undefined || !behaviour.mapsDefaultVersion
        ? given
        : importedVersionIdMap[given.toLowerCase()];
    const doc = workflowDocument({ ...flow, defaultVersionId }, flowStamps[index]);
    return storedFlow(withFlowBehaviour(doc, flow, behaviour), dialect.json);
  });
  for (const version of versions) store.putVersion(application, version);
  for (const flow of flows) store.putFlow(application, flow);
  return { flows, versions, importedFlowIdMap, importedVersionIdMap };
}

/** Decision 11: all or nothing. A refused bundle creates nothing (unless the import-partial fault is on). */
export function importBundle(
  context: ImportContext,
  application: ApplicationState,
  body: unknown,
  mode: ImportMode = { keepIds: false },
): ImportOutcome {
  const problem = importProblem(body);
  if (problem !== undefined) {
    if (context.behaviour.import.partial) createValidFlows(context, application, body, mode);
    throw validationError(problem);
  }
  const bundle = body as Partial<ImportBundle>;
  return createAll(
    context,
    application,
    { flows: bundle.flows ?? [], flowVersions: bundle.flowVersions ?? [] },
    mode,
  );
}

function createValidFlows(
  context: ImportContext,
  application: ApplicationState,
  body: unknown,
  mode: ImportMode,
): void {
  const flows = (body as { flows?: unknown } | null)?.flows;
  if (!Array.isArray(flows)) return;
  const valid = flows.filter(
    (flow: unknown) => importProblem({ flows: [flow] }) === undefined,
  ) as BodyFields[];
  createAll(
    context,
    application,
    { flows: valid.map((flow) => ({ ...flow, defaultVersionId: null })), flowVersions: [] },
    mode,
  );
}

export function importResultBody(
  outcome: ImportOutcome,
  { behaviour, dialect }: Pick<ImportContext, 'behaviour' | 'dialect'>,
): string {
  const maps = behaviour.import.idMaps;
  return dialect.object({
    flows: jsonList(outcome.flows),
    flowVersions: jsonList(outcome.versions),
    importedFlowIdMap: maps ? dialect.json(outcome.importedFlowIdMap) : undefined,
    importedVersionIdMap: maps ? dialect.json(outcome.importedVersionIdMap) : undefined,
  });
}
