import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { benchSeed } from '../bench-seed';
import { BENCH_TOKEN, spawnBenchServer, spawnPrism, runCli, stop, type Server } from '../processes';
import { figure } from '../report';
import { log, pathOf, type BenchContext } from './context';
import { loadWith } from '../load';

const CONNECTIONS = 10;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Requests per second over `seconds`, and how many answers were not 2xx. */
async function rate(url: string, seconds: number): Promise<{ perSecond: number; non2xx: number }> {
  const result = await loadWith(url, BENCH_TOKEN, { connections: CONNECTIONS, seconds });
  return { perSecond: result.requests.average, non2xx: result.non2xx };
}

/**
 * A Get of 25 flows from an application holding 1,000: the mock against node:http writing the same
 * bytes (the ceiling) and against Prism's mock of the project's OpenAPI export. Servers are
 * measured in turn, round after round, so that a burst of other load hits all of them alike.
 */
export async function throughputPhase(context: BenchContext): Promise<void> {
  const seedFile = path.join(context.scratch, 'seed-1000.json');
  writeFileSync(seedFile, JSON.stringify(benchSeed(1000)));
  const query = `${pathOf('flows.get')}?perPage=25`;
  const servers: Server[] = [];
  try {
    const mock = await spawnBenchServer(['mock', '--seed', seedFile]);
    servers.push(mock);
    const uncached = await spawnBenchServer(['mock', '--seed', seedFile, '--no-page-cache']);
    servers.push(uncached);
    const answer = await fetch(mock.url + query, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } });
    const body = Buffer.from(await answer.arrayBuffer());
    const bodyFile = path.join(context.scratch, 'page-25.json');
    writeFileSync(bodyFile, body);
    const plain = await spawnBenchServer(['plain', '--body', bodyFile]);
    servers.push(plain);
    const openapi = path.join(context.scratch, 'openapi.json');
    const exported = await runCli(['openapi', '--format', 'json', '--out', openapi], {}, 60_000);
    if (exported.code !== 0) throw new Error(`openapi export failed: ${exported.stderr.trim()}`);
    const prism = await spawnPrism(openapi, await freePort());
    servers.push(prism);

    const seconds = context.quick ? 1 : 3;
    const rounds = context.quick ? 1 : 3;
    const targets = { mock, uncached, plain, prism };
    const runs: Record<keyof typeof targets, number[]> = { mock: [], uncached: [], plain: [], prism: [] };
    let prismNon2xx = 0;
    for (const server of Object.values(targets)) await rate(server.url + query, 1); // warm-up
    for (let round = 0; round < rounds; round += 1) {
      for (const [name, server] of Object.entries(targets) as [keyof typeof targets, Server][]) {
        const measured = await rate(server.url + query, seconds);
        if (name === 'prism') prismNon2xx += measured.non2xx;
        else if (measured.non2xx > 0) throw new Error(`${name}: ${measured.non2xx} answers not 2xx`);
        runs[name].push(measured.perSecond);
      }
      log(`throughput round ${round + 1}/${rounds}`);
    }
    const plainBaseline = { name: 'node:http, same bytes', runs: runs.plain };
    context.figures.push(
      figure('Throughput (Get of 25 flows of 1,000)', {
        name: 'mock (page cache on, the default)',
        unit: 'req/s',
        runs: runs.mock,
        baseline: plainBaseline,
        target: { text: '≥ 0.7 of node:http', met: (_value, ratio) => ratio >= 0.7 },
      }),
      figure('Throughput (Get of 25 flows of 1,000)', {
        name: 'mock (page cache off: every Get built)',
        unit: 'req/s',
        runs: runs.uncached,
        baseline: plainBaseline,
      }),
      figure('Throughput (Get of 25 flows of 1,000)', {
        name: 'mock against Prism',
        unit: 'req/s',
        runs: runs.mock,
        baseline: { name: 'prism mock -v silent', runs: runs.prism },
        target: { text: '≥ 10× Prism', met: (_value, ratio) => ratio >= 10 },
      }),
    );
    context.notes.push(
      `Throughput: autocannon, ${CONNECTIONS} connections, ${seconds} s per run, ${rounds} rounds; ` +
        `the page is ${body.length} bytes. Prism serves the export's example for the same request ` +
        `(${prismNon2xx} of its answers were not 2xx).`,
    );
  } finally {
    stop(...servers);
  }
}
