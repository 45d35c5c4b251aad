import type { ActionSpec, DecisionKey, QueryParameter } from '../../specs/catalog';
import type { Level } from '../model/results';
import { describeViolation, validatorFor } from '../schemas/registry';
import { parseJsonBody } from '../mock/body';
import { DEFAULT_BODY_LIMIT_BYTES } from '../mock/defaults';
import { behaviourOf } from '../mock/behaviour';
import { OBJECT_ID_PATTERN } from '../mock/ids';
import { importProblem } from '../mock/import';
import { decodeQueryText, encodeTypedQuery } from '../model/query-codec';
import { parseQuery, type ParsedQuery } from '../mock/query';

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
      /** The query as the reference reads it (refuse: absent when the query itself is refused). */
      readonly query?: ParsedQuery;
    }
  | { readonly kind: 'open'; readonly reason: string; readonly query?: ParsedQuery };

export interface JudgedRequest {
  readonly action: ActionSpec;
  readonly applicationId: string;
  readonly rawQuery: string;
  readonly contentType?: string;
  readonly authorization?: string;
  /** The body as received, or undefined when none was sent; `truncated` when only a part was kept. */
  readonly body?: { readonly text: string; readonly bytes: number; readonly truncated: boolean };
}

/** The reference mock's own validation, with no fault on: the reference's reading of a query and a body. */
const REFERENCE = behaviourOf().query;

const refuse = (level: Level, reason: string, decision?: DecisionKey): RequestVerdict => ({
  kind: 'refuse',
  level,
  reason,
  ...(decision && { decision }),
});

/** The message of a refusal the mock's validation threw (an ApiError), or rethrows anything else. */
function refusalOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof Error && typeof (error as { statusCode?: unknown }).statusCode === 'number')
      return error.message;
    throw error;
  }
}

/**
 * The query parameters whose value only a decision settles (P5, decision 3's SHOULD part): given twice,
 * blank where the reference gives a default, perPage above its SHOULD maximum.
 */
function decidedByDecision(
  parameter: QueryParameter,
  raw: unknown,
): { reason: string; decision: DecisionKey; serve: boolean } | undefined {
  if (Array.isArray(raw) && parameter.value.kind !== 'triggerFilter')
    return { reason: `${parameter.name} is given more than once`, decision: 'queryEdges', serve: false };
  if (raw === '' && parameter.name !== 'filter' && parameter.name !== 'filterField' && !parameter.required)
    return parameter.default === ''
      ? { reason: `a blank ${parameter.name} counts as absent`, decision: 'queryEdges', serve: true }
      : { reason: `a blank ${parameter.name} is no accepted value`, decision: 'queryEdges', serve: false };
  const kind = parameter.value;
  if (
    kind.kind === 'nonNegativeInteger' &&
    kind.shouldMaximum !== undefined &&
    typeof raw === 'string' &&
    /^\d{1,15}$/.test(raw) &&
    Number(raw) > kind.shouldMaximum
  )
    return {
      reason: `${parameter.name} above ${kind.shouldMaximum}`,
      decision: 'queryValidation',
      serve: false,
    };
  return undefined;
}

function queryVerdict(action: ActionSpec, rawQuery: string): RequestVerdict {
  let parsed: Record<string, unknown>;
  try {
    parsed = decodeQueryText(rawQuery);
  } catch {
    return { kind: 'open', reason: 'a query beyond the bounds the reference mock parses' };
  }
  const known = new Set(action.query.map((parameter) => parameter.name));
  const decided = action.query.flatMap((parameter) => {
    const found = Object.prototype.hasOwnProperty.call(parsed, parameter.name)
      ? decidedByDecision(parameter, parsed[parameter.name])
      : undefined;
    return found ? [{ name: parameter.name, ...found }] : [];
  });
  // What the reference itself (MUST) says: the query without the parameters only a decision settles.
  const rest = Object.fromEntries(
    Object.entries(parsed).filter(([name]) => !decided.some((entry) => entry.name === name)),
  );
  const restQuery = encodeTypedQuery(rest);
  let query: ParsedQuery | undefined;
  const refused = refusalOf(() => (query = parseQuery(action, restQuery, REFERENCE)));
  if (refused !== undefined) return refuse('MUST', refused);
  const toRefuse = decided.find((entry) => !entry.serve);
  if (toRefuse) return { ...refuse('SHOULD', toRefuse.reason, toRefuse.decision), query };
  const toServe = decided.find((entry) => entry.serve);
  if (toServe)
    return { kind: 'serve', level: 'SHOULD', reason: toServe.reason, decision: toServe.decision, query };
  const unknown = Object.keys(parsed).filter((name) => !known.has(name));
  if (unknown.length > 0)
    return {
      kind: 'serve',
      level: 'SHOULD',
      reason: `unknown query parameters (${unknown.slice(0, 5).join(', ')}) are ignored`,
      decision: 'queryValidation',
      query,
    };
  return { kind: 'serve', level: 'MUST', reason: 'a valid request', query };
}

const JSON_MEDIA_TYPE = /^\s*application\/([\w.+-]+\+)?json\s*(;|$)/i;

function bodyVerdict(request: JudgedRequest): RequestVerdict | undefined {
  const { action, body } = request;
  if (!action.requestBody) return undefined;
  if (body === undefined || body.text.trim() === '') return refuse('MUST', 'a body is required');
  if (body.bytes > DEFAULT_BODY_LIMIT_BYTES || body.truncated)
    return refuse('SHOULD', `a body above ${DEFAULT_BODY_LIMIT_BYTES} bytes`, 'bodyLimits');
  if (!JSON_MEDIA_TYPE.test(request.contentType ?? ''))
    return refuse('SHOULD', `a body sent as ${request.contentType ?? 'no Content-Type'}`, 'bodyLimits');
  let value: unknown;
  try {
    value = JSON.parse(body.text) as unknown;
  } catch {
    return refuse('MUST', 'the body is not JSON');
  }
  const unsound = refusalOf(() => parseJsonBody(body.text));
  if (unsound !== undefined) return refuse('SHOULD', unsound, 'bodyLimits');
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
