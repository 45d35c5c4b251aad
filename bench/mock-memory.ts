/**
 * Memory of the reference mock: the heap a stored flow costs, as a ratio of its JSON size, and the heap
 * after many distinct Gets (the page cache is bounded). Usage: npm run bench:memory [-- --flows 1000]
 * Runs in one process with --expose-gc (see package.json); no network but loopback supertest calls.
 */
import request from 'supertest';
import { actionById, pathFor } from '../specs/catalog';
import { createMockServer, MOCK_APPLICATION_ID } from '../src/mock';
import { benchSeed } from './bench-seed';

const TOKEN = 'bench-token';

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function settledHeap(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc');
  for (let round = 0; round < 3; round++) collect();
  return process.memoryUsage().heapUsed;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const flows = argument('flows', 1000); // a seed is an Import body: at most 1000 flows
  const gets = argument('gets', 2000);
  const seed = benchSeed(flows);
  const seedBytes = Buffer.byteLength(JSON.stringify(seed.flows));

  // The baseline holds one flow, so that the process-wide schema compilation is not counted per flow.
  const baseline = await createMockServer({ adminToken: TOKEN, seed: benchSeed(1) });
  const emptyHeap = settledHeap();
  await baseline.close();
  const mock = await createMockServer({ adminToken: TOKEN, seed });
  const seededHeap = settledHeap();
  const perFlow = (seededHeap - emptyHeap) / (flows - 1);

  const path = pathFor(actionById('flows.get'), { APPLICATION_ID: MOCK_APPLICATION_ID });
  for (let index = 0; index < gets; index++)
    await request(mock.server)
      .get(`${path}?perPage=25&page=${index % 80}&sortDirection=${index % 2 ? 'asc' : 'desc'}`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
  const afterGets = settledHeap();
  await mock.close();

  process.stdout.write(
    [
      `${flows} flows, ${mib(seedBytes)} of JSON`,
      `heap per stored flow: ${(perFlow / 1024).toFixed(1)} KiB = ${(perFlow / (seedBytes / flows)).toFixed(2)}× its JSON`,
      `heap after ${gets} distinct paged Gets: +${mib(afterGets - seededHeap)} ` +
        `(${((afterGets - emptyHeap) / (seededHeap - emptyHeap)).toFixed(2)}× the stored flows; the page cache is bounded)`,
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
