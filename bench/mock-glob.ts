/**
 * The worst filter globs against one application of 255-character names (the schema's longest), at 10k
 * and 100k flows: each request's time and the longest the event loop was held meanwhile (the mock runs in
 * this process, asked over loopback). Target: no request holds the loop over 50 ms at 100k flows (issue
 * 20). Usage: npx tsx bench/mock-glob.ts [--flows 10000,100000]; exit 1 when the target is missed.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { actionById, pathFor } from '../specs/catalog';
import { createMockServer, MOCK_APPLICATION_ID } from '../src/mock';
import { storedFlow } from '../src/mock/documents';

const TOKEN = 'bench-token';
const TARGET_MS = 50;
const FLOWS_PATH = pathFor(actionById('flows.get'), { APPLICATION_ID: MOCK_APPLICATION_ID });

/** The globs of the attack review and their kin: a long suffix, a long middle, `?` runs, many stars. */
const GLOBS: Readonly<Record<string, string>> = {
  'no filter': '',
  '* + 254 a + b': `*${'a'.repeat(254)}b`,
  '* + 200 a + b*': `*${'a'.repeat(200)}b*`,
  '* + 120 × a? + b*': `*${'a?'.repeat(120)}b*`,
  '126 × *a + b': `${'*a'.repeat(126)}*b`,
  '? × 250 + *': `${'?'.repeat(250)}*`,
};

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

/** Flows named by 255 `a`s but for their number: every glob above reads each name to its end. */
function fill(mock: Awaited<ReturnType<typeof createMockServer>>, count: number): void {
  const application = mock.store.application(MOCK_APPLICATION_ID)!;
  for (let index = 0; index < count; index += 1) {
    const suffix = String(index);
    const doc = {
      id: mock.store.freshId(),
      name: 'a'.repeat(255 - suffix.length) + suffix,
      flowClass: 'cloud',
      applicationId: MOCK_APPLICATION_ID,
      creationDate: new Date(index).toISOString(),
      lastUpdated: new Date(index).toISOString(),
    };
    mock.store.putFlow(application, storedFlow(doc, JSON.stringify));
  }
}

async function timed(url: string): Promise<{ ms: number; heldMs: number; status: number }> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const began = performance.now();
  const answer = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  await answer.arrayBuffer();
  const ms = performance.now() - began;
  loop.disable();
  // The histogram's largest delay past the 1 ms resolution: how long one turn kept the loop.
  return { ms, heldMs: Math.max(loop.max / 1e6 - 1, 0), status: answer.status };
}

async function main(): Promise<void> {
  const sizes = argument('flows', '10000,100000').split(',').map(Number);
  let missed = false;
  for (const count of sizes) {
    // No page cache: a repeated request would be a lookup, and an attacker varies the query anyway.
    const mock = await createMockServer({ adminToken: TOKEN, pageCache: false });
    try {
      fill(mock, count);
      const base = await mock.listen(0, '127.0.0.1');
      // The first Get of an order builds its index once; it is measured apart from the globs.
      const first = await timed(`${base}${FLOWS_PATH}?perPage=25`);
      process.stdout.write(
        `${count} flows: first Get (builds the name index) ${first.ms.toFixed(1)} ms, loop held ${first.heldMs.toFixed(1)} ms\n`,
      );
      for (const [label, glob] of Object.entries(GLOBS)) {
        const query = glob ? `&filterField=name&filter=${encodeURIComponent(glob)}` : '';
        const { ms, heldMs, status } = await timed(`${base}${FLOWS_PATH}?perPage=25${query}`);
        const verdict = heldMs > TARGET_MS ? 'OVER' : 'ok';
        if (count >= 100_000 && heldMs > TARGET_MS) missed = true;
        process.stdout.write(
          `${count} flows, ${label.padEnd(18)} ${status} ${ms.toFixed(1).padStart(8)} ms, loop held ${heldMs.toFixed(1).padStart(6)} ms ${verdict}\n`,
        );
      }
    } finally {
      await mock.close();
    }
  }
  process.exitCode = missed ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench/mock-glob: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
