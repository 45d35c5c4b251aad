import { setTimeout as sleep } from 'node:timers/promises';
import { actionById, pathFor } from '../../specs/catalog';
import {
  customNodeConfigFor,
  DATA_FLOWS,
  FLOW_VERSIONS,
  VERSION_FLOWS,
  type DataFlowSpec,
} from '../../specs/cases/dataset';
import { bearer, JSON_HEADERS, type HttpResponse, type Transport } from '../http/transport';
import type { DataFacts, FlowFact, VersionFact } from './data-facts';
import { expandJson, type Placeholders } from './template';

export interface DataSetTarget {
  readonly transport: Transport;
  readonly applicationId: string;
  readonly token: string;
}

const body = (response: HttpResponse): Record<string, unknown> =>
  response.json.ok && typeof response.json.value === 'object' && response.json.value !== null
    ? (response.json.value as Record<string, unknown>)
    : {};

async function send(target: DataSetTarget, actionId: 'flows.post' | 'flows.import', payload: unknown) {
  const action = actionById(actionId);
  const response = await target.transport.send({
    method: 'POST',
    path: pathFor(action, target.applicationId),
    headers: { ...JSON_HEADERS, ...bearer(target.token) },
    body: JSON.stringify(payload),
  });
  // Lenient on purpose: a wrong success status is the cases' finding, not a reason to stop the run.
  if (response.status < 200 || response.status >= 300) {
    throw new Error(
      `setting up the data set: ${action.name} answered ${response.status}: ${response.bodyText.slice(0, 200)}`,
    );
  }
  return body(response);
}

const DATE_SPACING_MS = 3;

const fact = (flow: DataFlowSpec, id: string, name: string, customNodeKeys: string[]): FlowFact => ({
  key: flow.key,
  id,
  name,
  flowClass: flow.flowClass,
  triggers: flow.triggers ?? [],
  customNodeKeys,
});

/** `{id:<key>}` references in a flow's nodes. */
const referencedKeys = (flow: DataFlowSpec): string[] =>
  [...JSON.stringify(flow.nodes ?? []).matchAll(/\{id:([A-Za-z0-9-]+)\}/g)].map((match) => match[1]);

async function postFlows(target: DataSetTarget, placeholders: Placeholders): Promise<FlowFact[]> {
  const facts: FlowFact[] = [];
  const ids: Record<string, string> = {};
  for (const flow of DATA_FLOWS) {
    const values = { ...placeholders, ...ids };
    const name = `${placeholders.data}${flow.name}`;
    const payload = {
      name,
      flowClass: flow.flowClass,
      triggers: flow.triggers ?? [],
      nodes: expandJson(flow.nodes ?? [], values),
      ...customNodeConfigFor(flow),
    };
    // Distinct creation times, so that sorting by creationDate or lastUpdated has no ties to hide in
    // (on a fast server, Posts in a row land in the same millisecond).
    await sleep(DATE_SPACING_MS);
    const created = await send(target, 'flows.post', payload);
    if (typeof created.id !== 'string' && typeof created.id !== 'number') {
      throw new Error(`setting up the data set: Post of ${name} answered no id`);
    }
    ids[`id:${flow.key}`] = String(created.id);
    facts.push(fact(flow, String(created.id), name, referencedKeys(flow)));
  }
  return facts;
}

/** Given ids of the bundle: 24 hex digits, distinct per entry. */
const givenId = (kind: 'a' | 'b', index: number): string => `${kind}${String(index).padStart(23, '0')}`;

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
  return (flowId: string): FlowFact['defaultVersion'] => {
    const reported = answered.find((flow) => flow?.id === flowId)?.defaultVersionId;
    const version = versions.find((candidate) => candidate.id === reported);
    return version && { id: version.id, triggers: version.triggers };
  };
}

async function importVersions(target: DataSetTarget, placeholders: Placeholders) {
  const bundle = importBundle(placeholders);
  const result = await send(target, 'flows.import', bundle);
  const flowMap = (result.importedFlowIdMap ?? {}) as Record<string, string>;
  const versionMap = (result.importedVersionIdMap ?? {}) as Record<string, string>;
  const versions: VersionFact[] = FLOW_VERSIONS.map((version, index) => ({
    id: versionMap[givenId('b', index)] ?? '',
    flowKey: version.flowKey,
    version: bundle.flowVersions[index].version,
    triggers: version.triggers ?? [],
  }));
  const defaultOf = reportedDefaults(result, versions);
  const flows = VERSION_FLOWS.map((flow, index) => {
    const id = flowMap[givenId('a', index)] ?? '';
    const defaultVersion = defaultOf(id);
    return { ...fact(flow, id, bundle.flows[index].name, []), ...(defaultVersion && { defaultVersion }) };
  });
  if ([...flows, ...versions].some((item) => item.id === '')) {
    throw new Error(
      'setting up the data set: the Import result lacks importedFlowIdMap/importedVersionIdMap entries',
    );
  }
  return { flows, versions };
}

/** Creates the read and versioned data sets; a failure is recorded, not thrown (the cases report it). */
export async function createDataSet(target: DataSetTarget, placeholders: Placeholders): Promise<DataFacts> {
  try {
    const [flows, versioned] = await Promise.all([
      postFlows(target, placeholders),
      importVersions(target, placeholders),
    ]);
    return { prefixes: placeholders, flows, versionFlows: versioned.flows, versions: versioned.versions };
  } catch (error) {
    return {
      prefixes: placeholders,
      flows: [],
      versionFlows: [],
      versions: [],
      setupError: (error as Error).message,
    };
  }
}
