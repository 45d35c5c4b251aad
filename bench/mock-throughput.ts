/**
 * Throughput of the reference mock for a 25-flow Get, against plain node:http writing the same bytes.
 * Each server runs in its own child process (loopback only); autocannon drives them from this one for
 * a bounded time. Usage: npm run bench [-- --seconds 5 --connections 50]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { actionById, pathFor } from '../specs/catalog';
import { createMockServer, MOCK_APPLICATION_ID } from '../src/mock';
import { benchSeed } from './bench-seed';
import { loadAllOk } from './load';
import { servePlainBody } from './plain-server';

const TOKEN = 'bench-token';
const FLOWS_PATH = pathFor(actionById('flows.get'), { APPLICATION_ID: MOCK_APPLICATION_ID });

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Child mode: serve and print one JSON line `{url, startMs}`. */
async function serve(kind: string): Promise<void> {
  const began = process.hrtime.bigint();
  let url: string;
  if (kind === 'mock' || kind === 'mock-uncached') {
    const mock = await createMockServer({
      adminToken: TOKEN,
      seed: benchSeed(25),
      pageCache: kind === 'mock',
    });
    url = await mock.listen(0, '127.0.0.1');
  } else {
    url = await servePlainBody(readFileSync(process.argv[process.argv.indexOf('--body') + 1]));
  }
  const startMs = Number(process.hrtime.bigint() - began) / 1e6;
  process.stdout.write(`${JSON.stringify({ url, startMs })}\n`);
}

function spawnServer(
  args: string[],
): Promise<{ child: ChildProcess; url: string; startMs: number; spawnMs: number }> {
  const spawned = Date.now();
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', __filename, '--serve', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const { url, startMs } = JSON.parse(line) as { url: string; startMs: number };
      resolve({ child, url, startMs, spawnMs: Date.now() - spawned });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

async function measure(url: string, seconds: number, connections: number): Promise<number> {
  const result = await loadAllOk(url + FLOWS_PATH, TOKEN, { connections, seconds });
  return result.requests.average;
}

async function main(): Promise<void> {
  const seconds = argument('seconds', 5);
  const connections = argument('connections', 50);
  const mock = await spawnServer(['mock']);
  const body = Buffer.from(
    await (
      await fetch(mock.url + FLOWS_PATH, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).arrayBuffer(),
  );
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'mock-bench-')), 'body.json');
  writeFileSync(file, body);
  const plain = await spawnServer(['plain', '--body', file]);
  const uncached = await spawnServer(['mock-uncached']);
  try {
    for (const server of [mock, plain, uncached]) await measure(server.url, 1, connections); // warm-up
    const mockRate = await measure(mock.url, seconds, connections);
    const plainRate = await measure(plain.url, seconds, connections);
    const uncachedRate = await measure(uncached.url, seconds, connections);
    const ofBaseline = (rate: number) => `${((rate / plainRate) * 100).toFixed(0)}% of baseline`;
    process.stdout.write(
      [
        `25-flow Get, ${body.length} bytes, ${connections} connections, ${seconds} s each`,
        `node:http baseline: ${Math.round(plainRate)} req/s`,
        `mock:               ${Math.round(mockRate)} req/s (${ofBaseline(mockRate)})`,
        `mock, no page cache: ${Math.round(uncachedRate)} req/s (${ofBaseline(uncachedRate)}; ` +
          'each Get filters, sorts and joins the cached JSON of its flows)',
        `mock start: ${mock.startMs.toFixed(0)} ms in process (createMockServer + listen, seeded), ` +
          `${mock.spawnMs} ms from spawn (node + tsx + imports)`,
      ].join('\n') + '\n',
    );
  } finally {
    for (const server of [mock, plain, uncached]) server.child.kill('SIGTERM');
  }
}

const serveAt = process.argv.indexOf('--serve');
(serveAt >= 0 ? serve(process.argv[serveAt + 1]) : main()).catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
