import { Command, CommanderError } from 'commander';
import { commandsFor } from './commands';
import { withExamples } from './examples';
import { UnreachableError, UsageError } from './usage-error';
import { EXIT_CODES } from '../errors';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths';

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? '0.0.0';
}

/** The program with the commands `argv` needs (all of them by default). */
export function buildProgram(argv: readonly string[] = []): Command {
  const program = new Command('flows-conformance')
    .description(
      'Executable specification of the Losant Flows REST resource: conformance runs, pacts and a reference mock.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    // The program's own options only before the command: can-i-deploy has a --version of its own.
    .enablePositionalOptions()
    .exitOverride()
    .showHelpAfterError(false)
    .showSuggestionAfterError(true)
    // One line: commander's "(Did you mean --grep?)" comes on a second line; it joins the first.
    .configureOutput({
      outputError: (message, write) =>
        write(
          message
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .join(' ') + '\n',
        ),
    });
  for (const register of commandsFor(argv)) register(program);
  for (const command of program.commands) withExamples(command);
  return program;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram(argv);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof UnreachableError) {
      process.stderr.write(`flows-conformance: ${oneLine(error)}\n`);
      process.exitCode = EXIT_CODES.unreachable;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`flows-conformance: ${oneLine(error)}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`flows-conformance: unexpected error: ${oneLine(error)}\n`);
    process.exitCode = 2;
  }
}
