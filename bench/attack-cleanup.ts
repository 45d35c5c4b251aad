/**
 * The clean-up under attack (issue 20): a whole run against a mock that ignores `filter`, holding flows
 * the run did not make, in both of the user's applications. Figures: the pre-existing flows deleted
 * (target 0), the run's own flows left (target 0), the run's wall time and the clean-up's share, and the
 * growth of this process's memory. Loopback only, bounded by the run's own deadlines.
 * Usage: npx tsx bench/attack-cleanup.ts [--flows 40000]; exit 1 when a target is missed.
 */
import { ALL_CASES } from '../specs/cases';
import { actionById, FLOW_CLASSES, pathFor } from '../specs/catalog';
import { runConformance } from '../src/engine/runner';
import { createMockServer, MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID } from '../src/mock';
import { resolveTargetConfig } from '../src/target/config';

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

const ADMIN_TOKEN = 'attack-cleanup-admin-token-0123456789';
/** A seed's bundle holds at most this many flows (the Workflow Import schema): one application each. */
const BUNDLE = 1000;

const hexId = (index: number) => `5e${index.toString(16).padStart(22, '0')}`;
const bundle = (from: number, count: number) => ({
  flows: Array.from({ length: count }, (_, offset) => ({
    id: hexId(from + offset),
    name: `someone else's flow ${from + offset}`,
    flowClass: FLOW_CLASSES[(from + offset) % FLOW_CLASSES.length],
  })),
});

/** Flows the run did not make: a few in the second application (seeded), the rest imported into the first. */
async function attack(flows: number) {
  const other = Math.min(35, flows);
  const seed = { applications: { [MOCK_OTHER_APPLICATION_ID]: bundle(0, other) } };
  const mock = await createMockServer({ adminToken: ADMIN_TOKEN, faults: ['filter-ignored'], seed });
  const url = await mock.listen(0, '127.0.0.1');
  const importPath = pathFor(actionById('flows.import'), { APPLICATION_ID: MOCK_APPLICATION_ID });
  for (let from = other; from < flows; from += BUNDLE) {
    const answer = await fetch(url + importPath, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(bundle(from, Math.min(BUNDLE, flows - from))),
    });
    if (answer.status !== 201) throw new Error(`the set-up Import answered ${answer.status}`);
  }
  const ids = () =>
    [MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID].flatMap((application) => [
      ...(mock.store.application(application)?.flows.keys() ?? []),
    ]);
  try {
    const before = new Set(ids());
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const report = await runConformance({
      config: resolveTargetConfig([
        {
          baseUrl: url,
          applicationId: MOCK_APPLICATION_ID,
          otherApplicationId: MOCK_OTHER_APPLICATION_ID,
          adminToken: ADMIN_TOKEN,
          mockOnlyTokens: true,
        },
      ]),
      cases: ALL_CASES,
    });
    const seconds = (performance.now() - started) / 1000;
    const after = ids();
    return {
      flows,
      deleted: [...before].filter((id) => !after.includes(id)).length,
      left: after.filter((id) => !before.has(id)).length,
      listed: report.summary.leftFlows?.flows.length ?? 0,
      seconds,
      growthMiB: (process.memoryUsage().rss - rss) / 2 ** 20,
    };
  } finally {
    await mock.close();
  }
}

async function main() {
  const sizes = argument('flows', '35,40000').split(',').map(Number);
  console.log(
    '| flows before the run | of them deleted | run flows left | listed as left | run (s) | RSS growth (MiB) |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  let missed = false;
  for (const flows of sizes) {
    const figure = await attack(flows);
    missed ||= figure.deleted > 0 || figure.left !== figure.listed;
    console.log(
      `| ${figure.flows} | ${figure.deleted} | ${figure.left} | ${figure.listed} | ${figure.seconds.toFixed(1)} | ${figure.growthMiB.toFixed(0)} |`,
    );
  }
  if (missed) {
    console.log(
      'a target was missed: a flow the run did not make was deleted, or a left flow was not listed',
    );
    process.exitCode = 1;
  }
}

void main();
