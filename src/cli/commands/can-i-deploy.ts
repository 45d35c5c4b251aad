import type { Command } from 'commander';
import { runPactBroker } from '../../pact/broker-cli';
import { brokerUrlOf, brokerValueOf } from '../../pact/broker-input';
import { UsageError } from '../usage-error';
import { reachableBroker } from '../broker-reachable';
import type { CommandRegistrar } from './registrar';

interface CanIDeployFlags {
  readonly brokerUrl?: string;
  readonly pacticipant?: string;
  readonly version?: string;
  readonly latest?: boolean;
  readonly branch?: string;
  readonly toEnvironment?: string;
  readonly retryWhileUnknown?: string;
  readonly retryInterval?: string;
}

const count = (flag: string, value: string | undefined): string[] => {
  if (value === undefined) return [];
  if (!/^\d{1,4}$/.test(value)) throw new UsageError(`${flag} must be a whole number (got "${value}")`);
  return [flag, value];
};

/** The arguments of `pact-broker can-i-deploy` (the pacticipant's selector first, as the CLI reads them). */
export function canIDeployArguments(flags: CanIDeployFlags): string[] {
  if (flags.brokerUrl === undefined) throw new UsageError('--broker-url is required');
  const brokerUrl = brokerUrlOf(flags.brokerUrl);
  const args = ['can-i-deploy', '--pacticipant', brokerValueOf('--pacticipant', flags.pacticipant)];
  if ((flags.version === undefined) === !flags.latest)
    throw new UsageError('give exactly one of --version and --latest');
  if (flags.version !== undefined) args.push('--version', brokerValueOf('--version', flags.version));
  if (flags.latest) args.push('--latest');
  if (flags.branch !== undefined) args.push('--branch', brokerValueOf('--branch', flags.branch));
  if (flags.toEnvironment !== undefined)
    args.push('--to-environment', brokerValueOf('--to-environment', flags.toEnvironment));
  args.push(
    ...count('--retry-while-unknown', flags.retryWhileUnknown),
    ...count('--retry-interval', flags.retryInterval),
  );
  return [...args, '--broker-base-url', brokerUrl];
}

async function runCanIDeploy(flags: CanIDeployFlags): Promise<void> {
  const args = canIDeployArguments(flags);
  await reachableBroker(brokerUrlOf(flags.brokerUrl as string));
  const result = await runPactBroker(args, { echo: true });
  process.exitCode = result.code === 0 ? 0 : 1;
}

export const registerCanIDeployCommand: CommandRegistrar = (program: Command) => {
  program
    .command('can-i-deploy')
    .description(
      'Ask the Pact Broker whether a version may be deployed (pact-broker can-i-deploy; exit 0 yes, 1 no; credentials from PACT_BROKER_* variables)',
    )
    .option('--broker-url <url>', 'base URL of the Pact Broker')
    .option('--pacticipant <name>', 'the consumer or provider to deploy')
    .option('--version <version>', 'its version')
    .option('--latest', 'its latest version (of --branch, when given)')
    .option('--branch <branch>', 'with --latest: the latest version of this branch')
    .option('--to-environment <environment>', 'the environment to deploy to')
    .option('--retry-while-unknown <times>', 'poll while verification results are missing')
    .option('--retry-interval <seconds>', 'seconds between those polls')
    .action((flags: CanIDeployFlags) => runCanIDeploy(flags));
};
