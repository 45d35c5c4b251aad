/**
 * The worst filter globs against one application of 255-character names (the schema's longest), at 10k
 * and 100k flows: each request's time and the longest the event loop was held meanwhile (the mock runs in
 * this process, asked over loopback). Target: no request holds the loop over 50 ms at 100k flows (issue
 * 20), judged on the longest turn's CPU time, as the wall clock on a shared machine also counts the time
 * others ran. Usage: npm run bench:glob [-- --flows 10000,100000]; exit 1 when the target is missed.
 */
import os from 'node:os';
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

/**
 * The longest turn of the event loop while `work` runs, as the CPU time the process spent between two
 * ticks of an immediate: unlike the wall clock, not lengthened when a loaded machine runs others.
 */
async function longestTurnCpuMs<T>(work: () => Promise<T>): Promise<{ value: T; cpuMs: number }> {
  let running = true;
  let longest = 0;
  let last = process.cpuUsage();
  const tick = () => {
    const now = process.cpuUsage();
    longest = Math.max(longest, (now.user + now.system - last.user - last.system) / 1000);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { value: await work(), cpuMs: longest };
  } finally {
    running = false;
  }
}

interface Timing {
  readonly ms: number;
  /** The longest turn by the wall clock (what other clients waited, the machine's load included). */
  readonly heldMs: number;
  /** The longest turn in CPU time (what the mock itself did in one go). */
  readonly cpuMs: number;
  readonly status: number;
}

async function timed(url: string): Promise<Timing> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const began = performance.now();
  const { value: status, cpuMs } = await longestTurnCpuMs(async () => {
    const answer = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    await answer.arrayBuffer();
    return answer.status;
  });
  const ms = performance.now() - began;
  loop.disable();
  // The histogram's largest delay past the 1 ms resolution: how long one turn kept the loop.
  return { ms, heldMs: Math.max(loop.max / 1e6 - 1, 0), cpuMs, status };
}

async function main(): Promise<void> {
  process.stdout.write(`load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores\n`);
  const sizes = argument('flows', '10000,100000').split(',').map(Number);
  let missed = false;
  for (const count of sizes) {
    // No page cache: a repeated request would be a lookup, and an attacker varies the query anyway.
    const mock = await createMockServer({ adminToken: TOKEN, pageCache: false });
    try {
      fill(mock, count);
      const base = await mock.listen(0, '127.0.0.1');
      // The first Get of an order builds its index once; it is shown apart from the globs.
      const rows: [string, Timing][] = [
        ['first Get (sorts)', await timed(`${base}${FLOWS_PATH}?perPage=25`)],
      ];
      for (const [label, glob] of Object.entries(GLOBS)) {
        const query = glob ? `&filterField=name&filter=${encodeURIComponent(glob)}` : '';
        rows.push([label, await timed(`${base}${FLOWS_PATH}?perPage=25${query}`)]);
      }
      for (const [label, { ms, heldMs, cpuMs, status }] of rows) {
        const verdict = cpuMs > TARGET_MS ? 'OVER' : 'ok';
        if (count >= 100_000 && cpuMs > TARGET_MS) missed = true;
        process.stdout.write(
          `${count} flows, ${label.padEnd(18)} ${status} ${ms.toFixed(1).padStart(8)} ms; longest turn ` +
            `${cpuMs.toFixed(1).padStart(5)} ms CPU, ${heldMs.toFixed(1).padStart(5)} ms wall ${verdict}\n`,
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
