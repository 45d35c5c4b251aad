import { createHash } from 'node:crypto';
import type { ActionSpec } from '../../specs/catalog';
import { isRecord } from '../model/json';
import {
  emptyState,
  withCreated,
  type ModelFlow,
  type ModelState,
  type ModelVersion,
} from '../model/resource/state';

/** Bounds: past them the shadow learns nothing more (what it forgets only makes it judge less). */
const MAX_FLOWS = 100_000;
const MAX_TOKENS = 10_000;
const MAX_ACCESS_FACTS = 100_000;
const MAX_PAGED_QUERIES = 10_000;
const MAX_PAGES_PER_QUERY = 64;

/** A page of a collection the proxy served, as far as its partition with other pages goes. */
interface SeenPage {
  readonly page: number;
  readonly ids: ReadonlySet<string>;
  readonly totalCount: unknown;
  /** The application's write count (through the proxy) when it was read. */
  readonly writes: number;
}

/** What the proxy learned of a token from the answer that minted it. */
export interface TokenFacts {
  readonly scopes: readonly string[];
  /** The application it is bound to (lower-cased), or null for a user token. */
  readonly applicationId: string | null;
  /** The instant it expires (epoch ms), when the minting answer named one. */
  readonly expiresAt?: number;
  /** Revoked through the proxy (a 2xx to the DELETE of its id). */
  revoked: boolean;
}

/** A contradiction between two answers for one token, one action and one application. */
export interface AccessContradiction {
  readonly message: string;
}

const digest = (credential: string): string => createHash('sha256').update(credential).digest('hex');

/**
 * The model's state as far as the traffic shows it: the flows and versions the server answered 201
 * for (each application apart), the tokens whose scopes a minting answer named, and which token was
 * refused or served for which action. Flows made, changed or deleted outside the proxy's view are not
 * in it, so it only gives lower bounds and facts about what it saw made; a flow whose own route
 * (`/flows/{id}`) the client changes or deletes through the proxy is forgotten.
 */
export class TrafficShadow {
  private readonly states = new Map<string, ModelState>();
  private flows = 0;
  private readonly tokens = new Map<string, TokenFacts>();
  /** Token id (lower-cased) → the digest its facts are kept under. */
  private readonly tokenIds = new Map<string, string>();
  /** `token action application` → the exchange that refused it. */
  private readonly refused = new Map<string, string>();
  /** Writes seen per application: two reads with none between see the same data (through the proxy). */
  private readonly writes = new Map<string, number>();
  /** `action application query-but-page` → the pages read of it. */
  private readonly pages = new Map<string, SeenPage[]>();

  /** The state of one application: its known flows as `own`, nothing as `other`. */
  stateOf(applicationId: string): ModelState {
    return this.states.get(applicationId.toLowerCase()) ?? emptyState();
  }

  /** Ids known in every other application: never in an answer for this one. */
  elsewhere(applicationId: string): Set<string> {
    const key = applicationId.toLowerCase();
    return new Set(
      [...this.states]
        .filter(([id]) => id !== key)
        .flatMap(([, state]) => [...state.own.flows.keys(), ...state.own.versions.keys()]),
    );
  }

  created(applicationId: string, flows: readonly ModelFlow[], versions: readonly ModelVersion[] = []): void {
    this.wrote(applicationId);
    if (this.flows + flows.length + versions.length > MAX_FLOWS) return;
    this.flows += flows.length + versions.length;
    this.states.set(
      applicationId.toLowerCase(),
      withCreated(this.stateOf(applicationId), 'own', flows, versions),
    );
  }

  /** A write to one flow's own route: what the shadow knew of it may no longer hold. */
  forget(applicationId: string, flowId: string): void {
    const key = applicationId.toLowerCase();
    this.wrote(applicationId);
    const state = this.states.get(key);
    if (!state) return;
    const id = flowId.toLowerCase();
    const flows = new Map([...state.own.flows].filter(([known]) => known !== id));
    const versions = new Map([...state.own.versions].filter(([, version]) => version.flowId !== id));
    this.states.set(key, { ...state, own: { flows, versions } });
  }

  private wrote(applicationId: string): void {
    const key = applicationId.toLowerCase();
    this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
  }

  /**
   * A served page of `query` (its text without `page`): an item it shares with another page of the same
   * query, read with no write between and the same totalCount, is an item twice in one partition, so
   * another is never returned. Returns that item's id and the other page, then remembers this page.
   */
  repeatedAcrossPages(
    query: string,
    applicationId: string,
    page: number,
    ids: readonly string[],
    totalCount: unknown,
  ): { readonly id: string; readonly page: number } | undefined {
    const writes = this.writes.get(applicationId.toLowerCase()) ?? 0;
    const key = `${applicationId.toLowerCase()} ${query}`;
    const seen = this.pages.get(key) ?? [];
    const lowered = ids.map((id) => id.toLowerCase());
    let repeat: { id: string; page: number } | undefined;
    for (const other of seen) {
      if (other.page === page || other.writes !== writes || other.totalCount !== totalCount) continue;
      const id = lowered.find((candidate) => other.ids.has(candidate));
      if (id !== undefined) repeat = { id, page: other.page };
    }
    if (seen.length < MAX_PAGES_PER_QUERY && (this.pages.has(key) || this.pages.size < MAX_PAGED_QUERIES))
      this.pages.set(key, [...seen, { page, ids: new Set(lowered), totalCount, writes }]);
    return repeat;
  }

  /**
   * A 2xx answer holding a `token`, to a request naming its `scope` (a token route): the scopes and the
   * application of that token, as the request asked for them and the answer confirmed.
   */
  learnToken(requestBody: unknown, answerBody: unknown, pathApplicationId?: string): void {
    if (this.tokens.size >= MAX_TOKENS || !isRecord(answerBody) || typeof answerBody.token !== 'string')
      return;
    const asked = isRecord(requestBody) ? requestBody : {};
    const scopes = Array.isArray(answerBody.scope) ? answerBody.scope : asked.scope;
    if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) return;
    const bound = answerBody.applicationId ?? asked.applicationId ?? pathApplicationId;
    const key = digest(`Bearer ${answerBody.token}`);
    const expiresAt =
      typeof answerBody.expirationDate === 'string' ? Date.parse(answerBody.expirationDate) : Number.NaN;
    this.tokens.set(key, {
      scopes,
      applicationId: typeof bound === 'string' ? bound.toLowerCase() : null,
      ...(!Number.isNaN(expiresAt) && { expiresAt }),
      revoked: false,
    });
    if (typeof answerBody.id === 'string') this.tokenIds.set(answerBody.id.toLowerCase(), key);
  }

  /** A 2xx to the DELETE of a token's own route: from now on it must be refused. */
  revoke(tokenId: string): void {
    const key = this.tokenIds.get(tokenId.toLowerCase());
    const facts = key === undefined ? undefined : this.tokens.get(key);
    if (facts) facts.revoked = true;
  }

  tokenFacts(authorization: string): TokenFacts | undefined {
    return this.tokens.get(digest(authorization.replace(/^bearer\s+/i, 'Bearer ')));
  }

  /**
   * One answer of `action` for `authorization` on `applicationId`: a 2xx after a 401 or 403 for the same
   * token, action and application contradicts it (a token's scopes and binding do not grow; a revoked
   * or expired token refused after being served is no contradiction, so only that order is judged).
   */
  access(
    authorization: string,
    action: ActionSpec,
    applicationId: string,
    status: number,
    exchangeId: string,
  ): AccessContradiction | undefined {
    const key = `${digest(authorization)} ${action.id} ${applicationId.toLowerCase()}`;
    if (status === 401 || status === 403) {
      if (!this.refused.has(key) && this.refused.size < MAX_ACCESS_FACTS) this.refused.set(key, exchangeId);
      return undefined;
    }
    const earlier = this.refused.get(key);
    if (status < 200 || status >= 300 || earlier === undefined) return undefined;
    return {
      message: `served ${status} to a token that exchange ${earlier.split(' ')[0]} refused for the same action and application`,
    };
  }
}
