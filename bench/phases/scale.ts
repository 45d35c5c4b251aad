import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MOCK_APPLICATION_ID } from '../../src/mock';
import { scaleBundle, webhookKeyOf } from '../bench-seed';
import { BENCH_TOKEN, rssOf, spawnBenchServer, spawnCliMock, stop, type Server } from '../processes';
import { figure, type FigureInput } from '../report';
import { percentile } from '../stats';
import { log, pathOf, type BenchContext } from './context';

const IMPORT_SIZE = 1000; // the most one Import takes (the Workflow Import schema)
const SAMPLES = 20;
const SAMPLE_BUDGET_MS = 20_000;
const SEED_BUDGET_MS = 45_000;
const AUTH = { authorization: `Bearer ${BENCH_TOKEN}` };

/** One request's wall time in ms, body read; refuses a non-2xx answer. */
async function timed(url: string, init?: RequestInit): Promise<number> {
  const began = performance.now();
  const answer = await fetch(url, { ...init, headers: { ...AUTH, ...init?.headers } });
  await answer.arrayBuffer();
  if (!answer.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${answer.status}`);
  return performance.now() - began;
}

const importFlows = (server: Server, from: number, count: number) =>
  timed(server.url + pathOf('flows.import'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scaleBundle(from, count)),
  });

/** Latencies of one Get, repeated: after one warm-up, SAMPLES times or SAMPLE_BUDGET_MS, whichever first. */
async function latencies(server: Server, query: string, samples: number): Promise<number[]> {
  const url = `${server.url}${pathOf('flows.get')}?${query}`;
  await timed(url);
  const took: number[] = [];
  const began = performance.now();
  while (took.length < samples && performance.now() - began < SAMPLE_BUDGET_MS) took.push(await timed(url));
  return took;
}

const QUERIES = (flows: number) => ({
  'Get perPage=1000 by name': 'perPage=1000&sortField=name&sortDirection=asc',
  'Get perPage=1000 by lastUpdated desc': 'perPage=1000&sortField=lastUpdated&sortDirection=desc',
  'Get, glob filter on name': 'filterField=name&filter=Flow%20a*',
  'Get, triggerFilter': `triggerFilter[0][type]=webhook&triggerFilter[0][key]=${webhookKeyOf(flows - 1)}`,
});

interface ScalePoint {
  readonly flows: number;
  readonly series: Record<string, number[]>;
}

/** One application loaded through Import to `flows`, then measured; the mock runs without page cache. */
async function measureAt(flows: number, samples: number): Promise<ScalePoint> {
  const server = await spawnBenchServer(['mock', '--no-page-cache']);
  try {
    for (let from = 0; from < flows; from += IMPORT_SIZE)
      await importFlows(server, from, Math.min(IMPORT_SIZE, flows - from));
    const series: Record<string, number[]> = { 'server RSS': [rssOf(server.child)] };
    for (const [name, query] of Object.entries(QUERIES(flows))) {
      const took = await latencies(server, query, samples);
      series[`${name}, p50`] = [percentile(took, 0.5)];
      series[`${name}, p99`] = [percentile(took, 0.99)];
    }
    const imports: number[] = [];
    for (let round = 0; round < 3; round += 1)
      imports.push(await importFlows(server, flows + round * IMPORT_SIZE, IMPORT_SIZE));
    series['Import of 1,000 flows'] = imports;
    log(`scale: ${flows} flows measured`);
    return { flows, series };
  } finally {
    stop(server);
  }
}

/** A seed of `flows` flows: 1,000 per application (a seed bundle is an Import body). */
function writeSeed(file: string, flows: number): void {
  const applications: Record<string, unknown> = {};
  for (let from = 0, index = 0; from < flows; from += IMPORT_SIZE, index += 1) {
    const id = index === 0 ? MOCK_APPLICATION_ID : `5bbe0c${index.toString(16).padStart(18, '0')}`;
    applications[id] = scaleBundle(from, Math.min(IMPORT_SIZE, flows - from));
  }
  writeFileSync(file, JSON.stringify({ applications }));
}

const TARGETS_AT_100K: Record<string, FigureInput['target']> = {
  'Get perPage=1000 by name, p99': { text: '≤ 50 ms at 100k', met: (value) => value <= 50 },
  'Get perPage=1000 by lastUpdated desc, p99': { text: '≤ 50 ms at 100k', met: (value) => value <= 50 },
  'server RSS': { text: '≤ 1 GB at 100k', met: (value) => value <= 1e9 },
};

export async function scalePhase(context: BenchContext): Promise<void> {
  const sizes = context.quick ? [1000, 10_000] : [1000, 10_000, 100_000];
  const samples = context.quick ? 5 : SAMPLES;
  const points: ScalePoint[] = [];
  for (const flows of sizes) points.push(await measureAt(flows, samples));
  const [first] = points;
  for (const point of points.slice(1)) {
    const label = (flows: number) => `${flows / 1000}k`;
    for (const [name, runs] of Object.entries(point.series)) {
      const unit = name === 'server RSS' ? 'bytes' : 'ms';
      context.figures.push(
        figure(`Scale: one application, loaded through Import (page cache off)`, {
          name: `${name} at ${label(point.flows)}`,
          unit,
          runs,
          baseline: { name: `at ${label(first.flows)}`, runs: first.series[name] },
          target: point.flows === 100_000 ? TARGETS_AT_100K[name] : undefined,
        }),
      );
    }
  }
  context.notes.push(
    `Scale: each size in a fresh mock without page cache, so that every Get is built (what a suite ` +
      `writing between reads meets); p50/p99 of ${samples} sequential Gets after one warm-up (at most ` +
      `${SAMPLE_BUDGET_MS / 1000} s each). The ratio is the growth from the smallest size. The Import is ` +
      `timed 3 times into the loaded application. With ${samples} samples p99 is the slowest but one.`,
  );

  const seedFlows = context.quick ? 10_000 : 100_000;
  const seedFile = path.join(context.scratch, `seed-${seedFlows}.json`);
  writeSeed(seedFile, seedFlows);
  const starts: number[] = [];
  const rss: number[] = [];
  const bare: number[] = [];
  // Up to 3 rounds, but no new round after SEED_BUDGET_MS: under other load one start can take a minute.
  const seedBegan = performance.now();
  for (let round = 0; round < (context.quick ? 1 : 3); round += 1) {
    if (round > 0 && performance.now() - seedBegan > SEED_BUDGET_MS) break;
    const env = { FLOWS_CONFORMANCE_MOCK_ADMIN_TOKEN: BENCH_TOKEN };
    const empty = await spawnCliMock([], env);
    bare.push(empty.readyMs);
    stop(empty);
    const seeded = await spawnCliMock(['--seed', seedFile], env);
    starts.push(seeded.readyMs);
    rss.push(rssOf(seeded.child));
    stop(seeded);
  }
  const phase = `Start with a seed of ${seedFlows / 1000}k flows (flows-conformance mock --seed)`;
  context.figures.push(
    figure(phase, {
      name: 'start, spawn to listening',
      unit: 'ms',
      runs: starts,
      baseline: { name: 'without seed', runs: bare },
      target: { text: '≤ 5 s', met: (value) => value <= 5000 },
    }),
    figure(phase, { name: 'server RSS after start', unit: 'bytes', runs: rss }),
  );
  context.notes.push(
    `Seed: ${seedFlows} flows as ${Math.ceil(seedFlows / IMPORT_SIZE)} applications of 1,000 (each bundle ` +
      'of a seed is a Workflow Import body, at most 1,000 flows).',
  );
  log('scale: seed start measured');
}
