import { isDeepStrictEqual } from 'node:util';
import type { Failure } from '../model/results';
import { pointerTo } from '../model/json-pointer';
import {
  CREATED_WORKFLOW_DEFAULTS,
  IMPORT_READ_ONLY_KEYS,
  REFERENCE_DECISIONS_DOC,
} from '../../specs/catalog';
import {
  bodyOf,
  decisionLocation,
  exchangeOf,
  failure,
  isRecord,
  itemsOf,
  missingExchange,
  referenceLocation,
  type Check,
  type CheckContext,
  type Exchange,
  shownField,
} from './context';
import type { RefOf } from './refs';
import { sameId } from './select';

/** JSON values compared as values: key order never matters. */
const sameJson = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b);

/**
 * `stored` holds everything of `sent`: equal values, where objects may have gained keys (a server may
 * add fields it defaults, at any depth) and arrays keep their length and order. Key order never matters.
 */
export function holdsJson(stored: unknown, sent: unknown): boolean {
  if (Array.isArray(sent))
    return (
      Array.isArray(stored) &&
      stored.length === sent.length &&
      sent.every((item, index) => holdsJson(stored[index], item))
    );
  if (isRecord(sent))
    return isRecord(stored) && Object.entries(sent).every(([key, value]) => holdsJson(stored[key], value));
  return isDeepStrictEqual(stored, sent);
}

/**
 * Whether a returned Workflow holds a field Post sent. A field sent as `null` (the Workflow Post schema
 * allows it for `iconData`: no icon) is also held by its absence: the Workflow schema has no `null` for
 * it, so leaving the field out is how a Workflow says "none".
 */
export const holdsSentField = (workflow: Record<string, unknown>, key: string, sent: unknown): boolean =>
  holdsJson(workflow[key], sent) || (sent === null && !(key in workflow));

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
  const stored = (itemsOf(fetched) ?? []).find((item) => sameId(item.id, created.id));
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
    ...(holdsSentField(created, key, value) ? [] : [`Post answered ${shownField(key, created[key])}`]),
    ...(holdsSentField(stored, key, value) ? [] : [`Get returns ${shownField(key, stored[key])}`]),
  ]);
  if (differences.length === 0) return [];
  const index = (itemsOf(fetched) ?? []).indexOf(stored);
  const mismatches = Object.entries(sent)
    .filter(([key, value]) => !holdsSentField(stored, key, value))
    .map(([key, value]) => ({
      pointer: pointerTo('items', index, key),
      actual: stored[key],
      expected: value,
    }));
  const firstKey = Object.entries(sent).find(([key, value]) => !holdsSentField(created, key, value))?.[0];
  return [
    failure(
      context,
      ref,
      differences.join('; '),
      `every sent field stored as sent (fields added by the server allowed): ${JSON.stringify(sent)}`,
      location,
      fetched,
      // Get's item where Get shows it; else the field of Post's answer.
      {
        mismatches,
        ...(firstKey !== undefined && { pointer: mismatches[0]?.pointer ?? pointerTo(firstKey) }),
      },
    ),
  ];
};

/** How far a created flow's dates may be from the suite's clock when it sent the request (clock skew). */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;

/** What the created Workflow is compared against: the application written to and the suite's clock. */
interface Creation {
  readonly applicationId: string;
  readonly sentAt: number;
}

const creationOf = (context: CheckContext, exchange: Exchange): Creation => ({
  applicationId: context.expand('{application}'),
  sentAt: exchange.sentAt,
});

/**
 * What a created Workflow breaks of decision 10: its defaults, flowId = id, the application written to,
 * creationDate = lastUpdated = now (within CLOCK_SKEW_MS of the suite's clock).
 */
function defaultProblems(flow: Record<string, unknown>, creation: Creation): string[] {
  const problems = Object.entries(CREATED_WORKFLOW_DEFAULTS)
    .filter(([key, value]) => !sameJson(flow[key], value))
    .map(([key]) => shownField(key, flow[key]));
  if (!sameId(flow.flowId, flow.id)) problems.push(`flowId ${JSON.stringify(flow.flowId)} ≠ id`);
  if (!sameId(flow.applicationId, creation.applicationId))
    problems.push(`applicationId ${JSON.stringify(flow.applicationId)} ≠ ${creation.applicationId}`);
  const created = typeof flow.creationDate === 'string' ? Date.parse(flow.creationDate) : Number.NaN;
  const updated = typeof flow.lastUpdated === 'string' ? Date.parse(flow.lastUpdated) : Number.NaN;
  // The same instant, whatever the offset or fraction each is written with (RFC 3339).
  if (!(created === updated)) problems.push('creationDate ≠ lastUpdated');
  if (!(Math.abs(created - creation.sentAt) <= CLOCK_SKEW_MS)) {
    problems.push(
      `creationDate ${JSON.stringify(flow.creationDate)} is not now (${new Date(creation.sentAt).toISOString()})`,
    );
  }
  return problems;
}

const DEFAULTS_EXPECTED = `defaults ${JSON.stringify(CREATED_WORKFLOW_DEFAULTS)}, flowId = id, applicationId of the request, creationDate = lastUpdated within ${CLOCK_SKEW_MS / 60_000} minutes of the suite's clock`;

/** Decision 10: the new Workflow's read-only fields and defaults. */
export const postDefaults: Check<RefOf<'postDefaults'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const body = bodyOf(exchange);
  if (!isRecord(body))
    return [failure(context, ref, 'no Workflow body', 'the created Workflow', 'schemas.md#workflow')];
  const problems = defaultProblems(body, creationOf(context, exchange));
  if (problems.length === 0) return [];
  return [failure(context, ref, problems.join(', '), DEFAULTS_EXPECTED, decisionLocation('postResult'))];
};

/**
 * Decisions 11 and 14: each imported flow has Post's defaults, and keeps none of the read-only values
 * (`stats`, `creationDate`, ...) that the bundle gave for it.
 */
export const importDefaults: Check<RefOf<'importDefaults'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const sent = JSON.parse(exchange.request.body ?? '{}') as { flows?: Record<string, unknown>[] };
  const body = bodyOf(exchange);
  const imported = isRecord(body) && Array.isArray(body.flows) ? body.flows.filter(isRecord) : [];
  const location = `${REFERENCE_DECISIONS_DOC} decisions 11 and 14`;
  if (imported.length !== (sent.flows ?? []).length) {
    return [failure(context, ref, `${imported.length} flows imported`, 'every flow of the bundle', location)];
  }
  const flowMap = isRecord(body) && isRecord(body.importedFlowIdMap) ? body.importedFlowIdMap : {};
  const creation = creationOf(context, exchange);
  const problems = (sent.flows ?? []).flatMap((given, index) => {
    // The result's order is not the bundle's by any rule: find each flow by its mapped id first.
    const flow =
      imported.find((item) => typeof given.id === 'string' && sameId(item.id, flowMap[given.id])) ??
      imported[index];
    const kept = IMPORT_READ_ONLY_KEYS.filter((key) => key in given && sameJson(flow[key], given[key]));
    return [...defaultProblems(flow, creation), ...kept.map((key) => `kept the given ${key}`)].map(
      (problem) => `flow ${index}: ${problem}`,
    );
  });
  if (problems.length === 0) return [];
  return [
    failure(
      context,
      ref,
      problems.join('; '),
      `${DEFAULTS_EXPECTED}; given ${IMPORT_READ_ONLY_KEYS.join(', ')} ignored`,
      location,
    ),
  ];
};

/**
 * Decision 11: each given id maps to a fresh one, and the versions point at the new flows; P4: a
 * flow's given defaultVersionId becomes the new id of that version.
 */
export const importMaps: Check<RefOf<'importMaps'>> = (context, ref) => {
  const exchange = exchangeOf(context, ref);
  if (!exchange) return [missingExchange(context, ref)];
  const sent = JSON.parse(exchange.request.body ?? '{}') as {
    flows?: { id?: string; defaultVersionId?: unknown }[];
    flowVersions?: { id?: string; flowId?: string }[];
  };
  const body = bodyOf(exchange);
  const location = decisionLocation('importResult');
  if (!isRecord(body))
    return [failure(context, ref, 'no import result', 'a Workflow Import Result', location)];
  const flowMap = isRecord(body.importedFlowIdMap) ? body.importedFlowIdMap : {};
  const versionMap = isRecord(body.importedVersionIdMap) ? body.importedVersionIdMap : {};
  const problems: string[] = [];
  // Fresh ids are decision 11's reading (SHOULD); that the maps and the documents agree is the answer's own.
  const keptIds: string[] = [];
  const checkMap = (given: (string | undefined)[], map: Record<string, unknown>, what: string) => {
    for (const id of given) {
      if (id === undefined) continue;
      if (typeof map[id] !== 'string') problems.push(`${what} ${id} is not mapped`);
      else if (sameId(map[id], id)) keptIds.push(`${what} ${id} kept its id`);
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
  const versions = Array.isArray(body.flowVersions) ? body.flowVersions.filter(isRecord) : [];
  for (const given of sent.flowVersions ?? []) {
    const version = versions.find((candidate) => given.id && sameId(candidate.id, versionMap[given.id]));
    const wanted = given.flowId === undefined ? undefined : flowMap[given.flowId];
    if (version && !sameId(version.flowId, wanted))
      problems.push(`version ${given.id} has flowId ${String(version.flowId)}, not ${String(wanted)}`);
  }
  const flows = Array.isArray(body.flows) ? body.flows.filter(isRecord) : [];
  for (const given of sent.flows ?? []) {
    if (typeof given.defaultVersionId !== 'string' || given.id === undefined) continue;
    const flow = flows.find((candidate) => sameId(candidate.id, flowMap[given.id as string]));
    const wanted = versionMap[given.defaultVersionId];
    if (flow && !sameId(flow.defaultVersionId, wanted))
      problems.push(
        `flow ${given.id} has defaultVersionId ${String(flow.defaultVersionId)}, not ${String(wanted)}`,
      );
  }
  const failures: Failure[] = [];
  if (problems.length > 0)
    failures.push(
      failure(
        context,
        ref,
        problems.join('; '),
        'importedFlowIdMap and importedVersionIdMap mapping each given id; each version on the new id of the flow it named; each defaultVersionId the new id of the version it named (P4)',
        location,
      ),
    );
  if (keptIds.length > 0)
    failures.push(
      failure(
        context,
        { ...ref, decision: ref.decision ?? 'importResult' },
        keptIds.join('; '),
        'a fresh id for each flow and version given (decision 11)',
        location,
      ),
    );
  return failures;
};

/**
 * A write refused with a 4xx changed nothing (HTTP semantics; decision 11's all or nothing): the
 * follow-up Get (confined to the case's prefix) is empty. A write that was not refused is the status
 * check's business, not this one's.
 */
export const nothingCreated: Check<RefOf<'nothingCreated'>> = (context, ref) => {
  const write = context.exchanges[ref.refusedAt ?? 0];
  const exchange = exchangeOf(context, ref);
  if (!exchange || !write) return [missingExchange(context, ref)];
  if (write.response.status < 400 || write.response.status >= 500) return [];
  const items = itemsOf(exchange);
  if (items && items.length === 0) return [];
  const names = (items ?? []).map((item) => String(item.name)).join(', ');
  return [
    failure(
      context,
      ref,
      items
        ? `the request refused with ${write.response.status} created ${names}`
        : 'the follow-up Get answered no collection',
      'nothing created by a request refused with a 4xx',
      context.testCase.action === 'flows.import'
        ? `${decisionLocation('importResult')}: all or nothing; RFC 9110 §15.5 (a 4xx refuses the request)`
        : `RFC 9110 §15.5 (a 4xx refuses the request); ${decisionLocation('postResult')}`,
    ),
  ];
};
