import { CREATED_WORKFLOW_DEFAULTS } from '../../specs/catalog';
import {
  bodyOf,
  exchangeOf,
  failure,
  isRecord,
  itemsOf,
  missingExchange,
  referenceLocation,
  type Check,
} from './context';
import type { RefOf } from './refs';

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What Post sent is what it returns and what Get then finds under the new id. */
export const roundTrip: Check<RefOf<'roundTrip'>> = (context, ref) => {
  const posted = exchangeOf(context, ref);
  const fetched = context.exchanges[ref.fetchedAt];
  if (!posted || !fetched) return [missingExchange(context, ref)];
  const sent = posted.request.body === undefined ? undefined : (JSON.parse(posted.request.body) as unknown);
  const created = bodyOf(posted);
  const location = referenceLocation(context, 'body');
  if (!isRecord(sent) || !isRecord(created) || typeof created.id !== 'string') {
    return [
      failure(
        context,
        ref,
        'Post did not answer with a Workflow that has an id',
        'the created Workflow',
        location,
      ),
    ];
  }
  const stored = (itemsOf(fetched) ?? []).find((item) => item.id === created.id);
  if (!stored) {
    return [
      failure(
        context,
        ref,
        `Get does not find the created flow ${created.id}`,
        'the new flow in Get',
        location,
        fetched,
      ),
    ];
  }
  const differences = Object.entries(sent).flatMap(([key, value]) => [
    ...(sameJson(created[key], value) ? [] : [`Post answered ${key}=${JSON.stringify(created[key])}`]),
    ...(sameJson(stored[key], value) ? [] : [`Get returns ${key}=${JSON.stringify(stored[key])}`]),
  ]);
  if (differences.length === 0) return [];
  return [
    failure(
      context,
      ref,
      differences.join('; '),
      `every sent field stored as sent: ${JSON.stringify(sent)}`,
      location,
      fetched,
    ),
  ];
};

/** Decision 10: the new Workflow's read-only fields and defaults. */
export const postDefaults: Check<RefOf<'postDefaults'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const body = bodyOf(exchange);
  if (!isRecord(body))
    return [failure(context, ref, 'no Workflow body', 'the created Workflow', 'schemas.md#workflow')];
  const problems = Object.entries(CREATED_WORKFLOW_DEFAULTS)
    .filter(([key, value]) => !sameJson(body[key], value))
    .map(([key]) => `${key}=${JSON.stringify(body[key])}`);
  if (body.flowId !== body.id) problems.push(`flowId ${JSON.stringify(body.flowId)} ≠ id`);
  if (typeof body.creationDate !== 'string' || body.creationDate !== body.lastUpdated) {
    problems.push('creationDate ≠ lastUpdated');
  }
  if (problems.length === 0) return [];
  return [
    failure(
      context,
      ref,
      problems.join(', '),
      `defaults ${JSON.stringify(CREATED_WORKFLOW_DEFAULTS)}, flowId = id, creationDate = lastUpdated`,
      'spec/README.md decision 10',
    ),
  ];
};

/** Decision 11: each given id maps to a fresh one, and the versions point at the new flows. */
export const importMaps: Check<RefOf<'importMaps'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const sent = JSON.parse(exchange.request.body ?? '{}') as {
    flows?: { id?: string }[];
    flowVersions?: { id?: string; flowId?: string }[];
  };
  const body = bodyOf(exchange);
  const location = 'spec/README.md decision 11';
  if (!isRecord(body))
    return [failure(context, ref, 'no import result', 'a Workflow Import Result', location)];
  const flowMap = isRecord(body.importedFlowIdMap) ? body.importedFlowIdMap : {};
  const versionMap = isRecord(body.importedVersionIdMap) ? body.importedVersionIdMap : {};
  const problems: string[] = [];
  const checkMap = (given: (string | undefined)[], map: Record<string, unknown>, what: string) => {
    for (const id of given) {
      if (id === undefined) continue;
      if (typeof map[id] !== 'string') problems.push(`${what} ${id} is not mapped`);
      else if (map[id] === id) problems.push(`${what} ${id} kept its id`);
    }
  };
  checkMap(
    (sent.flows ?? []).map((flow) => flow.id),
    flowMap,
    'flow',
  );
  checkMap(
    (sent.flowVersions ?? []).map((version) => version.id),
    versionMap,
    'version',
  );
  const newFlowIds = new Set(Object.values(flowMap));
  const versions = Array.isArray(body.flowVersions) ? body.flowVersions.filter(isRecord) : [];
  for (const version of versions) {
    if (!newFlowIds.has(version.flowId))
      problems.push(`version ${String(version.id)} has flowId ${String(version.flowId)}, not a new flow id`);
  }
  if (problems.length === 0) return [];
  return [
    failure(
      context,
      ref,
      problems.join('; '),
      'importedFlowIdMap and importedVersionIdMap from each given id to a fresh id',
      location,
    ),
  ];
};

/** A refused write left nothing behind: the follow-up Get (confined to the case's prefix) is empty. */
export const nothingCreated: Check<RefOf<'nothingCreated'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const items = itemsOf(exchange);
  if (items && items.length === 0) return [];
  const names = (items ?? []).map((item) => String(item.name)).join(', ');
  return [
    failure(
      context,
      ref,
      items ? `the refused request created ${names}` : 'the follow-up Get answered no collection',
      'nothing created by a refused request',
      context.testCase.action === 'flows.import'
        ? 'spec/README.md decision 11'
        : 'spec/README.md decision 10',
    ),
  ];
};
