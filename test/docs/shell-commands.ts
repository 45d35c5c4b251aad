import { execFileSync } from 'node:child_process';
import { PACKAGE_ROOT } from '../../src/paths';

/** One command of a shell block, as bash expanded it (quotes, `\` continuations, variables, `$(...)`). */
export interface ShellCommand {
  /** `flows-conformance` for `npx flows-conformance`, else the program (`npm`, `docker`, ...). */
  readonly program: string;
  readonly args: readonly string[];
  /** The FLOWS_CONFORMANCE_* and PACT_BROKER_* variables the block exported before this command. */
  readonly env: Readonly<Record<string, string>>;
  /** The command as bash expanded it, for messages. */
  readonly text: string;
}

const FIELD = '\u001f';
const RECORD = '\u001e';

/**
 * Bash with `npx`, `npm`, `docker` and `pact-broker` replaced by functions that only record their
 * arguments and the relevant environment: one bash per block does all the shell's parsing, the commands
 * themselves run in the test (the CLI in process).
 */
const PRELUDE = `
__record() {
  printf '%s${FIELD}' "$@"
  printf '${RECORD}'
  env | grep -E '^(FLOWS_CONFORMANCE|PACT_BROKER)_[A-Z_]*=' | tr '\\n' '${FIELD}'
  printf '${RECORD}\\n'
}
npx() { if [ "$1" = flows-conformance ]; then shift; __record flows-conformance "$@"; else __record "npx $1"; fi; }
npm() { __record npm "$@"; }
docker() { __record docker "$@"; }
`;

/** The commands of a shell block, in order; exports and command substitutions are done by bash. */
export function shellCommands(code: string, env: NodeJS.ProcessEnv): ShellCommand[] {
  const output = execFileSync('bash', ['--noprofile', '--norc', '-c', `${PRELUDE}\n${code}`], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    timeout: 10_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return output
    .split(`${RECORD}\n`)
    .filter((record) => record !== '')
    .map((record) => {
      const [argvText, envText] = record.split(RECORD);
      const [program, ...args] = argvText.split(FIELD).slice(0, -1);
      const exported = Object.fromEntries(
        envText
          .split(FIELD)
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      return { program, args, env: exported, text: [program, ...args].join(' ') };
    });
}
