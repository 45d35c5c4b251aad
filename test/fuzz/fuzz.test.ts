import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { FOUND_BY_FUZZ, MOCK_APPLICATION_ID, type FaultName } from '../../src/mock';
import { embeddedMock } from '../../src/mock/embedded';
import { runFuzz, type FuzzFinding, type FuzzOutcome } from '../../src/fuzz/runner';
import { resolveTargetConfig, type RawTargetConfig } from '../../src/target/config';
import { ADMIN_TOKEN, listeningMock, urlLayer } from '../runner/support';
import { runMain } from '../support/in-process-cli';

/**
 * `flows-conformance fuzz` against the mock: a bounded run passes the correct mock and leaves nothing
 * behind; each fault that only generated input finds (FOUND_BY_FUZZ) is found, shrunk to its minimal
 * form, and so are a few faults the fixed cases also catch.
 */

const fuzzOnMock = (faults: FaultName[], grep: string, runs = 100): Promise<FuzzOutcome> =>
  runFuzz({
    config: resolveTargetConfig([{ adminToken: ADMIN_TOKEN, grep }]),
    startEmbedded: embeddedMock({ faults }),
    inProcess: true,
    runs,
    seed: 1,
  });

const codePoints = (text: unknown) => [...String(text)].length;
const depth = (value: unknown): number =>
  typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;

interface Expected {
  readonly grep: string;
  readonly rule: string;
  /** The shrunk counterexample has the minimal form of the fault. */
  readonly shape: (input: Record<string, unknown>) => void;
}

const POST_CREATES = 'POST flows: fuzz: creates';
const body = (input: Record<string, unknown>) => input.body as Record<string, unknown>;

const FOUND: Readonly<Record<string, Expected>> = {
  'name-max-length-refused': {
    grep: POST_CREATES,
    rule: 'status',
    shape: (input) => {
      expect(Object.keys(body(input))).to.deep.equal(['name']);
      expect(codePoints(body(input).name)).to.equal(255);
    },
  },
  'trigger-filter-dot-crashes': {
    grep: 'GET flows: fuzz: answers',
    rule: 'serverError',
    shape: (input) => {
      const entries = input.triggerFilter as { key?: string }[];
      expect(entries).to.have.length(1);
      // A key drawn at its maxLength shrinks in length too: the dot alone is left.
      expect(entries[0].key).to.equal('.');
      expect(Object.keys(input).sort()).to.deep.equal(['filter', 'filterField', 'triggerFilter']);
      expect(Object.keys(entries[0])).to.deep.equal(['key']);
    },
  },
  'deep-config-crashes': {
    grep: POST_CREATES,
    rule: 'serverError',
    shape: (input) => {
      const nodes = body(input).nodes as { config: unknown }[];
      expect(nodes).to.have.length(1);
      expect(depth(nodes[0].config)).to.equal(20);
    },
  },
  'emoji-description-truncated': {
    grep: POST_CREATES,
    rule: 'roundTrip',
    shape: (input) => {
      const description = String(body(input).description);
      expect(codePoints(description)).to.equal(1);
      expect(description.codePointAt(0)).to.be.above(0xffff);
    },
  },
};

/** Faults the fixed cases catch too: the fuzz finds them through its own properties. */
const ALSO_FOUND: Partial<Record<FaultName, Expected>> = {
  'post-skips-validation': {
    grep: 'POST flows: fuzz: refuses',
    rule: 'status',
    shape: (input) => expect(input.rule).to.be.a('string'),
  },
  'invalid-query-ignored': {
    grep: 'GET flows: fuzz: refuses',
    rule: 'status',
    shape: (input) =>
      expect(Object.keys(input.query as object)).to.include.members(['filter', 'filterField']),
  },
  'no-flowclass-default': {
    grep: 'GET flows: fuzz: answers',
    rule: 'itemSet',
    shape: (input) => expect(input).not.to.have.property('flowClass'),
  },
};

describe('fuzz: generated inputs against the mock (flows-conformance fuzz)', function () {
  this.timeout(120_000);

  describe('a bounded run against the correct mock', () => {
    let outcome: FuzzOutcome;
    let mock: Awaited<ReturnType<typeof listeningMock>>;
    before(async () => {
      mock = await listeningMock();
      outcome = await runFuzz({
        config: resolveTargetConfig([urlLayer(mock.url, { concurrency: 4 })]),
        runs: 15,
        seed: 2,
      });
    });
    after(() => mock.mock.close());

    it('passes every property, one case per action and property, aspect fuzz', () => {
      const { results } = outcome.report;
      expect(
        results.filter((result) => result.outcome !== 'passed').map((result) => result.failures[0]?.message),
      ).to.deep.equal([]);
      expect(results.map((result) => result.aspect)).to.satisfy((aspects: string[]) =>
        aspects.every((aspect) => aspect === 'fuzz'),
      );
      expect(new Set(results.map((result) => result.action))).to.have.property('size', 4);
      expect(new Set(results.map((result) => result.id)).size).to.equal(results.length);
      expect(outcome.inputs).to.equal(15 * results.length);
    });

    it('removes every flow it created', async () => {
      for (const flowClass of ['cloud', 'edge', 'customNode', 'experience']) {
        const response = await request(mock.mock.server)
          .get(`/applications/${MOCK_APPLICATION_ID}/flows?flowClass=${flowClass}`)
          .set('authorization', `Bearer ${ADMIN_TOKEN}`);
        expect(response.body.totalCount, flowClass).to.equal(0);
      }
    });
  });

  const cases: [FaultName, Expected][] = [
    ...FOUND_BY_FUZZ.map((fault) => [fault, FOUND[fault]] as [FaultName, Expected]),
    ...(Object.entries(ALSO_FOUND) as [FaultName, Expected][]),
  ];
  for (const [fault, expected] of cases) {
    it(`finds ${fault}, shrunk to its minimal input, with a curl repro and a replay`, async () => {
      const outcome = await fuzzOnMock([fault], expected.grep);
      const finding = outcome.findings[0] as FuzzFinding;
      expect(finding, 'a finding').to.not.equal(undefined);
      expect(finding.rule).to.equal(expected.rule);
      expected.shape(finding.counterexample as Record<string, unknown>);
      const failure = outcome.report.results.find((result) => result.id === finding.id)!.failures[0];
      expect(failure.check).to.equal(`fuzz:${expected.rule}`);
      expect(failure.request).to.match(/^curl /);
      expect(failure.replay).to.include(`--seed ${finding.seed} --path ${finding.path}`);
      expect(failure.input).to.include('shrunk');
    });
  }

  it('--duration bounds a run by time instead of a count of inputs', async () => {
    const outcome = await runFuzz({
      config: resolveTargetConfig([{ adminToken: ADMIN_TOKEN, grep: 'GET flows: fuzz: refuses' }]),
      startEmbedded: embeddedMock(),
      inProcess: true,
      durationMs: 1_500,
      seed: 4,
    });
    expect(outcome.report.results.map((result) => result.outcome)).to.deep.equal(['passed']);
    expect(outcome.inputs).to.be.above(0);
  });

  it('every fault left out of the kill matrix is one this test finds', () => {
    expect(Object.keys(FOUND).sort()).to.deep.equal([...FOUND_BY_FUZZ].sort());
  });

  describe('the command', () => {
    const reportDir = mkdtempSync(path.join(tmpdir(), 'fuzz-cli-'));
    let faulty: Awaited<ReturnType<typeof listeningMock>>;
    before(async () => {
      faulty = await listeningMock(['deep-config-crashes']);
    });
    after(() => faulty.mock.close());

    const targetArgs = (url: string): string[] => {
      const layer = urlLayer(url) as RawTargetConfig;
      return ['--target', url, '--application-id', String(layer.applicationId), '--mock-only-tokens'];
    };

    it('reports a failure with exit 1, the four reports, and replays it with --seed and --path', async () => {
      const args = [
        'fuzz',
        ...targetArgs(faulty.url),
        '--grep',
        POST_CREATES,
        '--runs',
        '100',
        '--seed',
        '3',
        '--report-dir',
        reportDir,
      ];
      const first = await runMain(args, { FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN });
      expect(first.code, first.stderr).to.equal(1);
      expect(readdirSync(reportDir).sort()).to.include.members([
        'conformance.json',
        'index.html',
        'junit.xml',
        'summary.md',
      ]);
      const report = JSON.parse(readFileSync(path.join(reportDir, 'conformance.json'), 'utf8'));
      const failure = report.results[0].failures[0];
      expect(failure.check).to.equal('fuzz:serverError');
      for (const file of readdirSync(reportDir))
        expect(readFileSync(path.join(reportDir, file), 'utf8')).not.to.include(ADMIN_TOKEN);
      // The terminal names the property, the shrunk input and the whole replay command, no secret.
      expect(first.stderr).to.include(`  ${report.results[0].id}`);
      expect(first.stderr).to.match(/input: \{.*\(shrunk \d+ times\)/);
      const command = /replay: flows-conformance fuzz (.*)/.exec(first.stderr)![1];
      expect(command).to.include(`--target ${faulty.url}`).and.include('--mock-only-tokens');
      expect(command).not.to.include(ADMIN_TOKEN);
      const pathArg = /--path (\S+)/.exec(command)![1];
      const grepArg = /--grep '([^']+)'/.exec(command)![1];
      const replay = await runMain(
        [
          'fuzz',
          ...targetArgs(faulty.url),
          '--grep',
          grepArg,
          '--seed',
          '3',
          '--path',
          pathArg,
          '--report-dir',
          reportDir,
        ],
        { FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN },
      );
      expect(replay.stderr).to.include(report.results[0].failures[0].message);
      expect(replay.code).to.equal(1);
      expect(replay.stdout).to.match(/fuzz: \d+ inputs? in/);
    });

    for (const [args, said] of [
      [['--runs', '0'], '--runs must be a whole number'],
      [['--runs', '5', '--duration', '5'], 'not both'],
      [['--path', '1:2'], '--path needs --seed'],
      [['--grep', 'no such property at all'], 'matches no property'],
    ] as const) {
      it(`bad input ${args.join(' ')}: one line, exit 2`, async () => {
        const result = await runMain(['fuzz', ...args, '--report-dir', reportDir]);
        expect(result.code).to.equal(2);
        expect(result.stderr.trim().split('\n')).to.have.length(1);
        expect(result.stderr).to.include(said);
      });
    }
  });
});
