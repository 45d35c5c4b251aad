import {
  ACTIONS,
  actionById,
  successResponse,
  scopeRow,
  statusRow,
  pathRow,
  responseBodyRow,
  APPLICATION_ID,
  UNRELATED_SCOPE,
  isUserOnlyScope,
  isCreate,
  type ActionId,
  type ActionSpec,
  type DecisionKey,
} from '../catalog';
import type { CheckRef } from '../../src/checks';
import type { AuthSpec, ConformanceCase, RequestSpec } from '../../src/engine/case';
import type { JsonValue } from '../../src/model/json';
import {
  badRequestChecks,
  badRequestCovers,
  FOLLOW_UP,
  makeCase,
  successChecks,
  successCovers,
  successOf,
  VALID_REQUESTS,
  withQuery,
} from './build';
import { schemaTitle } from '../../src/schemas/registry';

/** Cases that follow from the catalog alone: auth per scope, 400 per invalid value, statuses, schemas. */

const isWrite = (actionId: ActionId): boolean => isCreate(actionById(actionId));

/** The action's valid request, changed as the catalog's recipe of its 400 says. */
export function badRequestOf(
  action: ActionSpec,
  valid: RequestSpec = VALID_REQUESTS[action.id],
): { readonly fact: string; readonly request: RequestSpec; readonly covers: readonly string[] } {
  const recipe = action.badRequest;
  switch (recipe.by) {
    case 'query':
      return {
        fact: 'a malformed query gets 400',
        request: {
          ...valid,
          query: [
            ...(valid.query ?? []).filter(([name]) => name !== recipe.parameter),
            [recipe.parameter, recipe.value],
          ],
        },
        covers: [],
      };
    case 'body':
      return {
        fact: `a body with ${recipe.breaks} gets 400`,
        request: { ...valid, body: recipe.body as JsonValue },
        covers: [],
      };
    case 'path':
      return {
        fact: `a malformed ${recipe.parameter} gets 400`,
        request: { ...valid, path: { ...valid.path, [recipe.parameter]: recipe.value } },
        covers: [pathRow(action, recipe.parameter)],
      };
  }
}

/** The valid request under another credential; a write is followed by a Get of what it may have created. */
function asRequests(actionId: ActionId, auth: AuthSpec): RequestSpec[] {
  const request = { ...VALID_REQUESTS[actionId], auth };
  return isWrite(actionId) ? [request, FOLLOW_UP] : [request];
}

interface Refusal {
  readonly fact: string;
  readonly auth: AuthSpec;
  /** The status decision 1 names (SHOULD); 401 or 403 is the MUST. */
  readonly exact: 401 | 403;
  /** Decision 1: nothing of the application asked for in the body, not even its id. */
  readonly hidesApplication?: boolean;
}

/**
 * A scope the action accepts and the tokens endpoint can mint (decision 15): a revoked or expired token
 * of it is refused for its revocation or expiry alone, never for a missing scope.
 */
const mintableAcceptedScope = (actionId: ActionId): string => {
  const scope = actionById(actionId).acceptedScopes.find((candidate) => !isUserOnlyScope(candidate));
  if (scope === undefined) throw new Error(`${actionId} accepts no scope the tokens endpoint can mint`);
  return scope;
};

function refusalsOf(actionId: ActionId): Refusal[] {
  const scope = mintableAcceptedScope(actionId);
  return [
    { fact: 'no Authorization header is refused', auth: { kind: 'none' }, exact: 401 },
    { fact: 'a malformed Authorization header is refused', auth: { kind: 'malformed' }, exact: 401 },
    { fact: 'an unknown token is refused', auth: { kind: 'unknown' }, exact: 401 },
    { fact: `a revoked ${scope} token is refused`, auth: { kind: 'revoked', scope }, exact: 401 },
    { fact: `an expired ${scope} token is refused`, auth: { kind: 'expired', scope }, exact: 401 },
    {
      fact: `a token with only ${UNRELATED_SCOPE} is refused`,
      auth: { kind: 'scope', scope: UNRELATED_SCOPE },
      exact: 403,
    },
    {
      fact: 'a token of another application is refused and sees nothing',
      auth: { kind: 'otherApplication', scope: 'flows.*' },
      exact: 403,
      hidesApplication: true,
    },
    ...scopesOfOtherActions(actionId).map((other) => ({
      fact: `a token with only ${other} is refused`,
      auth: { kind: 'scope', scope: other } as const,
      exact: 403 as const,
    })),
  ];
}

/**
 * The scopes other Flows actions accept and this one does not: a server that reads `flows.*` as a
 * pattern, or a `.read` scope as enough to write, lets them through (API-wide conventions).
 */
const scopesOfOtherActions = (actionId: ActionId): string[] => {
  const accepted = new Set(actionById(actionId).acceptedScopes);
  return [...new Set(ACTIONS.flatMap((action) => action.acceptedScopes))].filter(
    (scope) => !accepted.has(scope),
  );
};

/**
 * MUST: refused with 401 or 403, an Error body, no data (decision 1's MUST part); a 401 carries a
 * Bearer challenge (RFC 7235 §3.1); a refused write created nothing (a 4xx changes no state).
 * SHOULD: the exact status of decision 1.
 */
function refusalChecks(actionId: ActionId, refusal: Pick<Refusal, 'exact' | 'hidesApplication'>): CheckRef[] {
  return [
    { check: 'status', expect: [401, 403] },
    { check: 'errorBody' },
    { check: 'noLeak', hidesApplication: refusal.hidesApplication },
    { check: 'wwwAuthenticate' },
    { check: 'status', expect: [refusal.exact], decision: 'authFailures' },
    ...(isWrite(actionId) ? [{ check: 'nothingCreated', at: 1 } as const] : []),
  ];
}

export function authCases(actionId: ActionId): ConformanceCase[] {
  const action = actionById(actionId);
  const accepted = action.acceptedScopes.map((scope) =>
    makeCase({
      action: actionId,
      fact: `a token with only ${scope} is accepted`,
      aspect: 'auth',
      covers: [scopeRow(action, scope)],
      requests: [{ ...VALID_REQUESTS[actionId], auth: { kind: 'scope', scope } }],
      checks: [{ check: 'status', expect: [successOf(actionId)] }],
    }),
  );
  const refused = refusalsOf(actionId).map((refusal) =>
    makeCase({
      action: actionId,
      fact: refusal.fact,
      aspect: 'auth',
      requests: asRequests(actionId, refusal.auth),
      checks: refusalChecks(actionId, refusal),
    }),
  );
  return [...accepted, ...refused, ...foreignApplicationCases(actionId)];
}

/**
 * No credential of the run reaches an application of another user (`--foreign-application-id`): the
 * run's own credential and a token of each accepted scope get 403 or 404, an Error body and nothing of
 * that application (API-wide conventions: a user token reaches the applications of its user).
 */
function foreignApplicationCases(actionId: ActionId): ConformanceCase[] {
  const action = actionById(actionId);
  const credentials: { name: string; auth: AuthSpec }[] = [
    { name: 'the run’s own credential', auth: { kind: 'principal' } },
    ...action.acceptedScopes.map((scope) => ({
      name: `a token with ${scope}`,
      auth: { kind: 'scope', scope } as const,
    })),
  ];
  return credentials.map(({ name, auth }) =>
    makeCase({
      action: actionId,
      fact: `${name} does not reach another user’s application`,
      aspect: 'auth',
      requests: [{ ...VALID_REQUESTS[actionId], auth, application: 'foreign' }],
      checks: [
        { check: 'status', expect: [403, 404] },
        { check: 'errorBody' },
        { check: 'noLeak', hidesApplication: true },
      ],
    }),
  );
}

/** Decision 3: every value outside what the catalog accepts is a 400 (MUST); perPage above 1000 SHOULD. */
export function invalidQueryCases(actionId: ActionId): ConformanceCase[] {
  const action = actionById(actionId);
  return action.query.flatMap((parameter) => {
    const invalid = (value: string, decision?: DecisionKey) =>
      makeCase({
        action: actionId,
        fact: `${parameter.name}=${value} gets 400`,
        aspect: 'query',
        decision,
        covers: badRequestCovers(actionId, parameter.name),
        requests: [withQuery(actionId, [[parameter.name, value]])],
        checks: badRequestChecks,
      });
    const kind = parameter.value;
    switch (kind.kind) {
      case 'enum':
        return [invalid('bogus')];
      case 'nonNegativeInteger':
        return [
          invalid('-1'),
          invalid('abc'),
          ...(kind.minimum ? [invalid(String(kind.minimum - 1))] : []),
          ...(kind.shouldMaximum ? [invalid(String(kind.shouldMaximum + 1), 'queryValidation')] : []),
        ];
      case 'triggerFilter':
        return [
          makeCase({
            action: actionId,
            fact: 'a malformed triggerFilter gets 400',
            aspect: 'query',
            covers: badRequestCovers(actionId, parameter.name),
            requests: [withQuery(actionId, [[`${parameter.name}[0][color]`, 'red']])],
            checks: badRequestChecks,
          }),
        ];
      case 'string':
        return parameter.required
          ? [
              makeCase({
                action: actionId,
                fact: `a missing ${parameter.name} gets 400`,
                aspect: 'query',
                covers: badRequestCovers(actionId, parameter.name),
                requests: [withQuery(actionId, [], [parameter.name])],
                checks: badRequestChecks,
              }),
            ]
          : [];
      default:
        return [];
    }
  });
}

/**
 * A body that is not JSON gets 400 and creates nothing (a lenient parser would create "not json"):
 * for every action that takes a body.
 */
function notJsonCases(actionId: ActionId): ConformanceCase[] {
  const action = actionById(actionId);
  if (!action.requestBody) return [];
  const nothingCreated: CheckRef[] = isWrite(actionId) ? [{ check: 'nothingCreated', at: 1 }] : [];
  return [
    makeCase({
      action: actionId,
      fact: 'a body that is not JSON gets 400',
      aspect: 'status',
      covers: [statusRow(action, 400)],
      requests: [
        { ...VALID_REQUESTS[actionId], body: { raw: '{"name": "{case}not json",' } },
        ...(nothingCreated.length ? [FOLLOW_UP] : []),
      ],
      checks: [{ check: 'status', expect: [400] }, ...nothingCreated],
    }),
  ];
}

/** Every status the reference lists, provoked. */
export function statusCases(actionId: ActionId): ConformanceCase[] {
  const action = actionById(actionId);
  const success = successOf(actionId);
  const badRequest = badRequestOf(action);
  return [
    makeCase({
      action: actionId,
      fact: `a valid request gets ${success}`,
      aspect: 'status',
      covers: [statusRow(action, success)],
      requests: [VALID_REQUESTS[actionId]],
      checks: [{ check: 'status', expect: [success] }],
    }),
    makeCase({
      action: actionId,
      fact: badRequest.fact,
      aspect: 'status',
      covers: [statusRow(action, 400), ...badRequest.covers],
      requests: [badRequest.request],
      checks: [{ check: 'status', expect: [400] }],
    }),
    ...notJsonCases(actionId),
    makeCase({
      action: actionId,
      fact: 'an unknown application gets 404',
      aspect: 'status',
      covers: [statusRow(action, 404), pathRow(action, APPLICATION_ID.name)],
      requests: [{ ...VALID_REQUESTS[actionId], application: 'unknown' }],
      checks: [{ check: 'status', expect: [404] }],
    }),
    makeCase({
      action: actionId,
      fact: 'a malformed application id gets 400 or 404',
      aspect: 'status',
      covers: [pathRow(action, APPLICATION_ID.name)],
      requests: [{ ...VALID_REQUESTS[actionId], application: 'malformed' }],
      checks: [
        { check: 'status', expect: [400, 404] },
        { check: 'errorBody' },
        { check: 'status', expect: [400], decision: 'unknownApplication' },
      ],
    }),
  ];
}

/** Every body the action answers validates against its schema. */
export function schemaCases(actionId: ActionId): ConformanceCase[] {
  const action = actionById(actionId);
  const errorCase = (fact: string, status: number, request: RequestSpec, extra: CheckRef[] = []) =>
    makeCase({
      action: actionId,
      fact,
      aspect: 'schema',
      covers: [responseBodyRow(action, status)],
      requests: [request],
      checks: [
        { check: 'schema', schema: 'error' },
        { check: 'carriesKeys', schema: 'error' },
        { check: 'errorBody' },
        ...extra,
      ],
    });
  return [
    makeCase({
      action: actionId,
      fact: `the ${successOf(actionId)} body is a valid ${schemaTitle(successResponse(action).schema)}`,
      aspect: 'schema',
      covers: successCovers(actionId),
      requests: [VALID_REQUESTS[actionId]],
      checks: successChecks(actionId),
    }),
    errorCase('the 400 body is an Error', 400, badRequestOf(action).request),
    errorCase(
      'the 404 body is an Error of type NotFound',
      404,
      { ...VALID_REQUESTS[actionId], application: 'unknown' },
      [{ check: 'errorBody', type: 'NotFound', decision: 'unknownApplication' }],
    ),
    makeCase({
      action: actionId,
      fact: 'the 401 body is an Error',
      aspect: 'schema',
      requests: [{ ...VALID_REQUESTS[actionId], auth: { kind: 'none' } }],
      checks: [{ check: 'schema', schema: 'error' }, { check: 'errorBody' }],
    }),
  ];
}

/** Decision 3: unknown query parameters are ignored (the official client sends `_actions`, `_links`, `_embedded`). */
export const unknownQueryCase = (actionId: ActionId): ConformanceCase =>
  makeCase({
    action: actionId,
    fact: 'unknown query parameters are ignored',
    aspect: 'query',
    decision: 'queryValidation',
    requests: [
      withQuery(actionId, [
        ['_actions', 'false'],
        ['_links', 'true'],
        ['_embedded', 'true'],
      ]),
    ],
    checks: successChecks(actionId),
  });
