import { Option, type Command } from 'commander';
import { writableDirectoryOption } from './writable-directory';
import {
  CONFIG_FILE_ENV,
  configFileLayer,
  environmentLayer,
  resolveTargetConfig,
  type RawTargetConfig,
  type TargetConfig,
} from '../target/config';

/**
 * The target and credential options that `run` and `verify` share. No option has a commander default:
 * defaults live in DEFAULT_TARGET_CONFIG, so that the config file and the environment can set them.
 */
export function addTargetOptions(command: Command, use: 'run' | 'verify' = 'run'): Command {
  // Options that act only in a conformance run stay out of verify's help (still accepted: a shared
  // config file or environment may set them).
  const runOnly = (option: Option): Option => (use === 'run' ? option : option.hideHelp());
  return command
    .option('--config <file>', `JSON config file (keys as in docs/conformance.md; env ${CONFIG_FILE_ENV})`)
    .option('--target <url>', 'base URL of the API to test (default: the embedded mock, in-process)')
    .option('--application-id <id>', 'the application the suite may create flows in')
    .addOption(
      runOnly(
        new Option(
          '--other-application-id <id>',
          'a second application of the same user (cross-application checks)',
        ),
      ),
    )
    .addOption(
      runOnly(
        new Option(
          '--foreign-application-id <id>',
          'an application of another user, which no credential of the run may reach',
        ),
      ),
    )
    .option(
      '--admin-token <token>',
      'token allowed to mint application tokens (prefer FLOWS_CONFORMANCE_ADMIN_TOKEN)',
    )
    .option('--user-email <email>', 'log in with POST /auth/user instead of an admin token')
    .option(
      '--user-password <password>',
      'password for --user-email (prefer FLOWS_CONFORMANCE_USER_PASSWORD)',
    )
    .option('--tokens <file>', 'JSON map from scope to token, for scopes the tokens endpoint cannot mint')
    .option('--mock-only-tokens', 'get user-only scopes from the mock-only token route of a mock target')
    .option(
      '--timeout <ms>',
      'deadline of each response, first to last byte, in milliseconds (default 10000)',
    )
    .option('--max-response-bytes <n>', 'a larger response body fails its case (default 16777216)')
    .option(
      '--max-retry-wait <ms>',
      'total wait per request on 429 Retry-After before it fails (default 5000)',
    )
    .addOption(runOnly(new Option('--concurrency <n>', 'requests in flight (default 8)')))
    .option('--report-dir <dir>', 'where reports are written (default reports/)');
}

/** Flag attribute (commander's camelCase) → config key, where they differ. */
const FLAG_KEYS: Readonly<Record<string, keyof RawTargetConfig>> = {
  target: 'baseUrl',
  timeout: 'timeoutMs',
  maxRetryWait: 'maxRetryWaitMs',
  tokens: 'tokensFile',
  noCleanup: 'cleanup',
};

/** Only what the user typed counts as the flags layer (commander's implied defaults do not). */
export function flagsLayer(command: Command): RawTargetConfig {
  const layer: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(command.opts())) {
    if (name === 'config' || command.getOptionValueSource(name) !== 'cli') continue;
    layer[FLAG_KEYS[name] ?? name] = value;
  }
  return layer as RawTargetConfig;
}

/** defaults → config file → environment → flags, validated; throws UsageError (exit 2). */
export function resolveTargetOptions(command: Command, env: NodeJS.ProcessEnv = process.env): TargetConfig {
  const configFile = (command.opts().config as string | undefined) ?? env[CONFIG_FILE_ENV];
  const layers = [configFile ? configFileLayer(configFile) : {}, environmentLayer(env), flagsLayer(command)];
  const config = resolveTargetConfig(layers);
  writableDirectoryOption('--report-dir', config.reportDir);
  return config;
}
