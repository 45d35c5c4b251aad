import { spawn } from 'node:child_process';
import { Redactor } from '../http/redact';
import { showControls } from '../reporters/controls';
import { stripAnsi } from './verifier-output';

/** The official pact-broker CLI (Rust) shipped in @pact-foundation/pact-cli. */
export const pactBrokerCli = (): string => require.resolve('@pact-foundation/pact-cli/bin/pact-broker.js');

export interface BrokerCliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface BrokerCliOptions {
  /** Environment of the CLI; it reads PACT_BROKER_TOKEN / _USERNAME / _PASSWORD from here. */
  readonly env?: NodeJS.ProcessEnv;
  /** Echo the CLI's output as it comes (the commands do; tests capture it). */
  readonly echo?: boolean;
}

/** The credentials the CLI is given, which a broker may echo back into its output. */
const brokerSecrets = (env: NodeJS.ProcessEnv): Redactor =>
  new Redactor(
    [env.PACT_BROKER_TOKEN, env.PACT_BROKER_PASSWORD].filter((secret): secret is string => !!secret),
  );

/**
 * Writes what the CLI prints line by line, each line redacted (the broker's credentials, and any
 * credential under a secret's name) and inert (colours dropped, other control characters escaped): a
 * broker's answer, which the CLI shows, could carry either.
 */
function shownLines(write: (text: string) => void, redactor: Redactor) {
  let pending = '';
  const show = (line: string) => write(showControls(redactor.redact(stripAnsi(line))));
  return {
    add(chunk: string) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() as string;
      for (const line of lines) show(`${line}\n`);
    },
    end() {
      if (pending !== '') show(pending);
      pending = '';
    },
  };
}

/**
 * Runs `pact-broker <args>`. Credentials never travel as arguments: the CLI takes them from its own
 * environment variables, so they stay out of shell history, process lists and logs.
 */
export function runPactBroker(
  args: readonly string[],
  options: BrokerCliOptions = {},
): Promise<BrokerCliResult> {
  return new Promise((resolve, reject) => {
    const env = options.env ?? process.env;
    const child = spawn(process.execPath, [pactBrokerCli(), ...args], { env });
    const redactor = brokerSecrets(env);
    const shownOut = shownLines((text) => options.echo && process.stdout.write(text), redactor);
    const shownErr = shownLines((text) => options.echo && process.stderr.write(text), redactor);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      shownOut.add(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      shownErr.add(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      shownOut.end();
      shownErr.end();
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** The publish subcommand reports a refused contract with a ❌ line and exit code 0; count it as failed. */
export const publishFailed = (result: BrokerCliResult): boolean =>
  result.code !== 0 || /❌/.test(result.stdout) || /❌/.test(result.stderr);
