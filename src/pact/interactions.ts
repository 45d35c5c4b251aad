import {
  ACTIONS,
  APPLICATION_ID_EXAMPLE,
  UNRELATED_SCOPE,
  USER_TOKEN_SCOPE,
  successResponse,
  type ActionSpec,
  type PathValues,
  type SchemaName,
} from '../../specs/catalog';
import {
  APPLICATION_DOES_NOT_EXIST,
  APPLICATION_EXISTS,
  APPLICATION_HAS_FLOWS,
  NO_VALID_TOKEN,
  ownScope,
  tokenWithScope,
  type ProviderStateRef,
} from '../../specs/catalog/provider-states';
import { errorExample, schemaExample, validRequestBody } from './examples';
import { queryWith, requiredQuery, successQueries, type QueryCase, type QueryPairs } from './queries';

/** One consumer interaction, derived from the catalog: one test, one request through the typed client. */
export interface PactCase {
  readonly action: ActionSpec;
  /** Unique in the pact: `flows.get: 200 sortField=name`. */
  readonly description: string;
  readonly states: readonly ProviderStateRef[];
  readonly applicationId: string;
  /** Path values sent as they are rather than taken from a provider state (a malformed id). */
  readonly literalPath?: PathValues;
  readonly query: QueryPairs;
  readonly requestBody?: unknown;
  readonly status: number;
  /** The JSON Schema the response body must satisfy. */
  readonly responseSchema: SchemaName;
  readonly responseExample: unknown;
}

/** The refusals decision 1 adds to every action; their bodies are Error bodies. */
export const AUTH_REFUSALS = [
  { status: 401, label: 'no valid token', token: NO_VALID_TOKEN },
  { status: 403, label: `token with scope ${UNRELATED_SCOPE} only`, token: tokenWithScope(UNRELATED_SCOPE) },
] as const;

function refusal(
  action: ActionSpec,
  status: number,
  label: string,
  states: readonly ProviderStateRef[],
  query: QueryCase,
  body: unknown,
): PactCase {
  const application = states[0];
  return {
    action,
    description: `${action.id}: ${status} ${label}`,
    states,
    applicationId: application.params.applicationId,
    query: query.pairs,
    requestBody: body,
    status,
    responseSchema: 'error',
    responseExample: errorExample(status),
  };
}

function successes(action: ActionSpec): PactCase[] {
  const response = successResponse(action);
  // A read answers flows that must be there; a create needs the application only.
  const data = action.kind === 'create' ? APPLICATION_EXISTS : APPLICATION_HAS_FLOWS;
  return successQueries(action).map((query) => ({
    action,
    description: `${action.id}: ${response.status} ${query.label || 'no query'}`,
    states: [data, tokenWithScope(ownScope(action))],
    applicationId: APPLICATION_ID_EXAMPLE,
    query: query.pairs,
    requestBody: validRequestBody(action),
    status: response.status,
    responseSchema: response.schema,
    responseExample: schemaExample(response.schema),
  }));
}

/** The 400, provoked as the catalog's recipe of the action says. */
function malformed(action: ActionSpec): PactCase {
  const states = [APPLICATION_EXISTS, tokenWithScope(ownScope(action))];
  const recipe = action.badRequest;
  switch (recipe.by) {
    case 'query': {
      const query = queryWith(action, recipe.parameter, recipe.value);
      return refusal(action, 400, query.label, states, query, validRequestBody(action));
    }
    case 'body':
      return refusal(action, 400, `body with ${recipe.breaks}`, states, requiredQuery(action), recipe.body);
    case 'path':
      return {
        ...refusal(
          action,
          400,
          `malformed ${recipe.parameter}`,
          states,
          requiredQuery(action),
          validRequestBody(action),
        ),
        literalPath: { [recipe.parameter]: recipe.value },
      };
  }
}

/** Every interaction of one action: successes, 400, 404, then the auth refusals. */
export function pactCasesFor(action: ActionSpec): readonly PactCase[] {
  const statuses = new Set(action.responses.map((response) => response.status));
  const required = requiredQuery(action);
  const body = validRequestBody(action);
  const cases = [...successes(action)];
  if (statuses.has(400)) cases.push(malformed(action));
  if (statuses.has(404))
    cases.push(
      refusal(
        action,
        404,
        'unknown application',
        [APPLICATION_DOES_NOT_EXIST, tokenWithScope(USER_TOKEN_SCOPE)],
        required,
        body,
      ),
    );
  for (const auth of AUTH_REFUSALS)
    cases.push(refusal(action, auth.status, auth.label, [APPLICATION_EXISTS, auth.token], required, body));
  return cases;
}

export const ALL_PACT_CASES: readonly PactCase[] = ACTIONS.flatMap((action) => [...pactCasesFor(action)]);
