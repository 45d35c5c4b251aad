/**
 * The latency `flows-conformance proxy` adds per request: autocannon against the mock directly and then
 * through the proxy, one connection at a time (latency, not throughput), a 25-flow Get that the proxy
 * judges in full. The mock and the proxy each run in a child process; loopback only, bounded in time.
 * Usage: npx tsx bench/proxy-latency.ts [--seconds 10] [--connections 1]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { createMockServer, MOCK_APPLICATION_ID } from '../src/mock';
import { createConformanceProxy } from '../src/proxy';
import { benchSeed } from './bench-seed';
import { actionById, pathFor } from '../specs/catalog';
import { loadAllOk } from './load';

const TOKEN = 'bench-token';
const FLOWS_PATH = `${pathFor(actionById('flows.get'), { APPLICATION_ID: MOCK_APPLICATION_ID })}?sortField=name&perPage=25`;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Child mode: the mock, or the proxy in front of `--target`; prints its URL. */
async function serve(kind: string): Promise<void> {
  let url: string;
  if (kind === 'mock') {
    const mock = await createMockServer({ adminToken: TOKEN, seed: benchSeed(25) });
    url = await mock.listen(0, '127.0.0.1');
  } else {
    const target = process.argv[process.argv.indexOf('--target') + 1];
    // Bounded: the bench keeps far fewer exchanges than a long proxy session would.
    const proxy = createConformanceProxy({ target, maxExchanges: 1000 });
    url = await proxy.listen(0, '127.0.0.1');
    // The CPU a judged exchange costs, which a loaded machine does not inflate as it does latency.
    let since = process.cpuUsage();
    process.on('SIGUSR2', () => (since = process.cpuUsage()));
    process.on('SIGTERM', () => {
      const used = process.cpuUsage(since);
      process.stdout.write(`${JSON.stringify({ cpuMs: (used.user + used.system) / 1000 })}\n`);
      process.exit(0);
    });
  }
  process.stdout.write(`${url}\n`);
}

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  /** The next line the child prints. */
  readonly nextLine: () => Promise<string>;
}

function spawnServer(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', __filename, '--serve', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
  return new Promise((resolve, reject) => {
    void nextLine().then((url) => resolve({ child, url, nextLine }));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
}

async function measure(url: string, seconds: number, connections: number): Promise<Latency> {
  const result = await loadAllOk(url + FLOWS_PATH, TOKEN, { connections, seconds });
  return { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

async function main(): Promise<void> {
  const seconds = argument('seconds', 10);
  const connections = argument('connections', 1);
  const mock = await spawnServer(['mock']);
  const proxy = await spawnServer(['proxy', '--target', mock.url]);
  try {
    await measure(proxy.url, 1, connections); // warm-up: schemas compiled, connections open
    const direct = await measure(mock.url, seconds, connections);
    proxy.child.kill('SIGUSR2');
    const through = await measure(proxy.url, seconds, connections);
    const usage = proxy.nextLine();
    proxy.child.kill('SIGTERM');
    const { cpuMs } = JSON.parse(await usage) as { cpuMs: number };
    const row = (name: string, latency: Latency) =>
      `| ${name} | ${latency.p50} | ${latency.p99} | ${latency.requests} |`;
    process.stdout.write(
      [
        `Get of 25 flows, ${connections} connection(s), ${seconds} s each (latency in ms, autocannon):`,
        '',
        '| path | median | p99 | requests |',
        '|---|---:|---:|---:|',
        row('mock', direct),
        row('proxy → mock', through),
        '',
        `added by the proxy: median ${(through.p50 - direct.p50).toFixed(2)} ms, p99 ${(through.p99 - direct.p99).toFixed(2)} ms`,
        `the proxy's CPU per judged exchange: ${(cpuMs / through.requests).toFixed(2)} ms`,
        `load average during the run: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
        '',
      ].join('\n'),
    );
  } finally {
    mock.child.kill();
    proxy.child.kill();
  }
}

if (process.argv.includes('--serve')) void serve(process.argv[process.argv.indexOf('--serve') + 1]);
else void main();
