import {
  latestPactsFor,
  latestVerification,
  versionKey,
  type BrokerRecords,
  type PublishedPact,
  type VerificationRecord,
} from './records';

/** One `q[][pacticipant]=...&q[][version]=...` selector of a matrix query, as pact-broker can-i-deploy sends it. */
export interface MatrixSelector {
  pacticipant?: string;
  version?: string;
  latest?: string;
  branch?: string;
  tag?: string;
}

/** `q[][pacticipant]` opens a selector; the `q[][...]` keys after it belong to it (Rack's reading). */
export function matrixSelectors(query: URLSearchParams): MatrixSelector[] {
  const selectors: MatrixSelector[] = [];
  for (const [key, value] of query) {
    const field = /^q\[\]\[(\w+)\]$/.exec(key)?.[1] as keyof MatrixSelector | undefined;
    if (!field) continue;
    if (field === 'pacticipant' || selectors.length === 0) selectors.push({});
    selectors[selectors.length - 1][field] = value;
  }
  return selectors;
}

interface Row {
  readonly pact: PublishedPact;
  readonly verification?: VerificationRecord;
}

function consumerVersionOf(records: BrokerRecords, selector: MatrixSelector): string | undefined {
  if (selector.version) return selector.version;
  const pacts = records.pacts.filter(
    (pact) =>
      pact.consumer === selector.pacticipant &&
      (selector.branch === undefined || pact.branch === selector.branch) &&
      (selector.tag === undefined || pact.tags.includes(selector.tag)),
  );
  return pacts.at(-1)?.consumerVersion;
}

function providerVersionOf(records: BrokerRecords, selector: MatrixSelector): string | undefined {
  if (selector.version) return selector.version;
  const verifications = records.verifications.filter(
    (v) =>
      v.provider === selector.pacticipant &&
      (selector.branch === undefined ||
        records.branches.get(versionKey(v.provider, v.providerVersion)) === selector.branch),
  );
  return verifications.at(-1)?.providerVersion;
}

function rowsFor(records: BrokerRecords, selector: MatrixSelector): Row[] {
  const name = selector.pacticipant ?? '';
  if (records.pacts.some((pact) => pact.consumer === name)) {
    const version = consumerVersionOf(records, selector);
    const pacts = records.pacts.filter((pact) => pact.consumer === name && pact.consumerVersion === version);
    return pacts.map((pact) => ({ pact, verification: latestVerification(records, pact) }));
  }
  const version = providerVersionOf(records, selector);
  return latestPactsFor(records, name).map((pact) => ({
    pact,
    verification: version === undefined ? undefined : latestVerification(records, pact, version),
  }));
}

/** The matrix resource: a row per integration, and whether the selected version may be deployed. */
export function matrixResource(
  records: BrokerRecords,
  query: URLSearchParams,
  baseUrl: string,
): Record<string, unknown> {
  const rows = matrixSelectors(query).flatMap((selector) => rowsFor(records, selector));
  const success = rows.filter((row) => row.verification?.success === true).length;
  const failed = rows.filter((row) => row.verification?.success === false).length;
  const unknown = rows.length - success - failed;
  const deployable = rows.length > 0 && success === rows.length;
  const reason = deployable
    ? 'All required verification results are published and successful'
    : rows.length === 0
      ? 'No pacts or verifications have been published'
      : `${failed} failed and ${unknown} missing verification results`;
  return {
    summary: { deployable, reason, success, failed, unknown },
    notices: [{ type: deployable ? 'success' : 'error', text: reason }],
    matrix: rows.map(({ pact, verification }) => ({
      consumer: { name: pact.consumer, version: { number: pact.consumerVersion } },
      provider: {
        name: pact.provider,
        version: verification ? { number: verification.providerVersion } : null,
      },
      verificationResult: verification
        ? {
            success: verification.success,
            _links: { self: { href: `${baseUrl}/verification-results/${verification.order}` } },
          }
        : null,
    })),
  };
}
