import path from 'node:path';
import type { Command } from 'commander';
import { publishFailed, runPactBroker } from '../../pact/broker-cli';
import { reachableBroker } from '../broker-reachable';
import { brokerUrlOf, brokerValueOf } from '../../pact/broker-input';
import { DEFAULT_PACT_DIR } from '../../pact/defaults';
import { pactFilesFor } from '../../pact/pact-file';
import { UsageError } from '../usage-error';
import type { CommandRegistrar } from './registrar';

interface PublishFlags {
  readonly brokerUrl?: string;
  readonly consumerVersion?: string;
  readonly branch?: string;
  readonly tag: readonly string[];
  readonly pactDir: string;
}

const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

/** The arguments of `pact-broker publish`: never a credential (those come from PACT_BROKER_* variables). */
export function publishArguments(flags: PublishFlags): string[] {
  if (flags.brokerUrl === undefined) throw new UsageError('--broker-url is required');
  const brokerUrl = brokerUrlOf(flags.brokerUrl);
  const version = brokerValueOf('--consumer-version', flags.consumerVersion);
  const dir = path.resolve(flags.pactDir);
  const files = pactFilesFor(dir);
  if (files.length === 0) throw new UsageError(`no pact file in ${dir} (run flows-conformance pacts first)`);
  const args = ['publish', ...files, '--broker-base-url', brokerUrl, '--consumer-app-version', version];
  if (flags.branch !== undefined) args.push('--branch', brokerValueOf('--branch', flags.branch));
  // The CLI takes one --tag followed by every tag.
  if (flags.tag.length > 0) args.push('--tag', ...flags.tag.map((tag) => brokerValueOf('--tag', tag)));
  return args;
}

async function runPublish(flags: PublishFlags): Promise<void> {
  const args = publishArguments(flags);
  await reachableBroker(brokerUrlOf(flags.brokerUrl as string));
  const result = await runPactBroker(args, { echo: true });
  if (publishFailed(result)) {
    process.stderr.write(
      'flows-conformance: publishing to the broker failed (see the pact-broker output above)\n',
    );
    process.exitCode = 1;
  }
}

export const registerPublishCommand: CommandRegistrar = (program: Command) => {
  program
    .command('publish')
    .description(
      'Publish the pact files to a Pact Broker with the official pact-broker CLI (credentials: PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD)',
    )
    .option('--broker-url <url>', 'base URL of the Pact Broker')
    .option('--consumer-version <version>', 'consumer version the pacts are published under')
    .option('--branch <branch>', 'consumer branch of that version')
    .option('--tag <tag>', 'tag of that version (repeatable)', collect, [])
    .option('--pact-dir <dir>', 'folder of the pact files', DEFAULT_PACT_DIR)
    .action((flags: PublishFlags) => runPublish(flags));
};
