import { queryRow, responseBodyRow, statusRow, successResponse, type ActionSpec } from '../../specs/catalog';
import { CHECKS } from '../checks';
import {
  bodyOf,
  isRecord,
  referenceLocation,
  shownField,
  type CheckContext,
  type Exchange,
} from '../checks/context';
import type { CheckRef } from '../checks/refs';
import { holdsSentField } from '../checks/bodies';
import type { Failure } from '../model/results';
import { collectionRules } from './collection-rules';
import { exchangeContext, ruleFailure } from './exchange-context';
import type { RequestVerdict } from './request-verdict';
import type { TrafficShadow } from './shadow';
import { statefulRules } from './stateful-rules';

const run = (context: CheckContext, ref: CheckRef): readonly Failure[] =>
  (CHECKS[ref.check] as (context: CheckContext, ref: CheckRef) => readonly Failure[])(context, ref);

/** Decision 1: refusals of a credential, for every action. */
const AUTH_STATUSES = [401, 403];
/** P2: a body above the limit, or not JSON. */
const BODY_STATUSES = [413, 415];
/** RFC 6585: a server may throttle any request; the reference is silent, so a 429 is not judged. */
const THROTTLED = 429;

/** Every status the action may answer: the reference's table, decision 1's refusals, P2's for a body. */
export const listedStatuses = (action: ActionSpec): number[] => [
  ...action.responses.map((response) => response.status),
  ...AUTH_STATUSES,
  ...(action.requestBody ? BODY_STATUSES : []),
];

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

function statusRules(context: CheckContext, action: ActionSpec, verdict: RequestVerdict): readonly Failure[] {
  const status = context.exchanges[0].response.status;
  const failures: Failure[] = [];
  const documented = listedStatuses(action);
  if (!documented.includes(status) && status !== THROTTLED)
    failures.push(
      ruleFailure(
        context,
        { check: 'listedStatus', level: 'MUST' },
        `status ${status}, which the reference does not list for ${action.name}`,
        `one of ${documented.join(', ')}`,
        referenceLocation(context, status < 400 ? 'successful-responses' : 'error-responses'),
      ),
    );
  if (verdict.kind === 'refuse' && isSuccess(status))
    failures.push(
      ruleFailure(
        context,
        { check: 'status', level: verdict.level, decision: verdict.decision },
        `status ${status} for an invalid request: ${verdict.reason}`,
        'a 4xx refusal',
        referenceLocation(context, 'error-responses'),
      ),
    );
  if (verdict.kind === 'serve' && status === 400)
    failures.push(
      ruleFailure(
        context,
        { check: 'status', level: verdict.level, decision: verdict.decision },
        `status 400 for a valid request (${verdict.reason})`,
        `status ${successResponse(action).status}, or a refusal for a reason other than the request's form`,
        referenceLocation(context, 'query-params'),
      ),
    );
  return failures;
}

/** The body against the schema of its status; an error of any status is an Error body. */
function bodyRules(context: CheckContext, action: ActionSpec): readonly Failure[] {
  const status = context.exchanges[0].response.status;
  const documented = action.responses.find((response) => response.status === status);
  const schema = documented?.schema ?? (status >= 400 ? 'error' : undefined);
  return [
    ...(schema
      ? [...run(context, { check: 'schema', schema }), ...run(context, { check: 'carriesKeys', schema })]
      : []),
    ...(status >= 400 ? run(context, { check: 'errorBody' }) : []),
    ...(status === 404
      ? run(context, {
          check: 'errorBody',
          type: 'NotFound',
          level: 'SHOULD',
          decision: 'unknownApplication',
        })
      : []),
    ...(status === 401 ? run(context, { check: 'wwwAuthenticate' }) : []),
    ...(AUTH_STATUSES.includes(status) ? run(context, { check: 'noLeak' }) : []),
  ];
}

/** Post: the answer holds every field as sent (MUST); customNodes only if asked (P3). */
function postRules(context: CheckContext, verdict: RequestVerdict): readonly Failure[] {
  const exchange = context.exchanges[0];
  let sent: unknown;
  try {
    sent = JSON.parse(exchange.request.body ?? '');
  } catch {
    return [];
  }
  const created = bodyOf(exchange);
  if (!isRecord(sent) || !isRecord(created)) return [];
  const differences = Object.entries(sent)
    .filter(([key, value]) => !holdsSentField(created, key, value))
    .map(([key]) => `Post answered ${shownField(key, created[key])}`);
  const asked = verdict.query?.values.get('includeCustomNodes') === true;
  return [
    ...(differences.length === 0
      ? []
      : [
          ruleFailure(
            context,
            { check: 'roundTrip', level: 'MUST' },
            differences.slice(0, 5).join('; '),
            'every sent field in the created Workflow as sent (fields added by the server allowed)',
            referenceLocation(context, 'body'),
          ),
        ]),
    ...(asked
      ? []
      : run(context, {
          check: 'customNodes',
          present: false,
          level: 'SHOULD',
          decision: 'postIncludeCustomNodes',
        })),
  ];
}

function successRules(
  context: CheckContext,
  action: ActionSpec,
  verdict: RequestVerdict,
  applicationId: string,
): readonly Failure[] {
  const status = context.exchanges[0].response.status;
  if (status !== successResponse(action).status || verdict.kind === 'refuse') return [];
  switch (action.id) {
    case 'flows.get':
    case 'flows.getByVersion':
      return verdict.query ? collectionRules(context, verdict.query, applicationId) : [];
    case 'flows.post':
      return postRules(context, verdict);
    case 'flows.import':
      return run(context, { check: 'importMaps', level: 'SHOULD', decision: 'importResult' });
  }
}

export interface Judgement {
  readonly failures: readonly Failure[];
  /** Reference rows this exchange exercised, for the coverage table. */
  readonly covers: readonly string[];
}

/**
 * One exchange of an action against the catalog (its status, its body, what the request asked) and
 * against the shadow of what earlier exchanges showed, which it then updates.
 */
export function judgeExchange(
  id: string,
  action: ActionSpec,
  applicationId: string,
  exchange: Exchange,
  verdict: RequestVerdict,
  baseUrl: string,
  shadow: TrafficShadow,
): Judgement {
  const context = exchangeContext(id, action, applicationId, exchange, baseUrl);
  const status = exchange.response.status;
  const failures = [
    ...statusRules(context, action, verdict),
    ...bodyRules(context, action),
    ...successRules(context, action, verdict, applicationId),
    ...statefulRules(
      context,
      action,
      verdict.query,
      applicationId,
      shadow,
      verdict.kind !== 'refuse' && status === successResponse(action).status,
    ),
  ];
  const listed = action.responses.some((response) => response.status === status);
  const covers = [
    ...[...(verdict.query?.given ?? [])].map((name) => queryRow(action, name)),
    ...(listed ? [statusRow(action, status), responseBodyRow(action, status)] : []),
  ];
  return { failures, covers };
}
