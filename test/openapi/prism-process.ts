import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runOpenApi } from '../../src/cli/commands/openapi';
import { PACKAGE_ROOT } from '../../src/paths';

/** `prism mock` or `prism proxy` over the export, in a child process on loopback (bounded waits). */

const PRISM_PACKAGE = path.join(PACKAGE_ROOT, 'node_modules', '@stoplight', 'prism-cli');
const PRISM = path.join(PRISM_PACKAGE, 'dist', 'index.js');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

export const prismVersion = (): string =>
  (JSON.parse(readFileSync(path.join(PRISM_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;

export interface PrismProcess {
  readonly url: string;
  /** The OpenAPI file Prism serves. */
  readonly document: string;
  stop(): Promise<void>;
}

/** A port nothing listens on now (the kernel's pick on loopback). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves when Prism logs that it listens; rejects if it exits first or the bounded wait runs out. */
function listening(prism: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${log}`)), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      if (log.length < 64 * 1024) log += chunk.toString();
      if (/Prism is listening on/.test(log)) {
        clearTimeout(timer);
        prism.stdout?.off('data', onData);
        prism.stderr?.off('data', onData);
        resolve();
      }
    };
    prism.stdout?.on('data', onData);
    prism.stderr?.on('data', onData);
    prism.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited with ${code}:\n${log}`));
    });
  });
}

function stopper(prism: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (prism.exitCode !== null || prism.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        prism.kill('SIGKILL');
        resolve();
      }, STOP_TIMEOUT_MS);
      prism.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      prism.kill('SIGTERM');
    });
}

/**
 * Exports the document to a temporary file and starts Prism on it: `['mock']`, or `['proxy', UPSTREAM]`.
 * Its log is drained and dropped once it listens: the validation results are read from the
 * `sl-violations` header instead.
 */
export async function startPrism(
  command: readonly string[],
  flags: readonly string[] = [],
): Promise<PrismProcess> {
  const document = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-prism-')), 'flows.json');
  await runOpenApi({ out: document, format: 'json' });
  const port = await freePort();
  const [verb, ...positionals] = command;
  const prism = spawn(
    process.execPath,
    [PRISM, verb, '--host', '127.0.0.1', '--port', String(port), ...flags, document, ...positionals],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = stopper(prism);
  try {
    await listening(prism);
  } catch (error) {
    await stop();
    throw error;
  }
  prism.stdout?.resume();
  prism.stderr?.resume();
  return { url: `http://127.0.0.1:${port}`, document, stop };
}
