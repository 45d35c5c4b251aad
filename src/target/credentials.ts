import {
  auxiliaryRoute,
  isUserOnlyScope,
  pathFor,
  REFERENCE_DECISIONS_DOC,
  routeLabel,
  SCOPES_OF_EVERY_WRITE,
  USER_TOKEN_SCOPE,
} from '../../specs/catalog';
import { bearer, JSON_HEADERS, type HttpResponse, type Transport } from '../http/transport';

/** The auxiliary routes of the catalog the token provider speaks. */
const LOGIN = auxiliaryRoute('auth.user');
const MINT = auxiliaryRoute('applicationTokens.post');
const REVOKE = auxiliaryRoute('applicationToken.delete');
const MOCK_ONLY = auxiliaryRoute('mockOnly.tokens');

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
    `the tokens endpoint cannot mint ${scope} (decision 15 of ${REFERENCE_DECISIONS_DOC}): give it in --tokens FILE` +
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

/** An expired token's expiration date lies this far back. */
const A_DAY_MS = 24 * 3600 * 1000;

/**
 * The tokens of one run: those given (tokens file, admin token), the user's login, and those minted
 * through the tokens endpoint (or the mock-only route), each asked for once and remembered for redaction.
 */
class TokenSource implements TokenProvider {
  private readonly fileTokens: Readonly<Record<string, string>>;
  private readonly label: string;
  private readonly known = new Set<string>();
  private readonly minted: MintedToken[] = [];
  private readonly cache = new Map<string, Promise<string>>();
  private userToken: Promise<string | undefined> | undefined;

  constructor(private readonly options: CredentialOptions) {
    this.fileTokens = options.tokens ?? {};
    this.label = options.label ?? 'flows-conformance';
    for (const token of Object.values(this.fileTokens)) this.known.add(token);
    if (options.adminToken) this.known.add(options.adminToken);
  }

  tokenFor(scope: string): Promise<string> {
    return this.cached(`scope ${scope}`, () => this.acquire(scope));
  }

  revokedToken(scope: string): Promise<string> {
    return this.cached(`revoked ${scope}`, async () => {
      await this.requireMinter('to mint a token and revoke it');
      const token = await this.mint(this.options.applicationId, scope);
      const response = await this.revoke(token, await this.principalToken());
      if (response.status >= 300) throw new TokenUnavailable(`revoking a token answered ${response.status}`);
      this.minted.splice(this.minted.indexOf(token), 1);
      return token.secret;
    });
  }

  expiredToken(scope: string): Promise<string> {
    return this.cached(`expired ${scope}`, async () => {
      await this.requireMinter('to mint a token that has expired');
      const expirationDate = new Date(Date.now() - A_DAY_MS).toISOString();
      return (await this.mint(this.options.applicationId, scope, { expirationDate })).secret;
    });
  }

  otherApplicationToken(scope: string): Promise<string> {
    return this.cached(`other ${scope}`, async () => {
      const { otherApplicationId } = this.options;
      if (!otherApplicationId)
        throw new TokenUnavailable('no second application given (--other-application-id)');
      await this.requireMinter(
        'to mint a token of the other application (a tokens file holds tokens of --application-id only)',
      );
      return (await this.mint(otherApplicationId, scope)).secret;
    });
  }

  /** The admin token, else the user's login, else a tokens-file token that every write accepts. */
  async principalToken(): Promise<string> {
    if (this.options.adminToken) return this.options.adminToken;
    const token = await this.user();
    if (token) return token;
    for (const scope of SCOPES_OF_EVERY_WRITE) if (this.fileTokens[scope]) return this.fileTokens[scope];
    throw new TokenUnavailable('no admin token, user login, or write-scope token in the tokens file');
  }

  secrets(): readonly string[] {
    return [...this.known];
  }

  async revokeMinted(): Promise<void> {
    const token = await this.principalToken().catch(() => undefined);
    if (!token) return;
    await Promise.all(this.minted.splice(0).map((item) => this.revoke(item, token).catch(() => undefined)));
  }

  private cached(key: string, make: () => Promise<string>): Promise<string> {
    let token = this.cache.get(key);
    if (!token) {
      token = make();
      this.cache.set(key, token);
    }
    return token;
  }

  private remember<T extends { secret: string }>(token: T): T {
    this.known.add(token.secret);
    return token;
  }

  private user(): Promise<string | undefined> {
    return (this.userToken ??= this.login());
  }

  private async login(): Promise<string | undefined> {
    const { userEmail, userPassword, transport } = this.options;
    if (!userEmail || !userPassword) return undefined;
    const response = await transport.send({
      method: LOGIN.method,
      path: pathFor(LOGIN, {}),
      headers: { ...JSON_HEADERS },
      body: JSON.stringify({ email: userEmail, password: userPassword }),
    });
    if (response.status !== 200)
      throw new CredentialError(`${routeLabel(LOGIN)} refused the user credentials (${response.status})`);
    return this.remember(tokenSecret(response, routeLabel(LOGIN))).secret;
  }

  /** Rejects with TokenUnavailable unless an admin token or a user login can mint tokens. */
  private async requireMinter(purpose: string): Promise<void> {
    if (!this.options.adminToken && !(await this.user()))
      throw new TokenUnavailable(`no ${MINTER} ${purpose}`);
  }

  private async acquire(scope: string): Promise<string> {
    if (this.fileTokens[scope]) return this.fileTokens[scope];
    if (scope === USER_TOKEN_SCOPE) {
      const token = await this.user();
      if (token) return token;
      // The admin token is a user token (all.User) as the README asks for: it is one of this scope.
      if (this.options.adminToken) return this.options.adminToken;
    }
    if (isUserOnlyScope(scope)) {
      if (this.options.mockOnlyTokens) return this.mockOnly(scope);
      throw new TokenUnavailable(userOnlyReason(scope));
    }
    if (!this.options.adminToken && !(await this.user())) {
      throw new TokenUnavailable(`no token for ${scope} in the tokens file, and no ${MINTER} to mint one`);
    }
    return (await this.mint(this.options.applicationId, scope)).secret;
  }

  private async mint(
    applicationId: string,
    scope: string,
    extra: Record<string, string> = {},
  ): Promise<MintedToken> {
    const response = await this.options.transport.send({
      method: MINT.method,
      path: pathFor(MINT, { APPLICATION_ID: applicationId }),
      headers: { ...JSON_HEADERS, ...bearer(await this.principalToken()) },
      body: JSON.stringify({ name: `${this.label} ${scope}`, scope: [scope], ...extra }),
    });
    if (response.status === 401)
      throw new CredentialError('the tokens endpoint refused the admin token (401)');
    const { secret, id } = this.remember(tokenSecret(response, `${routeLabel(MINT)} for ${scope}`));
    const token = { id: id ?? '', applicationId, secret };
    if (id) this.minted.push(token);
    return token;
  }

  private revoke(token: MintedToken, principal: string): Promise<HttpResponse> {
    return this.options.transport.send({
      method: REVOKE.method,
      path: pathFor(REVOKE, { APPLICATION_ID: token.applicationId, API_TOKEN_ID: token.id }),
      headers: { accept: JSON_HEADERS.accept, ...bearer(principal) },
    });
  }

  private async mockOnly(scope: string): Promise<string> {
    const response = await this.options.transport.send({
      method: MOCK_ONLY.method,
      path: pathFor(MOCK_ONLY, {}),
      headers: { ...JSON_HEADERS, ...bearer(await this.principalToken()) },
      body: JSON.stringify({ scope: [scope] }),
    });
    if (response.status === 404 || response.status === 405)
      throw new TokenUnavailable(
        `${routeLabel(MOCK_ONLY)} for ${scope} answered ${response.status}: --mock-only-tokens works only against a flows-conformance mock; give ${scope} in --tokens FILE`,
      );
    if (response.status === 401 || response.status === 403)
      throw new TokenUnavailable(
        `${routeLabel(MOCK_ONLY)} for ${scope} answered ${response.status}: the mock-only route needs a user token (--admin-token or --user-email/--user-password)`,
      );
    return this.remember(tokenSecret(response, `${routeLabel(MOCK_ONLY)} for ${scope}`)).secret;
  }
}

export const createTokenProvider = (options: CredentialOptions): TokenProvider => new TokenSource(options);
