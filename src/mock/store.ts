import { newObjectId, newTokenSecret } from './ids';
import type { StoredFlow, StoredVersion } from './documents';
import { FlowOrder } from './flow-order';

/**
 * One application of the mock user: its flows and their versions, in memory. Ids are compared
 * case-insensitively: `id` and the maps' keys are lower-case, whatever the ids' spelling in the documents.
 */
export interface ApplicationState {
  readonly id: string;
  /** The user who owns it: only that user's tokens reach it. */
  readonly ownerId: string;
  readonly flows: Map<string, StoredFlow>;
  readonly versions: Map<string, StoredVersion>;
  /** The flows in the orders Gets sort by, kept up to date by putFlow and deleteFlow. */
  readonly order: FlowOrder;
  /** Bumped by every change, so that cached pages of this application go stale. */
  generation: number;
}

export interface TokenRecord {
  readonly id: string;
  readonly secret: string;
  readonly userId: string;
  /** null: a user-wide token, reaching every application of its user. */
  readonly applicationId: string | null;
  readonly scopes: ReadonlySet<string>;
  /** Epoch ms after which the token is refused; undefined: never expires. */
  readonly expiresAt: number | undefined;
  revoked: boolean;
}

export interface TokenGrant {
  readonly userId: string;
  readonly applicationId: string | null;
  readonly scope: readonly string[];
  readonly expiresAt?: number;
}

/**
 * Tokens the mock keeps at most (each login mints one, ~0.5 KB). Past it, revoked and expired tokens
 * are forgotten first, then the oldest, down to nine tenths of it; the admin token never is.
 */
export const MAX_TOKENS = 10_000;

export function emptyApplication(id: string, ownerId: string): ApplicationState {
  const flows = new Map<string, StoredFlow>();
  return {
    id,
    ownerId,
    flows,
    versions: new Map(),
    order: new FlowOrder(() => flows.values()),
    generation: 0,
  };
}

/**
 * The mock's state. Every mutation is synchronous, so concurrent requests can never interleave inside
 * one (N parallel creates make exactly N flows).
 */
export class MockStore {
  private readonly applications = new Map<string, ApplicationState>();
  private readonly tokensBySecret = new Map<string, TokenRecord>();
  private readonly tokensById = new Map<string, TokenRecord>();
  private readonly usedIds = new Set<string>();
  /** Tokens whose secret was given (the admin token): never forgotten. */
  private readonly pinned = new Set<TokenRecord>();

  /** `spellId`: how fresh ids are written (the dialect's); the store keys every id lower-cased. */
  constructor(
    readonly userId: string,
    private readonly spellId: (hex: string) => string = (hex) => hex,
    private readonly maxTokens = MAX_TOKENS,
  ) {}

  /** Adds an application of `ownerId` (default: the mock user). */
  addApplication(id: string, ownerId: string = this.userId): ApplicationState {
    let application = this.applications.get(id.toLowerCase());
    if (!application) {
      application = emptyApplication(id.toLowerCase(), ownerId);
      this.applications.set(application.id, application);
    }
    return application;
  }

  application(id: string): ApplicationState | undefined {
    return this.applications.get(id.toLowerCase());
  }

  allApplications(): IterableIterator<ApplicationState> {
    return this.applications.values();
  }

  applicationIds(): string[] {
    return [...this.applications.keys()];
  }

  /** A fresh 24-hex id, never handed out before by this store, spelled as the dialect spells ids. */
  freshId(): string {
    let id = newObjectId();
    while (this.usedIds.has(id)) id = newObjectId();
    this.usedIds.add(id);
    return this.spellId(id);
  }

  /** Marks a given id (from a seed) as taken; returns it spelled as fresh ids are. */
  reserveId(id: string): string {
    this.usedIds.add(id.toLowerCase());
    return this.spellId(id.toLowerCase());
  }

  putFlow(application: ApplicationState, flow: StoredFlow): void {
    const key = flow.id.toLowerCase();
    if (application.flows.has(key)) application.order.invalidate();
    else application.order.noteAdded(flow);
    application.flows.set(key, flow);
    application.generation += 1;
  }

  putVersion(application: ApplicationState, version: StoredVersion): void {
    application.versions.set(version.id.toLowerCase(), version);
    application.generation += 1;
  }

  /** Removes a flow and its versions; false when the application has no such flow. */
  deleteFlow(application: ApplicationState, flowId: string): boolean {
    const key = flowId.toLowerCase();
    if (!application.flows.delete(key)) return false;
    application.order.invalidate();
    application.generation += 1;
    for (const [id, version] of application.versions)
      if (version.flowId.toLowerCase() === key) application.versions.delete(id);
    return true;
  }

  /** A token of the grant; with `secret` given (the admin token), one the store never forgets. */
  issueToken(grant: TokenGrant, secret?: string): TokenRecord {
    this.makeRoomForToken();
    const record: TokenRecord = {
      id: this.freshId(),
      secret: secret ?? newTokenSecret(),
      userId: grant.userId,
      applicationId: grant.applicationId,
      scopes: new Set(grant.scope),
      expiresAt: grant.expiresAt,
      revoked: false,
    };
    this.tokensBySecret.set(record.secret, record);
    this.tokensById.set(record.id.toLowerCase(), record);
    if (secret !== undefined) this.pinned.add(record);
    return record;
  }

  get tokenCount(): number {
    return this.tokensBySecret.size;
  }

  /** At the cap: revoked and expired tokens out, then the oldest, down to nine tenths of the cap. */
  private makeRoomForToken(now: number = Date.now()): void {
    if (this.tokensBySecret.size < this.maxTokens) return;
    const target = Math.floor(this.maxTokens * 0.9);
    const forget = (record: TokenRecord) => {
      this.tokensBySecret.delete(record.secret);
      this.tokensById.delete(record.id.toLowerCase());
    };
    for (const record of this.tokensBySecret.values())
      if (!this.pinned.has(record) && (record.revoked || (record.expiresAt ?? Infinity) <= now))
        forget(record);
    for (const record of this.tokensBySecret.values()) {
      if (this.tokensBySecret.size <= target) break;
      if (!this.pinned.has(record)) forget(record);
    }
  }

  tokenBySecret(secret: string): TokenRecord | undefined {
    return this.tokensBySecret.get(secret);
  }

  tokenById(id: string): TokenRecord | undefined {
    return this.tokensById.get(id.toLowerCase());
  }

  /** A token is usable when it exists, is not revoked and has not expired. */
  usableToken(secret: string, now: number = Date.now(), acceptRevoked = false): TokenRecord | undefined {
    const record = this.tokensBySecret.get(secret);
    if (!record || (record.revoked && !acceptRevoked)) return undefined;
    if (record.expiresAt !== undefined && record.expiresAt <= now) return undefined;
    return record;
  }
}
