import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CONSUMER, DEFAULT_PACT_DIR, DEFAULT_PROVIDER } from '../../pact/defaults';
import { UsageError } from '../usage-error';
import { loadConsumer, loadInteractions } from './pact-modules';
import { writableDirectoryOption } from '../writable-directory';
import type { CommandRegistrar } from './registrar';

interface PactsFlags {
  readonly pactDir: string;
  readonly consumer: string;
  readonly provider: string;
}

/** A pacticipant name becomes part of a file name and of broker URLs: keep it plain. */
export function pacticipantName(flag: string, value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(value))
    throw new UsageError(`${flag} must be letters, digits, '.', '_' or '-' (got "${value}")`);
  return value;
}

async function runPacts(flags: PactsFlags): Promise<void> {
  const names = {
    consumer: pacticipantName('--consumer', flags.consumer),
    provider: pacticipantName('--provider', flags.provider),
  };
  const { writePacts } = loadConsumer();
  const { ALL_PACT_CASES } = loadInteractions();
  const result = await writePacts({
    ...names,
    pactDir: writableDirectoryOption('--pact-dir', flags.pactDir),
    cases: ALL_PACT_CASES,
  });
  for (const failure of result.failures) process.stderr.write(`failed: ${failure}\n`);
  const relative = path.relative(process.cwd(), result.file);
  const shown = relative === '' || relative.startsWith('..') ? result.file : relative;
  const seconds = (result.durationMs / 1000).toFixed(1);
  process.stdout.write(
    result.failures.length === 0
      ? `wrote ${shown}: ${result.interactions} interactions in ${seconds}s\n`
      : `FAILED: ${shown} not written (${result.failures.length} of ${result.interactions} interactions failed; a pact is written whole or not at all)\n`,
  );
  if (result.failures.length > 0) process.exitCode = 1;
}

export const registerPactsCommand: CommandRegistrar = (program: Command) => {
  program
    .command('pacts')
    .description('Write the consumer pact of the Flows API (every action, every status) from the catalog')
    .option('--pact-dir <dir>', 'where to write <consumer>-<provider>.json', DEFAULT_PACT_DIR)
    .option('--consumer <name>', 'consumer name in the pact', DEFAULT_CONSUMER)
    .option('--provider <name>', 'provider name in the pact', DEFAULT_PROVIDER)
    .action((flags: PactsFlags) => runPacts(flags));
};
