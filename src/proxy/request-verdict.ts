import type { ActionSpec, DecisionKey } from '../../specs/catalog';
import type { Level } from '../model/results';
import { describeViolation, validatorFor } from '../schemas/registry';
import { nestsDeeperThan } from '../http/transport';
import { decodeQueryText, MalformedQuery } from '../model/query-codec';
import { BODY_LIMIT_BYTES, BODY_MAX_DEPTH, PROTO_MEMBER } from '../model/resource/body-limits';
import { importProblem } from '../model/resource/import-bundle';
import { OBJECT_ID_PATTERN } from '../model/resource/object-id';
import { readQuery, type QueryReading } from '../model/resource/query-reading';

/** A query the model read into effective values. */
export type ReadQuery = Extract<QueryReading, { kind: 'read' }>;

/**
 * What the reference says of a request, before the answer is seen. `refuse`: it must be refused (a 2xx
 * breaks the rule at `level`); `serve`: it must not be refused as malformed (a 400 breaks the rule at
 * `level`); `open`: the reference lets the server choose.
 */
export type RequestVerdict =
  | {
      readonly kind: 'refuse' | 'serve';
      readonly level: Level;
      readonly reason: string;
      readonly decision?: DecisionKey;
      /** The query as the model reads it (absent when the query itself is refused). */
      readonly query?: ReadQuery;
    }
  | { readonly kind: 'open'; readonly reason: string; readonly query?: ReadQuery };

export interface JudgedRequest {
  readonly action: ActionSpec;
  readonly applicationId: string;
  readonly rawQuery: string;
  readonly contentType?: string;
  readonly authorization?: string;
  /** The body as received, or undefined when none was sent; `truncated` when only a part was kept. */
  readonly body?: { readonly text: string; readonly bytes: number; readonly truncated: boolean };
}

const refuse = (level: Level, reason: string, decision?: DecisionKey): RequestVerdict => ({
  kind: 'refuse',
  level,
  reason,
  ...(decision && { decision }),
});

/** P5's parameters given blank that count as absent: a 400 for them breaks only the decision. */
const blankAsAbsent = (action: ActionSpec, parsed: Record<string, unknown>): string | undefined =>
  action.query.find(
    (parameter) =>
      parsed[parameter.name] === '' &&
      parameter.default === '' &&
      parameter.name !== 'filter' &&
      parameter.name !== 'filterField',
  )?.name;

/** The model's reading of the query (decision 3, P5), as a verdict on the request. */
function queryVerdict(action: ActionSpec, rawQuery: string): RequestVerdict {
  let parsed: Record<string, unknown>;
  try {
    parsed = decodeQueryText(rawQuery);
  } catch (error) {
    if (!(error instanceof MalformedQuery)) throw error;
    return { kind: 'open', reason: 'a query beyond the bounds the model parses' };
  }
  const reading = readQuery(action, rawQuery);
  if (reading.kind === 'refused')
    return reading.level === 'MUST'
      ? refuse('MUST', reading.reason)
      : refuse('SHOULD', reading.reason, reading.location.includes('P5') ? 'queryEdges' : 'queryValidation');
  const blank = blankAsAbsent(action, parsed);
  if (blank !== undefined)
    return {
      kind: 'serve',
      level: 'SHOULD',
      reason: `a blank ${blank} counts as absent`,
      decision: 'queryEdges',
      query: reading,
    };
  const known = new Set(action.query.map((parameter) => parameter.name));
  const unknown = Object.keys(parsed).filter((name) => !known.has(name));
  if (unknown.length > 0 || reading.cap === 'SHOULD')
    return {
      kind: 'serve',
      level: 'SHOULD',
      reason: `unknown query parameters (${unknown.slice(0, 5).join(', ')}) are ignored`,
      decision: 'queryValidation',
      query: reading,
    };
  return { kind: 'serve', level: 'MUST', reason: 'a valid request', query: reading };
}

const JSON_MEDIA_TYPE = /^\s*application\/([\w.+-]+\+)?json\s*(;|$)/i;

function bodyVerdict(request: JudgedRequest): RequestVerdict | undefined {
  const { action, body } = request;
  if (!action.requestBody) return undefined;
  if (body === undefined || body.text.trim() === '') return refuse('MUST', 'a body is required');
  if (body.bytes > BODY_LIMIT_BYTES || body.truncated)
    return refuse('SHOULD', `a body above ${BODY_LIMIT_BYTES} bytes`, 'bodyLimits');
  if (!JSON_MEDIA_TYPE.test(request.contentType ?? ''))
    return refuse('SHOULD', `a body sent as ${request.contentType ?? 'no Content-Type'}`, 'bodyLimits');
  if (nestsDeeperThan(body.text, BODY_MAX_DEPTH))
    return refuse('SHOULD', `a body nesting deeper than ${BODY_MAX_DEPTH} levels`, 'bodyLimits');
  let value: unknown;
  try {
    value = JSON.parse(body.text) as unknown;
  } catch {
    return refuse('MUST', 'the body is not JSON');
  }
  if (PROTO_MEMBER.test(body.text)) return refuse('SHOULD', 'a body with a __proto__ key', 'bodyLimits');
  const violations = validatorFor(action.requestBody.schema)(value);
  if (violations.length > 0)
    return refuse('MUST', `the body is no ${action.requestBody.schema}: ${describeViolation(violations[0])}`);
  if (action.id === 'flows.import') {
    const problem = importProblem(value);
    if (problem !== undefined)
      return refuse(
        'SHOULD',
        problem,
        problem.includes('defaultVersionId') ? 'importDefaultVersion' : 'importResult',
      );
  }
  return undefined;
}

/**
 * The verdict on a request of one of the four actions: the application id (decision 2), then the
 * query (decision 3, P5), then the body (the action's schema, decisions 11 and P2). The first refusal
 * wins; otherwise the query's verdict (which says whether unknown parameters were given).
 */
export function requestVerdict(request: JudgedRequest): RequestVerdict {
  const query = queryVerdict(request.action, request.rawQuery);
  const parsedQuery = 'query' in query ? query.query : undefined;
  if (!OBJECT_ID_PATTERN.test(request.applicationId))
    return {
      ...refuse(
        'MUST',
        `the application id "${request.applicationId.slice(0, 40)}" is not 24 hex digits`,
        'unknownApplication',
      ),
      query: parsedQuery,
    };
  if (request.authorization === undefined || request.authorization.trim() === '')
    return {
      ...refuse('MUST', 'no Authorization header: every action requires a token'),
      query: parsedQuery,
    };
  if (query.kind === 'refuse' && query.level === 'MUST') return query;
  const body = bodyVerdict(request);
  if (body && (body.kind !== 'refuse' || body.level === 'MUST' || query.kind !== 'refuse'))
    return { ...body, query: parsedQuery };
  return query;
}
