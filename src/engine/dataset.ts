import { setImmediate as nextTurn } from 'node:timers/promises';
import { actionById, pathFor } from '../../specs/catalog';
import {
  CROSS_CUSTOM,
  CROSS_USER,
  customNodeConfigFor,
  DATA_FLOWS,
  FLOW_VERSIONS,
  VERSION_CUSTOM_USER,
  VERSION_CUSTOM_VERSION,
  VERSION_FLOWS,
  type DataFlowSpec,
} from './data-set-spec';
import { toCurl } from '../http/curl';
import { bearer, JSON_HEADERS, type HttpRequest, type HttpResponse, type Transport } from '../http/transport';
import type { TokenProvider } from '../target/credentials';
import { TokenUnavailable } from '../target/credentials';
import type { DataFacts, DataPiece, FlowFact, PieceState, VersionFact } from '../model/data-facts';
import { expandJson, type Placeholders } from './template';
import { authLabel } from './request';

export interface DataSetTarget {
  readonly transport: Transport;
  readonly applicationId: string;
  readonly token: string;
  /** For the pieces that need a token of the other application. */
  readonly tokens?: TokenProvider;
  readonly otherApplicationId?: string;
}

/** A piece cannot be set up on this target (no other application): its cases are skipped, not failed. */
class PieceUnavailable extends Error {}

const body = (response: HttpResponse): Record<string, unknown> =>
  response.json.ok && typeof response.json.value === 'object' && response.json.value !== null
    ? (response.json.value as Record<string, unknown>)
    : {};

async function send(
  target: DataSetTarget,
  actionId: 'flows.post' | 'flows.import',
  payload: unknown,
  where: { applicationId: string; token: string; authLabel?: string } = target,
) {
  const action = actionById(actionId);
  const response = await target.transport.send({
    method: action.method,
    path: pathFor(action, { APPLICATION_ID: where.applicationId }),
    headers: { ...JSON_HEADERS, ...bearer(where.token) },
    body: JSON.stringify(payload),
    authLabel: where.authLabel ?? authLabel({ kind: 'principal' }),
  });
  // Lenient on purpose: a wrong success status is the cases' finding, not a reason to stop the run.
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${action.name} answered ${response.status}: ${response.bodyText.slice(0, 200)}`);
  }
  return body(response);
}

/**
 * Servers stamp creationDate at millisecond resolution, so two Posts are created at distinct instants
 * once a millisecond of real time separates the answer to one from the sending of the next.
 */
const CREATION_GAP_MS = 1;

/** Resolves once CREATION_GAP_MS have passed since `answeredAt` (at once when they already have). */
async function creationGapAfter(answeredAt: number): Promise<void> {
  while (performance.now() - answeredAt < CREATION_GAP_MS) await nextTurn();
}

const fact = (
  flow: DataFlowSpec,
  id: string,
  name: string,
  customNodeKeys: string[],
  createdIndex: number,
): FlowFact => ({
  key: flow.key,
  id,
  name,
  flowClass: flow.flowClass,
  triggers: flow.triggers ?? [],
  customNodeKeys,
  createdIndex,
});

/** `{id:<key>}` references in a flow's nodes. */
const referencedKeys = (flow: DataFlowSpec): string[] =>
  [...JSON.stringify(flow.nodes ?? []).matchAll(/\{id:([A-Za-z0-9-]+)\}/g)].map((match) => match[1]);

const idOf = (created: Record<string, unknown>, name: string): string => {
  if (typeof created.id !== 'string' && typeof created.id !== 'number')
    throw new Error(`Post of ${name} answered no id`);
  return String(created.id);
};

const postPayload = (flow: DataFlowSpec, name: string, values: Placeholders) => ({
  name,
  flowClass: flow.flowClass,
  triggers: flow.triggers ?? [],
  nodes: expandJson(flow.nodes ?? [], values),
  ...customNodeConfigFor(flow),
});

async function postFlows(target: DataSetTarget, placeholders: Placeholders): Promise<FlowFact[]> {
  const facts: FlowFact[] = [];
  const ids: Record<string, string> = {};
  let answeredAt = Number.NEGATIVE_INFINITY;
  for (const [index, flow] of DATA_FLOWS.entries()) {
    const name = `${placeholders.data}${flow.name}`;
    // Distinct creation times, so that sorting by creationDate or lastUpdated has no ties to hide in
    // (on a fast server, Posts in a row land in the same millisecond).
    await creationGapAfter(answeredAt);
    const created = await send(target, 'flows.post', postPayload(flow, name, { ...placeholders, ...ids }));
    answeredAt = performance.now();
    ids[`id:${flow.key}`] = idOf(created, name);
    facts.push(fact(flow, ids[`id:${flow.key}`], name, referencedKeys(flow), index));
  }
  return facts;
}

/** Given ids of a bundle: 24 hex digits, distinct per entry. */
const givenId = (kind: 'a' | 'b' | 'e' | 'f', index: number): string =>
  `${kind}${String(index).padStart(23, '0')}`;

const flowIndex = (key: string): number => VERSION_FLOWS.findIndex((flow) => flow.key === key);

/** P4: a flow names its default version by that version's given id. */
const givenDefaultVersionId = (flow: DataFlowSpec): { defaultVersionId?: string } => {
  const index = FLOW_VERSIONS.findIndex(
    (version) => version.flowKey === flow.key && version.version === flow.defaultVersion,
  );
  return index < 0 ? {} : { defaultVersionId: givenId('b', index) };
};

function importBundle(placeholders: Placeholders) {
  return {
    flows: VERSION_FLOWS.map((flow, index) => ({
      id: givenId('a', index),
      name: `${placeholders.versions}${flow.name}`,
      flowClass: flow.flowClass,
      triggers: flow.triggers ?? [],
      nodes: [],
      ...customNodeConfigFor(flow),
      ...givenDefaultVersionId(flow),
    })),
    flowVersions: FLOW_VERSIONS.map((version, index) => ({
      id: givenId('b', index),
      flowId: givenId('a', flowIndex(version.flowKey)),
      version: `${placeholders.versions}${version.version}`,
      triggers: version.triggers ?? [],
    })),
  };
}

/**
 * Each flow's default version as the Import answer reports it (its `defaultVersionId`), when that is a
 * version of the data set: the triggerFilter cases follow what the server said, not what P4 wants.
 */
function reportedDefaults(result: Record<string, unknown>, versions: readonly VersionFact[]) {
  const answered = Array.isArray(result.flows) ? (result.flows as Record<string, unknown>[]) : [];
  const same = (a: unknown, b: unknown) =>
    typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
  return (flowId: string): FlowFact['defaultVersion'] => {
    const reported = answered.find((flow) => same(flow?.id, flowId))?.defaultVersionId;
    const version = versions.find((candidate) => same(candidate.id, reported));
    return version && { id: version.id, triggers: version.triggers };
  };
}

/** The new ids an Import answer maps the given ones to (decision 11), or an error naming what lacks. */
function mappedIds(result: Record<string, unknown>, given: { flows: string[]; versions: string[] }) {
  const flowMap = (result.importedFlowIdMap ?? {}) as Record<string, unknown>;
  const versionMap = (result.importedVersionIdMap ?? {}) as Record<string, unknown>;
  const lacking = [
    ...given.flows.filter((id) => typeof flowMap[id] !== 'string').map((id) => `flow ${id}`),
    ...given.versions.filter((id) => typeof versionMap[id] !== 'string').map((id) => `version ${id}`),
  ];
  if (lacking.length > 0)
    throw new Error(
      `the Import answer maps no new id for ${lacking.join(', ')} (importedFlowIdMap/importedVersionIdMap, decision 11)`,
    );
  return { flow: (id: string) => flowMap[id] as string, version: (id: string) => versionMap[id] as string };
}

async function importVersions(target: DataSetTarget, placeholders: Placeholders) {
  const bundle = importBundle(placeholders);
  const result = await send(target, 'flows.import', bundle);
  const map = mappedIds(result, {
    flows: bundle.flows.map((flow) => flow.id),
    versions: bundle.flowVersions.map((version) => version.id),
  });
  const versions: VersionFact[] = FLOW_VERSIONS.map((version, index) => ({
    id: map.version(givenId('b', index)),
    flowKey: version.flowKey,
    version: bundle.flowVersions[index].version,
    triggers: version.triggers ?? [],
  }));
  const defaultOf = reportedDefaults(result, versions);
  const flows = VERSION_FLOWS.map((flow, index) => {
    const id = map.flow(givenId('a', index));
    const defaultVersion = defaultOf(id);
    return {
      ...fact(flow, id, bundle.flows[index].name, [], index),
      ...(defaultVersion && { defaultVersion }),
    };
  });
  return { flows, versions };
}

/** `versionCustomNodes`: one flow and its version, whose node uses the read data set's custom-node flow. */
async function importVersionCustomNodes(
  target: DataSetTarget,
  placeholders: Placeholders,
  posted: readonly FlowFact[],
) {
  const custom = posted.find((flow) => flow.flowClass === 'customNode');
  if (!custom) throw new Error('the read data set has no custom-node flow');
  const flow = VERSION_CUSTOM_USER;
  const nodes = expandJson(flow.nodes ?? [], { [`id:${custom.key}`]: custom.id });
  const given = { flow: givenId('e', 0), version: givenId('f', 0) };
  const name = `${placeholders.vcustom}${flow.name}`;
  const version = `${placeholders.vcustom}${VERSION_CUSTOM_VERSION}`;
  const result = await send(target, 'flows.import', {
    flows: [{ id: given.flow, name, nodes, defaultVersionId: given.version }],
    flowVersions: [{ id: given.version, flowId: given.flow, version, nodes }],
  });
  const map = mappedIds(result, { flows: [given.flow], versions: [given.version] });
  return {
    flow: fact(flow, map.flow(given.flow), name, referencedKeys(flow), 0),
    version: { id: map.version(given.version), flowKey: flow.key, version, triggers: [] } as VersionFact,
  };
}

/** `crossApplication`: a custom-node flow of the other application, named by a node of this one's flow. */
async function postCrossApplication(target: DataSetTarget, placeholders: Placeholders) {
  if (!target.tokens || !target.otherApplicationId)
    throw new PieceUnavailable('no second application given (--other-application-id)');
  let otherToken: string;
  try {
    otherToken = await target.tokens.otherApplicationToken('flows.*');
  } catch (error) {
    if (error instanceof TokenUnavailable) throw new PieceUnavailable(error.message);
    throw error;
  }
  const other = {
    applicationId: target.otherApplicationId,
    token: otherToken,
    authLabel: authLabel({ kind: 'otherApplication', scope: 'flows.*' }),
  };
  const customName = `${placeholders.cross}${CROSS_CUSTOM.name}`;
  const custom = await send(target, 'flows.post', postPayload(CROSS_CUSTOM, customName, {}), other);
  const customId = idOf(custom, customName);
  const userName = `${placeholders.cross}${CROSS_USER.name}`;
  const values = { [`id:${CROSS_CUSTOM.key}`]: customId };
  const user = await send(target, 'flows.post', postPayload(CROSS_USER, userName, values));
  // The node names a flow of another application: no custom node of this one is referenced.
  return {
    foreignFlows: [{ key: CROSS_CUSTOM.key, id: customId }],
    flows: [fact(CROSS_USER, idOf(user, userName), userName, [], 0)],
  };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; state: PieceState };

/** The target with its transport recording the last request sent, for the curl of a failed set-up. */
function recording(target: DataSetTarget): { target: DataSetTarget; last: () => HttpRequest | undefined } {
  let last: HttpRequest | undefined;
  const transport: Transport = {
    baseUrl: target.transport.baseUrl,
    send: (request) => {
      last = request;
      return target.transport.send(request);
    },
    close: () => target.transport.close(),
  };
  return { target: { ...target, transport }, last: () => last };
}

async function attempt<T>(
  piece: string,
  given: DataSetTarget,
  work: (target: DataSetTarget) => Promise<T>,
): Promise<Outcome<T>> {
  const { target, last } = recording(given);
  try {
    return { ok: true, value: await work(target) };
  } catch (error) {
    const sent = last();
    const request = sent && toCurl(target.transport.baseUrl, sent);
    const reason = `setting up ${piece}: ${(error as Error).message}`;
    return {
      ok: false,
      state:
        error instanceof PieceUnavailable
          ? { state: 'unavailable', reason }
          : { state: 'failed', reason, ...(request && { request }) },
    };
  }
}

const PIECE_NAMES: Readonly<Record<DataPiece, string>> = {
  posted: 'the read data set (Post)',
  imported: 'the versioned data set (Import)',
  versionCustomNodes: 'the version using a custom node (Import)',
  crossApplication: 'the flow using a custom node of the other application (Post)',
};

export const pieceName = (piece: DataPiece): string => PIECE_NAMES[piece];

/**
 * Sets up every piece of the data set, each on its own: a failure is recorded against its piece (and the
 * pieces built on it), never thrown, so that only the cases needing that piece are affected.
 */
export async function createDataSet(target: DataSetTarget, placeholders: Placeholders): Promise<DataFacts> {
  const [posted, imported, cross] = await Promise.all([
    attempt(pieceName('posted'), target, (piece) => postFlows(piece, placeholders)),
    attempt(pieceName('imported'), target, (piece) => importVersions(piece, placeholders)),
    attempt(pieceName('crossApplication'), target, (piece) => postCrossApplication(piece, placeholders)),
  ]);
  const versionCustom = posted.ok
    ? await attempt(pieceName('versionCustomNodes'), target, (piece) =>
        importVersionCustomNodes(piece, placeholders, posted.value),
      )
    : ({
        ok: false,
        state: { state: 'failed', reason: `needs ${pieceName('posted')}, whose set-up failed` },
      } as const);
  const stateOf = (outcome: Outcome<unknown>): PieceState =>
    outcome.ok ? { state: 'ready' } : outcome.state;
  return {
    prefixes: placeholders,
    flows: posted.ok ? posted.value : [],
    versionFlows: [
      ...(imported.ok ? imported.value.flows : []),
      ...(versionCustom.ok ? [versionCustom.value.flow] : []),
    ],
    versions: [
      ...(imported.ok ? imported.value.versions : []),
      ...(versionCustom.ok ? [versionCustom.value.version] : []),
    ],
    crossFlows: cross.ok ? cross.value.flows : [],
    foreignFlows: cross.ok ? cross.value.foreignFlows : [],
    pieces: {
      posted: stateOf(posted),
      imported: stateOf(imported),
      versionCustomNodes: stateOf(versionCustom),
      crossApplication: stateOf(cross),
    },
  };
}
