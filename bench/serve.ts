/**
 * A bench server in a process of its own (never the load generator's): prints one JSON line
 * `{"url": ...}` once listening on loopback, then serves until killed.
 *   mock  [--seed FILE] [--no-page-cache]   the reference mock (bench token, 8 MiB bodies)
 *   plain --body FILE                        node:http writing FILE's bytes to every request (the ceiling)
 *   proxy --target URL --delay MS            forwards, answering MS later; counts and records requests
 * The proxy answers IPC {"dump": true} with what it recorded (kept in memory: requests carry tokens).
 */
import { readFileSync } from 'node:fs';
import { createMockServer } from '../src/mock';
import { readSeedFile } from '../src/mock/seed';
import { startLatencyProxy, type RecordedRequest } from './latency-proxy';

import { BENCH_TOKEN } from './processes';
import { servePlainBody } from './plain-server';

const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

async function serve(kind: string | undefined): Promise<string> {
  switch (kind) {
    case 'mock': {
      const seedFile = flag('seed');
      const mock = await createMockServer({
        adminToken: BENCH_TOKEN,
        seed: seedFile === undefined ? undefined : readSeedFile(seedFile),
        pageCache: !process.argv.includes('--no-page-cache'),
        bodyLimitBytes: 8 * 1024 * 1024,
      });
      return mock.listen(0, '127.0.0.1');
    }
    case 'plain': {
      return servePlainBody(readFileSync(flag('body') ?? ''));
    }
    case 'proxy': {
      const recorded: RecordedRequest[] = [];
      const proxy = await startLatencyProxy({
        target: flag('target') ?? '',
        delayMs: Number(flag('delay') ?? 0),
        record: (request) => recorded.push(request),
      });
      process.on('message', () => process.send?.(recorded));
      return proxy.url;
    }
    default:
      throw new Error(`unknown server kind ${kind}`);
  }
}

// An orderly exit on SIGTERM, so that `node --cpu-prof` can write its profile.
process.on('SIGTERM', () => process.exit(0));

serve(process.argv[2]).then(
  (url) => process.stdout.write(`${JSON.stringify({ url })}\n`),
  (error: unknown) => {
    process.stderr.write(`bench server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
