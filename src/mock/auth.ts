import { forbidden, notFound, unauthorized, badRequest } from './errors';
import type { AuthBehaviour } from './behaviour';
import { isObjectId } from './ids';
import type { ApplicationState, MockStore, TokenRecord } from './store';
import { emptyApplication } from './store';
import { USER_TOKEN_SCOPE } from '../../specs/catalog';
import {
  accessRefusals,
  type ApplicationTarget,
  type Principal,
  type Refusal,
} from '../model/resource/access';

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

/** The scopes the model sees a token hold: as held, or as the scope faults widen them. */
function scopesSeen(token: TokenRecord, acceptedScopes: readonly string[], { scopeCheck }: AuthBehaviour) {
  if (scopeCheck === 'none') return acceptedScopes;
  const held = [...token.scopes];
  if (scopeCheck === 'exact') return held;
  const prefixes = acceptedScopes.filter((scope) => scope.endsWith('.*')).map((scope) => scope.slice(0, -1));
  const widened = held.some((scope) => prefixes.some((prefix) => scope.startsWith(prefix)));
  return widened ? [...held, ...acceptedScopes] : held;
}

/** The application a request names, as the model tells them apart; the application faults blur it. */
function targetOf(
  store: MockStore,
  token: TokenRecord,
  applicationId: string,
  behaviour: AuthBehaviour,
): { target: ApplicationTarget; application?: ApplicationState } {
  if (!isObjectId(applicationId)) return { target: 'malformed' };
  const id = applicationId.toLowerCase();
  const application = store.application(id);
  if (!application)
    return behaviour.unknownApplicationIsEmpty
      ? { target: 'own', application: emptyApplication(id, token.userId) }
      : { target: 'unknown' };
  const reached = application.ownerId === token.userId || behaviour.reachesForeignApplications;
  return { target: reached ? 'own' : 'foreign', application };
}

/** The mock's words for each refusal the model decides (texts are the mock's choice). */
function refusalError(
  refusal: Refusal,
  acceptedScopes: readonly string[],
  id: string,
  behaviour: AuthBehaviour,
) {
  switch (refusal.kind) {
    case 'scope':
      return forbidden(
        `Token does not hold any of the scopes this action accepts: ${acceptedScopes.join(', ')}`,
      );
    case 'malformed':
      return badRequest('applicationId must be a 24-character hex id');
    case 'binding':
      return forbidden(
        behaviour.forbiddenNamesApplication
          ? `Token is not valid for application ${id}`
          : 'Token is not valid for this application',
      );
    default:
      // Another user's application is, to this token, one that does not exist.
      return notFound('Application was not found');
  }
}

/**
 * Decisions 1 and 2 as the model decides them (src/model/resource/access.ts), in its order: scope 403,
 * malformed id 400, binding 403, another user's or an unknown application 404. The auth faults alter
 * what the model is told (the scopes a token holds, its binding, which application it names).
 */
export function applicationAccess(
  store: MockStore,
  token: TokenRecord,
  acceptedScopes: readonly string[],
  applicationId: string,
  behaviour: AuthBehaviour,
): ApplicationState {
  const { target, application } = targetOf(store, token, applicationId, behaviour);
  const bound = token.applicationId !== null && behaviour.bindsTokenToApplication;
  const principal: Principal = {
    kind: 'token',
    scopes: scopesSeen(token, acceptedScopes, behaviour),
    applicationKey: !bound ? null : token.applicationId === applicationId.toLowerCase() ? 'own' : 'other',
  };
  const [refusal] = accessRefusals({ acceptedScopes }, principal, target);
  if (refusal) throw refusalError(refusal, acceptedScopes, applicationId.toLowerCase(), behaviour);
  return application!;
}
