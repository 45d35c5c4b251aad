import {
  actionById,
  MALFORMED_APPLICATION_ID,
  pathFor,
  UNKNOWN_APPLICATION_ID,
  UNRELATED_SCOPE,
} from '../../specs/catalog';
import { encodeQueryPairs } from '../model/query-codec';
import { TokenUnavailable, type TokenProvider } from '../target/credentials';
import { bearer, JSON_HEADERS, type HttpRequest } from '../http/transport';
import { isRawBody, type AuthSpec, type ConformanceCase, type RequestSpec } from './case';
import { expandJson, expandText, type Placeholders } from './template';

/** Looks like a token, is none. */
export const UNKNOWN_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmbG93cy1jb25mb3JtYW5jZSJ9.bm90LWEtdG9rZW4';

export { UNRELATED_SCOPE };

async function authorization(auth: AuthSpec, tokens: TokenProvider): Promise<Record<string, string>> {
  switch (auth.kind) {
    case 'principal':
      return bearer(await tokens.principalToken());
    case 'scope':
      return bearer(await tokens.tokenFor(auth.scope));
    case 'none':
      return {};
    case 'malformed':
      return { authorization: 'Bearer' };
    case 'unknown':
      return bearer(UNKNOWN_TOKEN);
    case 'revoked':
      return bearer(await tokens.revokedToken(auth.scope));
    case 'expired':
      return bearer(await tokens.expiredToken(auth.scope));
    case 'otherApplication':
      return bearer(await tokens.otherApplicationToken(auth.scope));
  }
}

/** What the token of a request is, for showing it in place of the token (`token with flows.get`). */
export function authLabel(auth: AuthSpec): string | undefined {
  switch (auth.kind) {
    case 'principal':
      return 'your admin or user token';
    case 'scope':
      return `token with ${auth.scope}`;
    case 'unknown':
      return 'a well-formed token the server does not know';
    case 'revoked':
      return `revoked token with ${auth.scope}`;
    case 'expired':
      return `expired token with ${auth.scope}`;
    case 'otherApplication':
      return `token of the other application with ${auth.scope}`;
    case 'none':
    case 'malformed':
      return undefined;
  }
}

function applicationIdFor(application: NonNullable<RequestSpec['application']>, context: RequestContext) {
  switch (application) {
    case 'own':
      return context.applicationId;
    case 'unknown':
      return UNKNOWN_APPLICATION_ID;
    case 'malformed':
      return MALFORMED_APPLICATION_ID;
    case 'foreign':
      if (context.foreignApplicationId === undefined)
        throw new TokenUnavailable(
          'no application of another user given (--foreign-application-id): the credentials cannot be shown not to reach one',
        );
      return context.foreignApplicationId;
  }
}

export interface RequestContext {
  readonly testCase: ConformanceCase;
  readonly applicationId: string;
  readonly foreignApplicationId?: string;
  readonly placeholders: Placeholders;
  readonly tokens: TokenProvider;
}

/** The HTTP request a RequestSpec stands for; rejects with TokenUnavailable when its token cannot be had. */
export async function buildRequest(spec: RequestSpec, context: RequestContext): Promise<HttpRequest> {
  const action = actionById(spec.action ?? context.testCase.action);
  const application = spec.application ?? 'own';
  const applicationId = applicationIdFor(application, context);
  const headers: Record<string, string> = { accept: JSON_HEADERS.accept };
  let body: string | undefined;
  if (spec.body !== undefined) {
    if (isRawBody(spec.body)) {
      body = expandText(spec.body.raw, context.placeholders);
      headers['content-type'] = spec.body.contentType ?? JSON_HEADERS['content-type'];
    } else {
      body = JSON.stringify(expandJson(spec.body, context.placeholders));
      headers['content-type'] = JSON_HEADERS['content-type'];
    }
  }
  const auth = spec.auth ?? { kind: 'principal' };
  Object.assign(headers, await authorization(auth, context.tokens));
  const label = authLabel(auth);
  const pathValues = Object.fromEntries(
    Object.entries(spec.path ?? {}).map(([name, value]) => [name, expandText(value, context.placeholders)]),
  );
  const query = spec.query?.map(([name, value]) => [name, expandText(value, context.placeholders)] as const);
  return {
    method: action.method,
    path: pathFor(action, { ...pathValues, APPLICATION_ID: applicationId }),
    query: query && encodeQueryPairs(query),
    headers,
    body,
    ...(label === undefined ? {} : { authLabel: label }),
  };
}

export { TokenUnavailable };
