/**
 * Names and defaults of the pact commands, kept apart from the modules that load the Pact core, so
 * that the CLI can show help and check flags without loading it.
 */
export const DEFAULT_CONSUMER = 'flows-conformance-consumer';
export const DEFAULT_PROVIDER = 'losant-flows-api';
export const DEFAULT_PACT_DIR = 'pacts';

export interface PactNames {
  readonly consumer: string;
  readonly provider: string;
}

export const pactFileName = (names: PactNames): string => `${names.consumer}-${names.provider}.json`;

/** Pact's recommended selectors: each consumer's main branch, and what is deployed or released. */
export const DEFAULT_CONSUMER_VERSION_SELECTORS: readonly Record<string, unknown>[] = [
  { mainBranch: true },
  { deployedOrReleased: true },
];
