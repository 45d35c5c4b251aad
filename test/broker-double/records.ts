/** What the broker double holds: everything it was sent, as received. */
export interface PublishedPact {
  readonly consumer: string;
  readonly provider: string;
  readonly consumerVersion: string;
  readonly branch?: string;
  readonly tags: readonly string[];
  /** The pact as the CLI sent it (decoded from base64). */
  readonly content: Record<string, unknown>;
  /** Content hash, the broker's "pact version". */
  readonly sha: string;
  readonly order: number;
}

export interface VerificationRecord {
  readonly consumer: string;
  readonly provider: string;
  readonly sha: string;
  readonly providerVersion: string;
  readonly success: boolean;
  /** The request body as the verifier sent it (testResults included). */
  readonly body: Record<string, unknown>;
  readonly order: number;
}

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  /** `Bearer`, `Basic` or undefined: which kind of credential came, never its value. */
  readonly authorization?: string;
  readonly body?: unknown;
}

export interface BrokerRecords {
  readonly requests: ReceivedRequest[];
  readonly pacts: PublishedPact[];
  readonly verifications: VerificationRecord[];
  /** `pacticipant@version` → branch, as PUT by publishers and verifiers. */
  readonly branches: Map<string, string>;
  /** `pacticipant@version` → tags. */
  readonly tags: Map<string, string[]>;
}

export const emptyRecords = (): BrokerRecords => ({
  requests: [],
  pacts: [],
  verifications: [],
  branches: new Map(),
  tags: new Map(),
});

export const versionKey = (pacticipant: string, version: string): string => `${pacticipant}@${version}`;

/** The latest pact of each consumer for a provider (optionally on one consumer branch). */
export function latestPactsFor(records: BrokerRecords, provider: string, branch?: string): PublishedPact[] {
  const latest = new Map<string, PublishedPact>();
  for (const pact of records.pacts)
    if (pact.provider === provider && (branch === undefined || pact.branch === branch))
      latest.set(pact.consumer, pact);
  return [...latest.values()];
}

/** The latest verification of one pact content by one provider version (any version if undefined). */
export function latestVerification(
  records: BrokerRecords,
  pact: PublishedPact,
  providerVersion?: string,
): VerificationRecord | undefined {
  return records.verifications
    .filter(
      (v) =>
        v.sha === pact.sha &&
        v.provider === pact.provider &&
        (providerVersion === undefined || v.providerVersion === providerVersion),
    )
    .at(-1);
}
