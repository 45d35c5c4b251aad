import { spawn } from 'node:child_process';

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

/**
 * Runs `pact-broker <args>`. Credentials never travel as arguments: the CLI takes them from its own
 * environment variables, so they stay out of shell history, process lists and logs.
 */
export function runPactBroker(
  args: readonly string[],
  options: BrokerCliOptions = {},
): Promise<BrokerCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pactBrokerCli(), ...args], { env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The publish subcommand reports a refused contract with a ❌ line and exit code 0; count it as failed. */
export const publishFailed = (result: BrokerCliResult): boolean =>
  result.code !== 0 || /❌/.test(result.stdout) || /❌/.test(result.stderr);
