import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CONSUMER_VERSION_SELECTORS, DEFAULT_PACT_DIR, DEFAULT_PROVIDER } from '../../pact/defaults';
import { missingInteractions, pactFilesFor, readPactFile } from '../../pact/pact-file';
import type { runVerification } from '../../pact/verification';
import type { PactSource } from '../../pact/verify';
import { addTargetOptions, resolveTargetOptions } from '../target-options';
import { startFailure, UnreachableError, UsageError } from '../usage-error';
import { runVerificationIsolated } from '../isolated-verification';
import { INTERRUPTED_EXIT_CODE, onInterrupt } from '../interrupt';
import { loadInteractions } from './pact-modules';
import { TargetUnusable } from '../../target/preflight';
import type { CommandRegistrar } from './registrar';
import { brokerUrlOf } from '../../pact/broker-input';
import { pacticipantName } from './pacts';
import { reachableBroker } from '../broker-reachable';

interface VerifyFlags {
  readonly pactDir?: string;
  readonly brokerUrl?: string;
  readonly provider: string;
  readonly publishResults?: boolean;
  readonly providerVersion?: string;
  readonly providerBranch?: string;
  readonly consumerVersionSelectors?: string;
  readonly allowPartialPact?: boolean;
}

function selectorsOf(text: string | undefined): readonly Record<string, unknown>[] {
  if (text === undefined) return DEFAULT_CONSUMER_VERSION_SELECTORS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError('--consumer-version-selectors must be a JSON array of selector objects');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length === 0 ||
    !parsed.every((item) => item !== null && typeof item === 'object')
  )
    throw new UsageError('--consumer-version-selectors must be a JSON array of selector objects');
  return parsed as Record<string, unknown>[];
}

function sourceOf(flags: VerifyFlags, provider: string): PactSource {
  if (flags.pactDir !== undefined && flags.brokerUrl !== undefined)
    throw new UsageError('give --pact-dir or --broker-url, not both');
  if (flags.brokerUrl !== undefined)
    return {
      kind: 'broker',
      brokerUrl: brokerUrlOf(flags.brokerUrl),
      consumerVersionSelectors: selectorsOf(flags.consumerVersionSelectors),
    };
  if (flags.consumerVersionSelectors !== undefined)
    throw new UsageError('--consumer-version-selectors needs --broker-url');
  const dir = path.resolve(flags.pactDir ?? DEFAULT_PACT_DIR);
  const pactUrls = pactFilesFor(dir, provider);
  if (pactUrls.length === 0)
    throw new UsageError(
      `no pact file for provider ${provider} in ${dir} (run flows-conformance pacts first)`,
    );
  if (!flags.allowPartialPact) for (const file of pactUrls) refusePartialPact(file);
  return { kind: 'files', pactUrls };
}

/** A consumer pact of this project that lacks interactions the catalog implies would pass for less. */
function refusePartialPact(file: string): void {
  const expected = loadInteractions().ALL_PACT_CASES.map((pactCase) => pactCase.description);
  const missing = missingInteractions(readPactFile(file), expected);
  if (missing.length > 0)
    throw new UsageError(
      `${file} lacks ${missing.length} of the ${expected.length} interactions the catalog implies ` +
        `(first: "${missing[0]}"): run flows-conformance pacts again, or give --allow-partial-pact`,
    );
}

function publishOf(flags: VerifyFlags, source: PactSource) {
  if (!flags.publishResults) {
    if (flags.providerBranch !== undefined) throw new UsageError('--provider-branch needs --publish-results');
    return undefined;
  }
  if (source.kind !== 'broker') throw new UsageError('--publish-results needs --broker-url');
  if (!flags.providerVersion?.trim()) throw new UsageError('--publish-results needs --provider-version');
  return { providerVersion: flags.providerVersion, providerBranch: flags.providerBranch };
}

async function runVerify(flags: VerifyFlags, command: Command): Promise<void> {
  const config = resolveTargetOptions(command);
  const provider = pacticipantName('--provider', flags.provider);
  const source = sourceOf(flags, provider);
  const publish = publishOf(flags, source);
  // Without --target the embedded mock is verified: its results are not the provider's.
  if (publish && config.baseUrl === undefined)
    throw new UsageError(
      '--publish-results needs --target: the embedded mock was verified, and its results are not the provider’s',
    );
  if (source.kind === 'broker') await reachableBroker(source.brokerUrl);
  let result: Awaited<ReturnType<typeof runVerification>>;
  const interrupt = onInterrupt('verify', () =>
    config.cleanup ? 'what the provider states created may be left on the target' : 'the flows stay',
  );
  try {
    result = await runVerificationIsolated({ config, provider, source, publish, signal: interrupt.signal });
  } catch (error) {
    if (error instanceof TargetUnusable) throw startFailure(error.message, error.unreachable);
    throw error;
  } finally {
    interrupt.dispose();
  }
  const { target, outcome, reports } = result;
  if (outcome.interrupted) {
    process.stderr.write(
      `flows-conformance: ${outcome.interrupted}: ${outcome.interactions.length} interactions ran before it; ${config.cleanup ? 'what they created was removed' : 'what they created stays (--no-cleanup)'}; reports: ${reports.join(', ')}\n`,
    );
    process.exitCode = INTERRUPTED_EXIT_CODE;
    return;
  }
  // Every later failure follows from it: one line, as for a target unreachable at the start.
  if (outcome.targetFailure)
    throw new UnreachableError(
      `target ${target} stopped answering during the verification (${outcome.targetFailure}); reports: ${reports.join(', ')}`,
    );
  for (const { state, reason } of outcome.stateErrors ?? [])
    process.stderr.write(`provider state "${state}" could not be set up: ${reason}\n`);
  for (const redirect of outcome.refusedRedirects ?? [])
    process.stderr.write(`redirect not followed: ${redirect}\n`);
  for (const failure of outcome.failures)
    process.stderr.write(`FAILED ${failure.interaction}: ${failure.messages.join('; ')}\n`);
  if (outcome.error) process.stderr.write(`verification could not run: ${outcome.error}\n`);
  const verdict = outcome.passed ? 'passed' : 'FAILED';
  process.stdout.write(
    `pact verification of ${provider} at ${target} ${verdict}: ${outcome.interactions.length} interactions, ` +
      `${outcome.failures.length} failed, ${(outcome.durationMs / 1000).toFixed(1)}s; reports: ${reports.join(', ')}\n`,
  );
  if (!outcome.passed) process.exitCode = 1;
}

export const registerVerifyCommand: CommandRegistrar = (program: Command) => {
  const command = program
    .command('verify')
    .description('Verify an implementation of the Flows API against the consumer pacts (Pact Verifier)')
    .option('--pact-dir <dir>', `pact files to verify (default ${DEFAULT_PACT_DIR}/)`)
    .option(
      '--broker-url <url>',
      'take the pacts from a Pact Broker (credentials: PACT_BROKER_TOKEN or _USERNAME/_PASSWORD)',
    )
    .option('--provider <name>', 'provider name in the pacts', DEFAULT_PROVIDER)
    .option(
      '--consumer-version-selectors <json>',
      `with --broker-url: which pacts to verify (default ${JSON.stringify(DEFAULT_CONSUMER_VERSION_SELECTORS)})`,
    )
    .option('--publish-results', 'publish the verification results to the broker')
    .option('--provider-version <version>', 'provider version the results are published under')
    .option('--provider-branch <branch>', 'provider branch the results are published under')
    .option(
      '--allow-partial-pact',
      "verify a pact of this project's consumer even when it lacks interactions the catalog implies",
    );
  addTargetOptions(command, 'verify').action((flags: VerifyFlags, self: Command) => runVerify(flags, self));
};
