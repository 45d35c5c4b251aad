import type { Command } from 'commander';
import { isIP } from 'node:net';
import {
  createMockServer,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_MOCK_HOST,
  DEFAULT_MOCK_PORT,
  DEFAULT_REQUEST_TIMEOUT_MS,
  FAULT_NAMES,
  FAULTS,
  type FaultName,
  isFaultName,
  isVariantName,
  MOCK_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
  MOCK_USER,
  readSeedFile,
  SeedError,
  type Seed,
  VARIANT_NAMES,
  type VariantName,
} from '../../mock';
import { auxiliaryRoute, routeLabel } from '../../../specs/catalog';
import { UsageError } from '../usage-error';
import type { CommandRegistrar } from './registrar';
import { untilSignal } from '../signals';

interface MockFlags {
  readonly host: string;
  readonly port: string;
  readonly adminToken?: string;
  readonly userPassword?: string;
  readonly requestTimeout?: string;
  readonly seed?: string;
  readonly variant: string;
  readonly fault: readonly string[];
  readonly listFaults?: boolean;
}

const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

/** `--list-faults`: each deliberate fault with what it breaks, one per line. */
export function faultList(): string {
  const width = Math.max(...FAULT_NAMES.map((name) => name.length));
  return FAULT_NAMES.map((name) => `${name.padEnd(width)}  ${FAULTS[name]}`).join('\n') + '\n';
}

function faultsOf(names: readonly string[]): FaultName[] {
  for (const name of names)
    if (!isFaultName(name))
      throw new UsageError(`--fault: no fault "${name}" (flows-conformance mock --list-faults lists them)`);
  return [...names] as FaultName[];
}

/** The mock's secrets may come from the environment, which `ps` does not show; a flag wins over it. */
export const MOCK_ENV_NAMES = {
  adminToken: 'FLOWS_CONFORMANCE_MOCK_ADMIN_TOKEN',
  userPassword: 'FLOWS_CONFORMANCE_MOCK_USER_PASSWORD',
} as const;

const HELP_AFTER = `
Secrets from the environment (kept out of ps): ${MOCK_ENV_NAMES.adminToken}, ${MOCK_ENV_NAMES.userPassword}.
On a host other than loopback the mock refuses to start unless both are given: no default credential is
ever live on a network (README, "Security").

State at start: user ${MOCK_USER.email} (password ${MOCK_USER.password} unless --user-password,
userId ${MOCK_USER.userId}) owns applications ${MOCK_APPLICATION_ID} and ${MOCK_OTHER_APPLICATION_ID}, with no flows unless --seed gives some.

Tokens: ${routeLabel(auxiliaryRoute('auth.user'))} {"email","password"} gives an all.User token; ${routeLabel(auxiliaryRoute('applicationTokens.post'))} makes
application tokens. Mock-only: ${routeLabel(auxiliaryRoute('mockOnly.tokens'))} {"applicationId"?, "scope": [...]} with an all.User
token gives a token of any scope (all.Organization included). Bodies are JSON only, at most
${DEFAULT_BODY_LIMIT_BYTES} bytes (413 above). See docs/mock.md for the seed format.
`;

function portOf(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535)
    throw new UsageError(`--port must be 0-65535, got "${text}"`);
  return Number(text);
}

function requestTimeoutOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_REQUEST_TIMEOUT_MS;
  const ms = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
  if (!(ms >= 1 && ms <= 3_600_000))
    throw new UsageError(`--request-timeout must be 1-3600000 milliseconds, got "${text}"`);
  return ms;
}

/** The shortest admin token or user password the mock takes on a network (a guessable one is no lock). */
export const MIN_NETWORK_SECRET_LENGTH = 16;

/** Only a literal loopback address (or `localhost`) keeps the mock off the network. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/** A secret from its flag, else its environment variable; a blank one is a usage error. */
function secretOf(flag: string | undefined, flagName: string, envName: string): string | undefined {
  const value = flag ?? (process.env[envName] === '' ? undefined : process.env[envName]);
  if (value !== undefined && value.trim() === '')
    throw new UsageError(`${flagName} (${envName}) must not be blank`);
  return value;
}

function variantOf(name: string): VariantName {
  if (!isVariantName(name))
    throw new UsageError(`--variant must be one of ${VARIANT_NAMES.join(', ')}, got "${name}"`);
  return name;
}

function seedOf(file: string | undefined): Seed | undefined {
  if (file === undefined) return undefined;
  try {
    return readSeedFile(file);
  } catch (error) {
    if (error instanceof SeedError) throw new UsageError(error.message);
    throw error;
  }
}

async function runMock(flags: MockFlags): Promise<void> {
  if (flags.listFaults) {
    process.stdout.write(faultList());
    return;
  }
  const faults = faultsOf(flags.fault);
  const port = portOf(flags.port);
  const requestTimeoutMs = requestTimeoutOf(flags.requestTimeout);
  const adminToken = secretOf(flags.adminToken, '--admin-token', MOCK_ENV_NAMES.adminToken);
  const userPassword = secretOf(flags.userPassword, '--user-password', MOCK_ENV_NAMES.userPassword);
  if (!isLoopbackHost(flags.host)) {
    if (adminToken === undefined || userPassword === undefined || userPassword === MOCK_USER.password) {
      throw new UsageError(
        `--host ${flags.host} is reachable from the network: give --admin-token (${MOCK_ENV_NAMES.adminToken}) ` +
          `and a --user-password (${MOCK_ENV_NAMES.userPassword}) other than the documented default`,
      );
    }
    const short = (
      [
        ['--admin-token', MOCK_ENV_NAMES.adminToken, adminToken],
        ['--user-password', MOCK_ENV_NAMES.userPassword, userPassword],
      ] as const
    ).find(([, , secret]) => [...secret].length < MIN_NETWORK_SECRET_LENGTH);
    if (short)
      throw new UsageError(
        `--host ${flags.host} is reachable from the network: ${short[0]} (${short[1]}) must be at least ` +
          `${MIN_NETWORK_SECRET_LENGTH} characters`,
      );
  }
  const variant = variantOf(flags.variant);
  const seed = seedOf(flags.seed);
  let mock;
  try {
    mock = await createMockServer({ adminToken, userPassword, requestTimeoutMs, seed, variant, faults });
  } catch (error) {
    if (error instanceof SeedError) throw new UsageError(error.message);
    throw error;
  }
  const stopped = untilSignal();
  let url: string;
  try {
    url = await mock.listen(port, flags.host);
  } catch (error) {
    await mock.close();
    throw new UsageError(
      `cannot listen on ${flags.host}:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  process.stdout.write(`flows-conformance mock listening on ${url}\n`);
  if (faults.length > 0)
    process.stderr.write(`deliberately broken (not a correct server): ${faults.join(', ')}\n`);
  await stopped;
  await mock.close();
}

export const registerMockCommand: CommandRegistrar = (program: Command) => {
  program
    .command('mock')
    .description('Run the reference mock server of the Flows API until SIGINT/SIGTERM')
    .option('--host <host>', 'interface to listen on', DEFAULT_MOCK_HOST)
    .option('--port <port>', 'port to listen on (0 picks a free one)', String(DEFAULT_MOCK_PORT))
    .option(
      '--admin-token <token>',
      `make TOKEN a valid all.User token of the mock user (or ${MOCK_ENV_NAMES.adminToken})`,
    )
    .option(
      '--user-password <password>',
      `the mock user's password for POST /auth/user (or ${MOCK_ENV_NAMES.userPassword}; default the documented one)`,
    )
    .option(
      '--request-timeout <ms>',
      `close a request not fully received within this many milliseconds (default ${DEFAULT_REQUEST_TIMEOUT_MS})`,
    )
    .option('--seed <file>', 'JSON file of flows and versions to start with (docs/mock.md)')
    .option(
      '--variant <name>',
      `${VARIANT_NAMES.join(' or ')}: other-choices is a correct server that words its answers otherwise (docs/mock.md)`,
      'reference',
    )
    .option(
      '--fault <name>',
      'switch on a deliberate bug, to see the suite catch it (repeatable; --list-faults names them)',
      collect,
      [],
    )
    .option('--list-faults', 'list the deliberate faults with what each breaks, and exit')
    .addHelpText('after', HELP_AFTER)
    .action((flags: MockFlags) => runMock(flags));
};
