import type { Command } from 'commander';
import {
  createMockServer,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_MOCK_HOST,
  DEFAULT_MOCK_PORT,
  isVariantName,
  MOCK_APPLICATION_ID,
  MOCK_ONLY_TOKEN_ROUTE,
  MOCK_OTHER_APPLICATION_ID,
  MOCK_USER,
  readSeedFile,
  SeedError,
  type Seed,
  VARIANT_NAMES,
  type VariantName,
} from '../../mock';
import { UsageError } from '../usage-error';
import type { CommandRegistrar } from './index';

interface MockFlags {
  readonly host: string;
  readonly port: string;
  readonly adminToken?: string;
  readonly seed?: string;
  readonly variant: string;
}

const HELP_AFTER = `
State at start: user ${MOCK_USER.email} (password ${MOCK_USER.password}, userId ${MOCK_USER.userId})
owns applications ${MOCK_APPLICATION_ID} and ${MOCK_OTHER_APPLICATION_ID}, with no flows unless --seed gives some.

Tokens: POST /auth/user {"email","password"} gives an all.User token; POST /applications/{id}/tokens makes
application tokens. Mock-only: POST ${MOCK_ONLY_TOKEN_ROUTE} {"applicationId"?, "scope": [...]} with an all.User
token gives a token of any scope (all.Organization included). Bodies are JSON only, at most
${DEFAULT_BODY_LIMIT_BYTES} bytes (413 above). See docs/mock.md for the seed format.
`;

function portOf(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535)
    throw new UsageError(`--port must be 0-65535, got "${text}"`);
  return Number(text);
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

const untilSignal = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

async function runMock(flags: MockFlags): Promise<void> {
  const port = portOf(flags.port);
  if (flags.adminToken !== undefined && flags.adminToken.trim() === '')
    throw new UsageError('--admin-token must not be blank');
  const variant = variantOf(flags.variant);
  const seed = seedOf(flags.seed);
  let mock;
  try {
    mock = await createMockServer({ adminToken: flags.adminToken, seed, variant });
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
  await stopped;
  await mock.close();
}

export const registerMockCommand: CommandRegistrar = (program: Command) => {
  program
    .command('mock')
    .description('Run the reference mock server of the Flows API until SIGINT/SIGTERM')
    .option('--host <host>', 'interface to listen on', DEFAULT_MOCK_HOST)
    .option('--port <port>', 'port to listen on (0 picks a free one)', String(DEFAULT_MOCK_PORT))
    .option('--admin-token <token>', 'make TOKEN a valid all.User token of the mock user')
    .option('--seed <file>', 'JSON file of flows and versions to start with (docs/mock.md)')
    .option(
      '--variant <name>',
      `${VARIANT_NAMES.join(' or ')}: other-choices is a correct server that words its answers otherwise (docs/mock.md)`,
      'reference',
    )
    .addHelpText('after', HELP_AFTER)
    .action((flags: MockFlags) => runMock(flags));
};
