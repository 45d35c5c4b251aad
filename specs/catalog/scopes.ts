import { ACTIONS, isCreate } from './actions';

/**
 * Token scopes. The accepted scopes of each action live in actions.ts; these are the scopes the
 * tokens endpoint can mint (decision 15: those of the reference's Application API Token Post, listed in
 * application-token-scopes.ts) and
 * those only a user token, or a mock's mock-only route, can give.
 */
export const USER_ONLY_SCOPES = [
  'all.Organization',
  'all.Organization.read',
  'all.User',
  'all.User.read',
] as const;

export { APPLICATION_TOKEN_SCOPES } from './application-token-scopes';

/** A scope no Flows action accepts, for tokens that must be refused with 403. */
export const UNRELATED_SCOPE = 'devices.get';

/** A user token carries exactly this scope and reaches every application of its user. */
export const USER_TOKEN_SCOPE = 'all.User';

export const isUserOnlyScope = (scope: string): boolean =>
  (USER_ONLY_SCOPES as readonly string[]).includes(scope);

/**
 * Scopes of the supporting routes, which the Flows reference does not cover (docs/mock.md): deleting a
 * flow (clean-up) and making or revoking application API tokens.
 */
export const FLOW_DELETE_SCOPES = [
  'all.Application',
  'all.Organization',
  'all.User',
  'flows.*',
  'flow.*',
  'flow.delete',
] as const;
export const TOKEN_ADMIN_SCOPES = ['all.Application', 'all.Organization', 'all.User'] as const;

/** The scopes that every writing action of the catalog accepts, the user token's first. */
export const SCOPES_OF_EVERY_WRITE: readonly string[] = (() => {
  const writes = ACTIONS.filter(isCreate);
  const shared = writes[0].acceptedScopes.filter((scope) =>
    writes.every((action) => action.acceptedScopes.includes(scope)),
  );
  return [
    ...shared.filter((scope) => scope === USER_TOKEN_SCOPE),
    ...shared.filter((scope) => scope !== USER_TOKEN_SCOPE),
  ];
})();
