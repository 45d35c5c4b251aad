import { main } from '../../src/cli/main';

export interface InProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * `flows-conformance <args>` in this process, with what it writes to stdout and stderr captured and
 * process.exitCode restored after: faster than a child process, and the same main() a user runs.
 */
/** Calls in turn: each swaps the process's stdout, stderr, env and exit code while it runs. */
let queue: Promise<unknown> = Promise.resolve();

export function runMain(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<InProcessResult> {
  const result = queue.then(() => runMainAlone(args, env));
  queue = result.catch(() => undefined);
  return result;
}

async function runMainAlone(args: readonly string[], env: NodeJS.ProcessEnv): Promise<InProcessResult> {
  const out = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array) => {
      out[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      return true;
    }) as typeof process.stdout.write;
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  Object.assign(process.env, env);
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  const started = Date.now();
  try {
    await main(['node', 'flows-conformance', ...args]);
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = exitCode;
  return { code, ...out, ms: Date.now() - started };
}
