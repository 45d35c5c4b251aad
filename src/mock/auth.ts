import { forbidden, notFound, unauthorized, badRequest } from './errors';
import type { AuthBehaviour } from './behaviour';
import { isObjectId } from './ids';
import type { ApplicationState, MockStore, TokenRecord } from './store';
import { emptyApplication } from './store';
import { USER_TOKEN_SCOPE } from '../../specs/catalog';

/** `Authorization: Bearer <token>`, the only scheme the API knows (case-insensitive scheme name). */
const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  return BEARER.exec(header)?.[1];
}

/** Decision 1: no, malformed, unknown, revoked or expired token → 401. */
export function authenticate(
  store: MockStore,
  header: string | string[] | undefined,
  behaviour: AuthBehaviour,
): TokenRecord {
  const secret = bearerToken(header);
  const now = behaviour.acceptsExpired ? Number.NEGATIVE_INFINITY : Date.now();
  const token = secret === undefined ? undefined : store.usableToken(secret, now, behaviour.acceptsRevoked);
  if (token) return token;
  if (behaviour.anonymousIsUser) {
    return {
      id: '',
      secret: '',
      userId: store.userId,
      applicationId: null,
      scopes: new Set([USER_TOKEN_SCOPE]),
      expiresAt: undefined,
      revoked: false,
    };
  }
  if (secret === undefined) {
    throw header === undefined
      ? unauthorized('Authorization header is missing')
      : unauthorized('Authorization header is not "Bearer <token>"', 'invalid_request');
  }
  throw unauthorized('Invalid access token', 'invalid_token');
}

/** A token passes when it holds at least one of the accepted scopes (literal entries, no patterns). */
export function authorize(
  token: TokenRecord,
  acceptedScopes: readonly string[],
  { scopeCheck }: AuthBehaviour,
): void {
  if (scopeCheck === 'none') return;
  for (const scope of acceptedScopes) if (token.scopes.has(scope)) return;
  if (scopeCheck === 'prefix') {
    const prefixes = acceptedScopes
      .filter((scope) => scope.endsWith('.*'))
      .map((scope) => scope.slice(0, -1));
    if ([...token.scopes].some((scope) => prefixes.some((prefix) => scope.startsWith(prefix)))) return;
  }
  throw forbidden(`Token does not hold any of the scopes this action accepts: ${acceptedScopes.join(', ')}`);
}

/**
 * The application a request names, checked in this order: malformed id → 400 (decision 2), a token bound
 * to another application → 403 without a word about the other one (decision 1), unknown → 404.
 */
export function applicationFor(
  store: MockStore,
  token: TokenRecord,
  applicationId: string,
  behaviour: AuthBehaviour,
): ApplicationState {
  if (!isObjectId(applicationId)) throw badRequest('applicationId must be a 24-character hex id');
  const id = applicationId.toLowerCase();
  if (token.applicationId !== null && token.applicationId !== id && behaviour.bindsTokenToApplication) {
    throw forbidden(
      behaviour.forbiddenNamesApplication
        ? `Token is not valid for application ${id}`
        : 'Token is not valid for this application',
    );
  }
  const application = store.application(id);
  // Another user's application is, to this token, one that does not exist.
  if (application && (application.ownerId === token.userId || behaviour.reachesForeignApplications))
    return application;
  if (!application && behaviour.unknownApplicationIsEmpty) return emptyApplication(id, token.userId);
  throw notFound('Application was not found');
}
