import { expect } from 'chai';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runExplore, type ExploreOutcome } from '../../src/explore/runner';
import { MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID, type FaultName } from '../../src/mock';
import { embeddedMock } from '../../src/mock/embedded';
import type { VariantName } from '../../src/mock/dialect';
import { resolveTargetConfig } from '../../src/target/config';
import { ADMIN_TOKEN, listeningMock } from '../runner/support';
import { runMain } from '../support/in-process-cli';

/**
 * `flows-conformance explore` against the mock: no difference from the correct mock nor from its
 * other-choices variant (with and without --strict); a representative set of faults found, each at the
 * level of the rule it breaks, shrunk, with a curl script. scripts/explore-faults.ts measures all faults.
 */
const explore = (
  options: {
    faults?: FaultName[];
    variant?: VariantName;
    strict?: boolean;
    seed?: number;
    runs?: number;
  } = {},
): Promise<ExploreOutcome> =>
  runExplore({
    config: resolveTargetConfig([{ adminToken: ADMIN_TOKEN, strict: options.strict ?? false }]),
    startEmbedded: embeddedMock({ faults: options.faults, variant: options.variant }),
    inProcess: true,
    runs: options.runs ?? 200,
    seed: options.seed ?? 1,
  });

/** Each fault, the rule that finds it and its level (fault-levels.ts). */
const FAULTS: readonly [FaultName, string, 'MUST' | 'SHOULD'][] = [
  ['ignore-scopes', 'status', 'MUST'],
  ['no-www-authenticate', 'wwwAuthenticate', 'MUST'],
  ['wrong-total-count', 'pageWindow', 'MUST'],
  ['sort-ignores-direction', 'sortedBy', 'MUST'],
  ['drops-description', 'roundTrip', 'MUST'],
  ['import-partial', 'pageWindow', 'MUST'],
  ['post-stale-dates', 'freshInstants', 'SHOULD'],
  ['custom-nodes-when-false', 'customNodes', 'SHOULD'],
];

describe('explore: model-based sequences against the mock', function () {
  this.timeout(60_000);

  for (const seed of [1, 2, 3])
    it(`finds no difference from the correct mock (seed ${seed})`, async () => {
      const outcome = await explore({ seed, runs: 60 });
      expect(outcome.finding, outcome.finding?.message).to.equal(undefined);
      expect(outcome.report.summary.passed).to.equal(1);
      expect(outcome.requests).to.be.above(200);
    });

  for (const strict of [false, true])
    it(`finds no difference from the other-choices variant${strict ? ' with --strict' : ''}`, async () => {
      const outcome = await explore({ variant: 'other-choices', strict, runs: 60, seed: 4 });
      expect(outcome.finding, outcome.finding?.message).to.equal(undefined);
    });

  for (const [fault, rule, level] of FAULTS)
    it(`finds ${fault} as a ${level} difference (${rule}), shrunk, with a curl script`, async () => {
      const outcome = await explore({ faults: [fault] });
      expect(outcome.finding, fault).to.not.equal(undefined);
      const finding = outcome.finding!;
      expect([finding.rule, finding.level]).to.deep.equal([rule, level]);
      expect(finding.steps).to.be.at.most(3);
      expect(finding.script)
        .to.match(/^#!\/bin\/sh/)
        .and.to.include('curl');
      expect(finding.script).to.not.include(ADMIN_TOKEN);
      expect(outcome.report.results[0].outcome).to.equal(level === 'MUST' ? 'failed' : 'warning');
    });

  it('removes every flow it created', async () => {
    const { mock, url } = await listeningMock();
    try {
      const config = resolveTargetConfig([
        {
          baseUrl: url,
          applicationId: MOCK_APPLICATION_ID,
          otherApplicationId: MOCK_OTHER_APPLICATION_ID,
          adminToken: ADMIN_TOKEN,
          mockOnlyTokens: true,
        },
      ]);
      const before = mock.store.application(MOCK_APPLICATION_ID)!.flows.size;
      const outcome = await runExplore({ config, runs: 20, seed: 5 });
      expect(outcome.requests).to.be.above(50);
      expect(mock.store.application(MOCK_APPLICATION_ID)!.flows.size).to.equal(before);
      expect(mock.store.application(MOCK_OTHER_APPLICATION_ID)!.flows.size).to.equal(0);
    } finally {
      await mock.close();
    }
  });

  it('the command: a finding exits 1 with the reports and its replay; a bad bound is one usage line', async () => {
    const { mock, url } = await listeningMock(['wrong-total-count']);
    const reportDir = mkdtempSync(path.join(tmpdir(), 'explore-'));
    try {
      const args = [
        'explore',
        '--target',
        url,
        '--application-id',
        MOCK_APPLICATION_ID,
        '--mock-only-tokens',
      ];
      const result = await runMain([...args, '--runs', '200', '--seed', '1', '--report-dir', reportDir], {
        FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN,
      });
      expect(result.code, result.stderr).to.equal(1);
      expect(result.stdout).to.match(
        /explore: \d+ sequences, \d+ requests .* MUST difference: pageWindow; seed 1/,
      );
      expect(readdirSync(reportDir)).to.include.members([
        'conformance.json',
        'junit.xml',
        'summary.md',
        'index.html',
      ]);
      const bad = await runMain([...args, '--runs', 'many']);
      expect(bad.code).to.equal(2);
      expect(bad.stderr.trim().split('\n')).to.have.length(1);
      expect(bad.stderr).to.include('--runs must be a whole number');
    } finally {
      await mock.close();
    }
  });
});
