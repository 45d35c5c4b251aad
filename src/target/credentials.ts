import { isUserOnlyScope, SCOPES_OF_EVERY_WRITE, USER_TOKEN_SCOPE } from '../../specs/catalog';
import { MOCK_ONLY_TOKEN_ROUTE } from '../model/mock-only-tokens';
import { bearer, JSON_HEADERS, type HttpResponse, type Transport } from '../http/transport';

/** No token of a scope can be had: the case that needs it is skipped with this reason, never passed. */
export class TokenUnavailable extends Error {
  override readonly name = 'TokenUnavailable';
}

/** The credentials given cannot be used at all (login refused, tokens endpoint refuses the admin token). */
export class CredentialError extends Error {
  override readonly name = 'CredentialError';
}

export interface CredentialOptions {
  readonly transport: Transport;
  readonly applicationId: string;
  readonly otherApplicationId?: string;
  /** A token allowed to mint application tokens (a user token, or one with `all.Application`). */
  readonly adminToken?: string;
  readonly userEmail?: string;
  readonly userPassword?: string;
  /** scope → token, for scopes the tokens endpoint cannot mint (decision 15). */
  readonly tokens?: Readonly<Record<string, string>>;
  /** Ask the mock-only route for user-only scopes (the embedded mock, or --mock-only-tokens). */
  readonly mockOnlyTokens?: boolean;
  /** Name of the minted tokens, so that a person can find (and remove) them. */
  readonly label?: string;
}

export interface TokenProvider {
  /** A token holding exactly this scope (of the configured application); rejects with TokenUnavailable. */
  tokenFor(scope: string): Promise<string>;
  /** A token of this scope that was valid and is revoked now. */
  revokedToken(scope: string): Promise<string>;
  /** A token of this scope minted with an expiration date in the past. */
  expiredToken(scope: string): Promise<string>;
  /** A token of another application of the same user, holding this scope. */
  otherApplicationToken(scope: string): Promise<string>;
  /** The token used to set up and remove the suite's own data. */
  principalToken(): Promise<string>;
  /** Every secret known so far, for redaction. */
  secrets(): readonly string[];
  /** Revokes the tokens this provider minted (best effort). */
  revokeMinted(): Promise<void>;
}

interface MintedToken {
  readonly id: string;
  readonly applicationId: string;
  readonly secret: string;
}

/** What can mint tokens through the tokens endpoint, as skip reasons name it. */
const MINTER = 'admin token or user login (--admin-token, --user-email/--user-password)';

/** Why a user-only scope (decision 15) cannot be had, and every way to get it. */
function userOnlyReason(scope: string): string {
  const login = scope === USER_TOKEN_SCOPE ? ', log in with --user-email/--user-password' : '';
  return (
    `the tokens endpoint cannot mint ${scope} (decision 15 of the spec's README.md): give it in --tokens FILE` +
    `${login}, or against a flows-conformance mock use --mock-only-tokens`
  );
}

function tokenSecret(response: HttpResponse, what: string): { secret: string; id?: string } {
  const body = response.json.ok ? (response.json.value as Record<string, unknown>) : undefined;
  if (response.status >= 300 || typeof body?.token !== 'string') {
    throw new TokenUnavailable(`${what} answered ${response.status} without a token`);
  }
  const id =
    typeof body.id === 'string' ? body.id : typeof body.apiTokenId === 'string' ? body.apiTokenId : undefined;
  return { secret: body.token, id };
}

export function createTokenProvider(options: CredentialOptions): TokenProvider {
  const { transport } = options;
  const fileTokens = options.tokens ?? {};
  const label = options.label ?? 'flows-conformance';
  const known = new Set<string>(Object.values(fileTokens));
  if (options.adminToken) known.add(options.adminToken);
  const minted: MintedToken[] = [];
  const cache = new Map<string, Promise<string>>();
  let userToken: Promise<string | undefined> | undefined;

  const remember = <T extends { secret: string }>(token: T): T => {
    known.add(token.secret);
    return token;
  };

  async function login(): Promise<string | undefined> {
    if (!options.userEmail || !options.userPassword) return undefined;
    const response = await transport.send({
      method: 'POST',
      path: '/auth/user',
      headers: { ...JSON_HEADERS },
      body: JSON.stringify({ email: options.userEmail, password: options.userPassword }),
    });
    if (response.status !== 200)
      throw new CredentialError(`POST /auth/user refused the user credentials (${response.status})`);
    return remember(tokenSecret(response, 'POST /auth/user')).secret;
  }

  const user = () => (userToken ??= login());

  async function principal(): Promise<string> {
    if (options.adminToken) return options.adminToken;
    const token = await user();
    if (token) return token;
    for (const scope of SCOPES_OF_EVERY_WRITE) if (fileTokens[scope]) return fileTokens[scope];
    throw new TokenUnavailable('no admin token, user login, or write-scope token in the tokens file');
  }

  async function mint(
    applicationId: string,
    scope: string,
    extra: Record<string, string> = {},
  ): Promise<MintedToken> {
    const response = await transport.send({
      method: 'POST',
      path: `/applications/${encodeURIComponent(applicationId)}/tokens`,
      headers: { ...JSON_HEADERS, ...bearer(await principal()) },
      body: JSON.stringify({ name: `${label} ${scope}`, scope: [scope], ...extra }),
    });
    if (response.status === 401)
      throw new CredentialError('the tokens endpoint refused the admin token (401)');
    const { secret, id } = remember(tokenSecret(response, `POST /applications/{id}/tokens for ${scope}`));
    const token = { id: id ?? '', applicationId, secret };
    if (id) minted.push(token);
    return token;
  }

  async function mockOnly(scope: string, applicationId?: string): Promise<string> {
    const response = await transport.send({
      method: 'POST',
      path: MOCK_ONLY_TOKEN_ROUTE,
      headers: { ...JSON_HEADERS, ...bearer(await principal()) },
      body: JSON.stringify({ applicationId, scope: [scope] }),
    });
    if (response.status === 404 || response.status === 405)
      throw new TokenUnavailable(
        `POST ${MOCK_ONLY_TOKEN_ROUTE} for ${scope} answered ${response.status}: --mock-only-tokens works only against a flows-conformance mock; give ${scope} in --tokens FILE`,
      );
    if (response.status === 401 || response.status === 403)
      throw new TokenUnavailable(
        `POST ${MOCK_ONLY_TOKEN_ROUTE} for ${scope} answered ${response.status}: the mock-only route needs a user token (--admin-token or --user-email/--user-password)`,
      );
    return remember(tokenSecret(response, `POST ${MOCK_ONLY_TOKEN_ROUTE} for ${scope}`)).secret;
  }

  async function acquire(scope: string): Promise<string> {
    if (fileTokens[scope]) return fileTokens[scope];
    if (scope === USER_TOKEN_SCOPE) {
      const token = await user();
      if (token) return token;
      // The admin token is a user token (all.User) as the README asks for: it is one of this scope.
      if (options.adminToken) return options.adminToken;
    }
    if (isUserOnlyScope(scope)) {
      if (options.mockOnlyTokens) return mockOnly(scope);
      throw new TokenUnavailable(userOnlyReason(scope));
    }
    if (!options.adminToken && !(await user())) {
      throw new TokenUnavailable(`no token for ${scope} in the tokens file, and no ${MINTER} to mint one`);
    }
    return (await mint(options.applicationId, scope)).secret;
  }

  const cached = (key: string, make: () => Promise<string>): Promise<string> => {
    let token = cache.get(key);
    if (!token) {
      token = make();
      cache.set(key, token);
    }
    return token;
  };

  return {
    tokenFor: (scope) => cached(`scope ${scope}`, () => acquire(scope)),
    revokedToken: (scope) =>
      cached(`revoked ${scope}`, async () => {
        if (!options.adminToken && !(await user()))
          throw new TokenUnavailable(`no ${MINTER} to mint a token and revoke it`);
        const token = await mint(options.applicationId, scope);
        const response = await transport.send({
          method: 'DELETE',
          path: `/applications/${encodeURIComponent(token.applicationId)}/tokens/${encodeURIComponent(token.id)}`,
          headers: { accept: JSON_HEADERS.accept, ...bearer(await principal()) },
        });
        if (response.status >= 300)
          throw new TokenUnavailable(`revoking a token answered ${response.status}`);
        minted.splice(minted.indexOf(token), 1);
        return token.secret;
      }),
    expiredToken: (scope) =>
      cached(`expired ${scope}`, async () => {
        if (!options.adminToken && !(await user()))
          throw new TokenUnavailable(`no ${MINTER} to mint a token that has expired`);
        const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
        return (await mint(options.applicationId, scope, { expirationDate: yesterday })).secret;
      }),
    otherApplicationToken: (scope) =>
      cached(`other ${scope}`, async () => {
        if (!options.otherApplicationId) {
          throw new TokenUnavailable('no second application given (--other-application-id)');
        }
        if (!options.adminToken && !(await user()))
          throw new TokenUnavailable(
            `no ${MINTER} to mint a token of the other application (a tokens file holds tokens of --application-id only)`,
          );
        return (await mint(options.otherApplicationId, scope)).secret;
      }),
    principalToken: principal,
    secrets: () => [...known],
    async revokeMinted() {
      const token = await principal().catch(() => undefined);
      if (!token) return;
      const revocations = minted.splice(0).map((item) =>
        transport
          .send({
            method: 'DELETE',
            path: `/applications/${encodeURIComponent(item.applicationId)}/tokens/${encodeURIComponent(item.id)}`,
            headers: { accept: JSON_HEADERS.accept, ...bearer(token) },
          })
          .catch(() => undefined),
      );
      await Promise.all(revocations);
    },
  };
}
