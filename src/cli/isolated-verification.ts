import { fork } from 'node:child_process';
import path from 'node:path';
import { Redactor } from '../http/redact';
import type { VerificationJob, VerificationJobResult } from '../pact/verification';
import { stripAnsi } from '../pact/verifier-output';
import { showControls } from '../reporters';
import { TargetUnusable } from '../target/preflight';

export type WorkerAnswer = { readonly secrets: readonly string[] } & (
  | { readonly result: VerificationJobResult; readonly error?: undefined }
  | {
      readonly error: {
        readonly message: string;
        readonly unusable: boolean;
        readonly unreachable?: boolean;
      };
      readonly result?: undefined;
    }
);

/** The parent's word that the user stopped the verification (its first SIGINT or SIGTERM). */
export interface InterruptMessage {
  readonly interrupt: string;
}

/** What of the verifier's own output is kept for the console; a target's echo can be large. */
const MAX_SHOWN_OUTPUT = 8 * 1024 * 1024;

/** The worker as built (`.js`), or its TypeScript source under the tsx hook of the tests. */
function workerEntry(): { file: string; execArgv: string[] } {
  const file = require.resolve('./verify-worker');
  return { file, execArgv: path.extname(file) === '.ts' ? ['-r', 'tsx/cjs'] : [] };
}

/**
 * Runs the verification in a child process and prints the Pact core's report of it once it is over,
 * every secret the verification handled redacted and every control character shown as its escape: the
 * core writes to the process's stdout itself, where a target's echoed headers and tokens would
 * otherwise reach the terminal raw.
 */
export function runVerificationIsolated(
  job: Omit<VerificationJob, 'connect' | 'onSecrets'>,
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<VerificationJobResult> {
  const { file, execArgv } = workerEntry();
  const worker = fork(file, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const { signal, ...rest } = job;
  const interrupt = () => {
    const message: InterruptMessage = { interrupt: String(signal?.reason ?? 'SIGINT') };
    if (worker.connected) worker.send(message);
  };
  signal?.addEventListener('abort', interrupt, { once: true });
  worker.once('close', () => signal?.removeEventListener('abort', interrupt));
  let output = '';
  const keep = (chunk: Buffer) => {
    if (output.length < MAX_SHOWN_OUTPUT) output += chunk.toString('utf8');
  };
  worker.stdout?.on('data', keep);
  worker.stderr?.on('data', keep);
  let answer: WorkerAnswer | undefined;
  worker.on('message', (message: WorkerAnswer) => (answer = message));
  worker.send(rest);
  if (signal?.aborted) interrupt();
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('close', (code) => {
      const redactor = new Redactor([
        ...(answer?.secrets ?? []),
        ...[job.config.adminToken, job.config.userPassword].filter((secret): secret is string => !!secret),
      ]);
      if (output !== '') write(showControls(redactor.redact(stripAnsi(output.slice(0, MAX_SHOWN_OUTPUT)))));
      if (answer?.result) resolve(answer.result);
      else if (answer?.error) {
        const message = showControls(redactor.redact(answer.error.message));
        reject(
          answer.error.unusable ? new TargetUnusable(message, answer.error.unreachable) : new Error(message),
        );
      } else reject(new Error(`the verification stopped without an answer (exit ${code})`));
    });
  });
}
