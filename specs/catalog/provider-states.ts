import { ACTIONS, APPLICATION_ID_EXAMPLE, type ActionSpec } from './actions';
import { UNKNOWN_APPLICATION_ID } from './application-ids';
import { UNRELATED_SCOPE, USER_TOKEN_SCOPE } from './scopes';

/**
 * Provider states of the consumer pacts: the data and the token each interaction needs. The names
 * are the keys of the verifier's state handlers (src/pact/state-handlers.ts); the parameters carry
 * what a handler needs, so that a handler never parses a name.
 */
export interface ProviderStateRef {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
}

/** The dummy credential a pact carries; the verifier replaces it (or keeps it, for 401). */
export const PACT_DUMMY_TOKEN = 'pact-dummy-token-not-a-secret';

const application = (applicationId: string, name: string): ProviderStateRef => ({
  name,
  params: { applicationId },
});

export const APPLICATION_EXISTS = application(
  APPLICATION_ID_EXAMPLE,
  `application ${APPLICATION_ID_EXAMPLE} exists`,
);
export const APPLICATION_HAS_FLOWS = application(
  APPLICATION_ID_EXAMPLE,
  `application ${APPLICATION_ID_EXAMPLE} has flows`,
);
export const APPLICATION_DOES_NOT_EXIST = application(
  UNKNOWN_APPLICATION_ID,
  `application ${UNKNOWN_APPLICATION_ID} does not exist`,
);

/** The request carries a token the provider does not know: the dummy one, kept as is. */
export const NO_VALID_TOKEN: ProviderStateRef = { name: 'no valid token', params: {} };

export const tokenWithScope = (scope: string): ProviderStateRef => ({
  name: `a token with scope ${scope}`,
  params: { scope },
});

/** The scope that names the action itself (`flows.get` for Get): the narrowest that is accepted. */
export const ownScope = (action: ActionSpec): string => {
  if (!action.acceptedScopes.includes(action.id))
    throw new Error(`${action.id} accepts no scope of its own name`);
  return action.id;
};

/** Every token scope a pact state may ask for. */
export const PROVIDER_STATE_SCOPES: readonly string[] = [
  ...ACTIONS.map(ownScope),
  USER_TOKEN_SCOPE,
  UNRELATED_SCOPE,
];

export const APPLICATION_STATES: readonly ProviderStateRef[] = [
  APPLICATION_EXISTS,
  APPLICATION_HAS_FLOWS,
  APPLICATION_DOES_NOT_EXIST,
];

export const TOKEN_STATES: readonly ProviderStateRef[] = [
  NO_VALID_TOKEN,
  ...PROVIDER_STATE_SCOPES.map(tokenWithScope),
];

export const PROVIDER_STATES: readonly ProviderStateRef[] = [...APPLICATION_STATES, ...TOKEN_STATES];
