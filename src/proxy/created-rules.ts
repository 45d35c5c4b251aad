import { isDeepStrictEqual } from 'node:util';
import { CREATED_WORKFLOW_DEFAULTS, IMPORT_READ_ONLY_KEYS } from '../../specs/catalog';
import { bodyOf, isRecord, shownField, type CheckContext } from '../checks/context';
import { sameId } from '../checks/select';
import { CLOCK_SKEW_MS } from '../checks/bodies';
import type { Failure } from '../model/results';
import { ruleFailure } from './exchange-context';

type Json = Record<string, unknown>;

/**
 * What a created Workflow breaks of decision 10 for the keys its request left to the server (real
 * traffic sends any keys, so only those are the server's to default): the defaults, flowId = id, the
 * application written to. `alwaysDefault`: keys the server sets whatever was given (Import's read-only ones).
 */
function defaultProblems(
  flow: Json,
  given: Json,
  applicationId: string,
  sentAt: number,
  alwaysDefault: readonly string[] = [],
): string[] {
  const problems = Object.entries(CREATED_WORKFLOW_DEFAULTS)
    .filter(([key]) => !(key in given) || alwaysDefault.includes(key))
    .filter(([key, value]) => !isDeepStrictEqual(flow[key], value))
    .map(([key]) => shownField(key, flow[key]));
  if (!sameId(flow.flowId, flow.id)) problems.push(`flowId ${JSON.stringify(flow.flowId)} ≠ id`);
  if (!sameId(flow.applicationId, applicationId))
    problems.push(`applicationId ${JSON.stringify(flow.applicationId)} ≠ ${applicationId}`);
  const created = typeof flow.creationDate === 'string' ? Date.parse(flow.creationDate) : Number.NaN;
  const updated = typeof flow.lastUpdated === 'string' ? Date.parse(flow.lastUpdated) : Number.NaN;
  // The same instant, whatever the offset or fraction each is written with (RFC 3339).
  if (!(created === updated)) problems.push('creationDate ≠ lastUpdated');
  if (!(Math.abs(created - sentAt) <= CLOCK_SKEW_MS))
    problems.push(
      `creationDate ${JSON.stringify(flow.creationDate)} is not now (${new Date(sentAt).toISOString()})`,
    );
  return problems;
}

const sentBody = (context: CheckContext): Json | undefined => {
  try {
    const sent: unknown = JSON.parse(context.exchanges[0].request.body ?? '');
    return isRecord(sent) ? sent : undefined;
  } catch {
    return undefined;
  }
};

const EXPECTED = `${JSON.stringify(CREATED_WORKFLOW_DEFAULTS)} for the keys not sent, flowId = id, the application of the request, creationDate = lastUpdated within ${CLOCK_SKEW_MS / 60_000} minutes of the proxy's clock`;

/** Decision 10: the created Workflow's defaults for what Post did not send. */
export function postDefaultRules(context: CheckContext, applicationId: string): readonly Failure[] {
  const sent = sentBody(context);
  const created = bodyOf(context.exchanges[0]);
  if (!sent || !isRecord(created)) return [];
  const problems = defaultProblems(created, sent, applicationId, context.exchanges[0].sentAt);
  if (problems.length === 0) return [];
  return [
    ruleFailure(
      context,
      { check: 'postDefaults', level: 'SHOULD', decision: 'postResult' },
      problems.join(', '),
      EXPECTED,
      '',
    ),
  ];
}

/** Decisions 11 and 14: each imported flow has Post's defaults, and none of the read-only values it was given. */
export function importDefaultRules(context: CheckContext, applicationId: string): readonly Failure[] {
  const sent = sentBody(context);
  const body = bodyOf(context.exchanges[0]);
  if (!sent || !isRecord(body) || !Array.isArray(sent.flows) || !Array.isArray(body.flows)) return [];
  const imported = body.flows.filter(isRecord);
  const flowMap = isRecord(body.importedFlowIdMap) ? body.importedFlowIdMap : {};
  const problems = sent.flows.filter(isRecord).flatMap((given, index) => {
    // The result's order is not the bundle's by any rule: find each flow by its mapped id first.
    const flow =
      imported.find((item) => typeof given.id === 'string' && sameId(item.id, flowMap[given.id])) ??
      imported[index];
    if (!flow) return [`flow ${index}: not in the answer`];
    const kept = IMPORT_READ_ONLY_KEYS.filter(
      (key) =>
        key !== 'stats' && key !== 'flowId' && key in given && isDeepStrictEqual(flow[key], given[key]),
    );
    return [
      ...defaultProblems(flow, given, applicationId, context.exchanges[0].sentAt, ['stats']),
      ...kept.map((key) => `kept the given ${key}`),
    ].map((problem) => `flow ${index}: ${problem}`);
  });
  if (problems.length === 0) return [];
  return [
    ruleFailure(
      context,
      { check: 'importDefaults', level: 'SHOULD', decision: 'importResult' },
      problems.slice(0, 5).join('; '),
      `${EXPECTED}; given ${IMPORT_READ_ONLY_KEYS.join(', ')} ignored`,
      '',
    ),
  ];
}
