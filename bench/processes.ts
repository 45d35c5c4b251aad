import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = path.join(__dirname, '..');
/** The admin token of every bench mock: a bench value, never a real credential. */
export const BENCH_TOKEN = 'bench-admin-token-0123456789';
const CLI = path.join(ROOT, 'bin', 'flows-conformance.js');
const READY_TIMEOUT_MS = 120_000;

/** Every process the bench started, ended when it exits, however it exits. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});
const tracked = <T extends ChildProcess>(child: T): T => {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
};

export interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  /** From spawn to the first line that says it listens. */
  readonly readyMs: number;
}

/** Spawns `command`, resolving once a stdout line gives the URL (`pick`); bounded by READY_TIMEOUT_MS. */
function started(spawned: ChildProcess, pick: (line: string) => string | undefined): Promise<Server> {
  const child = tracked(spawned);
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('a bench server did not start in time'));
    }, READY_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = pick(line);
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({ child, url, readyMs: performance.now() - began });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`a bench server exited (${code}) before listening`));
    });
  });
}

/** One of bench/serve.ts's servers, in a process of its own. */
export const spawnBenchServer = (args: readonly string[]): Promise<Server> =>
  started(
    spawn(process.execPath, ['-r', 'tsx/cjs', path.join(__dirname, 'serve.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    }),
    (line) => (JSON.parse(line) as { url: string }).url,
  );

/** `flows-conformance mock` (the built CLI), loopback, on a free port. */
export const spawnCliMock = (args: readonly string[], env: NodeJS.ProcessEnv): Promise<Server> =>
  started(
    spawn(process.execPath, [CLI, 'mock', '--port', '0', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
    (line) => /listening on (\S+)/.exec(line)?.[1],
  );

/** Prism's mock of an OpenAPI document, loopback; Prism says nothing with -v silent, so it is polled. */
export async function spawnPrism(document: string, port: number): Promise<Server> {
  const began = performance.now();
  const child = tracked(
    spawn(
      path.join(ROOT, 'node_modules', '.bin', 'prism'),
      ['mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'silent', document],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    ),
  );
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - began < READY_TIMEOUT_MS) {
    if (child.exitCode !== null) throw new Error(`prism exited (${child.exitCode})`);
    try {
      await fetch(url);
      return { child, url, readyMs: performance.now() - began };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  child.kill('SIGKILL');
  throw new Error('prism did not start in time');
}

/** Runs the built CLI to its end; its wall time, exit code and output. Bounded by `timeoutMs`. */
export { tracked };

export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ wallMs: number; code: number | null; stdout: string; stderr: string }> {
  const began = performance.now();
  const child = tracked(
    spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ wallMs: performance.now() - began, code, stdout, stderr });
    }),
  );
}

/** Resident memory of a process in bytes (Linux /proc). */
export function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kib === undefined ? Number.NaN : Number(kib) * 1024;
}

export function stop(...servers: (Server | undefined)[]): void {
  for (const server of servers) if (server && server.child.exitCode === null) server.child.kill('SIGTERM');
}
