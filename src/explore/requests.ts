import { actionById, pathFor } from '../../specs/catalog';
import { JSON_HEADERS, type HttpRequest } from '../http/transport';
import { encodeQueryPairs, type QueryPairs } from '../model/query-codec';
import type { ApplicationTarget } from '../model/resource/access';
import { readQuery } from '../model/resource/query-reading';
import type { ModelRequest } from '../model/resource/step';
import type { ModelState } from '../model/resource/state';
import type { Credential } from './credentials';
import {
  PREFIX,
  type BodySpec,
  type ImportSpec,
  type NameGlob,
  type PostSpec,
  type StepSpec,
  type TriggerSpec,
} from './draws';

/** What a run knows of its target: its credentials and the id of each application a step may name. */
export interface ExploreTarget {
  readonly credentials: readonly Credential[];
  readonly applicationIds: Readonly<Record<ApplicationTarget, string | undefined>>;
}

/** The Workflow Post schema's name maxLength. */
const NAME_MAX_LENGTH = 255;
const NOT_NOW = '2016-06-13T04:00:00.000Z';
const DEEP = 21;

const triggersOf = (triggers: readonly TriggerSpec[]) => triggers.map((trigger) => ({ ...trigger }));

/** The run's custom-node flows (both applications), so that a node may reference one by index. */
const customNodeIds = (state: ModelState): string[] =>
  (['own', 'other'] as const).flatMap((key) =>
    [...state[key].flows.values()].filter((flow) => flow.flowClass === 'customNode').map((flow) => flow.id),
  );

function nodesOf(refs: readonly number[], state: ModelState) {
  const ids = customNodeIds(state);
  return ids.length === 0
    ? []
    : refs.map((ref) => ({ type: 'CustomNodeRun', config: { flowId: ids[ref % ids.length] } }));
}

const deepConfig = (): Record<string, unknown> => {
  let config: Record<string, unknown> = { leaf: true };
  for (let depth = 0; depth < DEEP; depth += 1) config = { nested: config };
  return config;
};

function postBody(spec: PostSpec, prefix: string, state: ModelState): Record<string, unknown> {
  let name = `${prefix}${spec.name}`;
  if (spec.longName) name += 'a'.repeat(Math.max(0, NAME_MAX_LENGTH - [...name].length));
  const body: Record<string, unknown> = {
    name: spec.flaw === 'empty-name' ? '' : name,
    ...(spec.description !== undefined && { description: spec.description }),
    ...(spec.flowClass !== undefined && { flowClass: spec.flowClass }),
    triggers: triggersOf(spec.triggers),
    nodes: nodesOf(spec.refs, state),
  };
  if (spec.flaw === 'unknown-key') body.unknownKey = true;
  if (spec.flaw === 'deep-config') body.nodes = [{ type: 'Debug', config: deepConfig() }];
  return body;
}

function importBody(spec: ImportSpec, prefix: string, state: ModelState): Record<string, unknown> {
  const flowVersions = spec.versions.map((version, index) => ({
    id: version.id,
    flowId:
      spec.flaw === 'dangling-version' && index === 0
        ? 'f'.repeat(24)
        : spec.flows[version.flow % spec.flows.length].id,
    version: version.version,
    triggers: triggersOf(version.triggers),
    nodes: nodesOf(version.refs, state),
  }));
  const flows = spec.flows.map((flow, index) => {
    const own = flowVersions.filter((version) => version.flowId === flow.id);
    const chosen =
      flow.defaultVersion === undefined || own.length === 0
        ? undefined
        : own[flow.defaultVersion % own.length];
    return {
      id: flow.id,
      name: spec.flaw === 'empty-name' && index === 0 ? '' : `${prefix}${flow.name}`,
      ...(flow.flowClass !== undefined && { flowClass: flow.flowClass }),
      triggers: triggersOf(flow.triggers),
      ...(chosen && { defaultVersionId: chosen.id }),
      ...(flow.readOnly && {
        creationDate: NOT_NOW,
        lastUpdated: NOT_NOW,
        stats: { runCount: 5, errorCount: 1 },
      }),
    };
  });
  if (spec.flaw === 'dangling-version' && flowVersions.length === 0)
    flowVersions.push({ id: 'e'.repeat(24), flowId: 'f'.repeat(24), version: 'v1', triggers: [], nodes: [] });
  return { flows, flowVersions };
}

function bodyText(spec: BodySpec | undefined, prefix: string, state: ModelState) {
  if (spec === undefined) return { text: undefined, parsed: undefined };
  if (spec.kind === 'not-json')
    return { text: `{"name":${JSON.stringify(prefix + spec.name)},`, parsed: undefined };
  const parsed = spec.kind === 'post' ? postBody(spec, prefix, state) : importBody(spec, prefix, state);
  return { text: JSON.stringify(parsed), parsed };
}

const swapCase = (text: string): string =>
  [...text].map((char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase())).join('');

/** The glob after the prefix: as drawn, or made from one of the sequence's names (decision 6). */
function anchoredGlob(anchored: string | NameGlob, prefix: string, state: ModelState): string {
  if (typeof anchored === 'string') return anchored;
  const names = [...state.own.flows.values()].map((flow) => [...flow.name.slice(prefix.length)]);
  if (names.length === 0) return '*';
  const name = names[anchored.name % names.length];
  return anchored.form === 'swap-case' ? swapCase(name.join('')) : `${name.slice(0, -1).join('')}??`;
}

/** The query as sent: the drawn parts, the sequence's prefix in place, and the anchored filter if any. */
function queryPairs(spec: StepSpec, prefix: string, state: ModelState): QueryPairs {
  const parts = spec.query.map(([name, value]) => [name, value.split(PREFIX).join(prefix)] as const);
  if (spec.anchored === undefined) return parts;
  return [
    ...parts.filter(([name]) => name !== 'filter' && name !== 'filterField'),
    ...(spec.filterOnly ? [] : [['filterField', 'name'] as const]),
    ['filter', `${prefix}${anchoredGlob(spec.anchored, prefix, state)}`],
  ];
}

/** A step made concrete: the HTTP request to send and the request as the model reads it. */
export function concreteStep(spec: StepSpec, prefix: string, state: ModelState, target: ExploreTarget) {
  const action = actionById(spec.action);
  const credential = target.credentials[spec.credential % target.credentials.length];
  const wanted = spec.application;
  const applicationTarget: ApplicationTarget =
    target.applicationIds[wanted] === undefined ? 'unknown' : wanted;
  const applicationId = target.applicationIds[applicationTarget] as string;
  const queryText = encodeQueryPairs(queryPairs(spec, prefix, state));
  const body = bodyText(spec.body, prefix, state);
  const http: HttpRequest = {
    method: action.method,
    path: pathFor(action, { APPLICATION_ID: applicationId }),
    query: queryText === '' ? undefined : queryText,
    headers: {
      ...(body.text === undefined ? { accept: JSON_HEADERS.accept } : JSON_HEADERS),
      ...(credential.header !== undefined && { authorization: credential.header }),
    },
    ...(body.text !== undefined && { body: body.text }),
    authLabel: credential.label,
  };
  const reading = readQuery(action, queryText);
  const exact =
    reading.kind === 'read' &&
    reading.values.get('filterField') === 'name' &&
    String(reading.values.get('filter') ?? '').startsWith(prefix);
  const model: ModelRequest = {
    action,
    principal: credential.principal,
    target: applicationTarget,
    applicationId,
    queryText,
    body: body.parsed,
    bodyIsJson: spec.body?.kind !== 'not-json',
    exact,
  };
  return { http, model };
}
