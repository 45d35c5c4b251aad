import { sharedPactDir } from '../support/pacts';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { FaultName } from '../../src/mock/faults';
import { ALL_PACT_CASES } from '../../src/pact/interactions';
import {
  VERIFICATION_JSON,
  VERIFICATION_JUNIT,
  type VerificationReport,
} from '../../src/pact/verification-report';
import { runCli } from '../support/cli';
import { verifyListeningMock } from '../runner/support';
import { runMain } from '../support/in-process-cli';

const readReport = (dir: string): VerificationReport =>
  JSON.parse(readFileSync(path.join(dir, VERIFICATION_JSON), 'utf8')) as VerificationReport;

/** Broken variants of the mock, and the interactions whose failure must be named. */
const BROKEN_VARIANTS: readonly { fault: FaultName; what: string; failing: RegExp; message: RegExp }[] = [
  {
    fault: 'post-returns-200',
    what: 'wrong status',
    failing: /^flows\.post: 201 /,
    message: /expected 201 but was 200/,
  },
  {
    fault: 'post-id-as-number',
    what: 'wrong body field type',
    failing: /^flows\.post: 201 /,
    message: /\$\.id/,
  },
  { fault: 'ignore-scopes', what: 'missing scope check', failing: /: 403 /, message: /403|\$/ },
];

describe('verify: the consumer pacts against implementations', function () {
  this.timeout(90_000);
  let pactDir: string;
  let reportRoot: string;

  before(async () => {
    pactDir = await sharedPactDir();
    reportRoot = mkdtempSync(path.join(os.tmpdir(), 'flows-verify-reports-'));
  });
  after(() => {
    rmSync(reportRoot, { recursive: true, force: true });
  });

  it('passes against the embedded mock (flows-conformance verify), with JSON and JUnit reports', async () => {
    const reportDir = path.join(reportRoot, 'mock');
    const result = await runCli(['verify', '--pact-dir', pactDir, '--report-dir', reportDir]);
    expect(result.stderr, result.stdout.slice(-2000)).not.to.match(/FAILED/);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.include(`passed: ${ALL_PACT_CASES.length} interactions, 0 failed`);
    const report = readReport(reportDir);
    expect(report.outcome.passed).to.equal(true);
    expect(report.outcome.interactions.map((run) => run.description)).to.have.members(
      ALL_PACT_CASES.map((pactCase) => pactCase.description),
    );
    const junit = readFileSync(path.join(reportDir, VERIFICATION_JUNIT), 'utf8');
    expect(junit).to.include(`tests="${ALL_PACT_CASES.length}" failures="0"`);
  });

  for (const variant of BROKEN_VARIANTS)
    it(`fails against the mock with ${variant.fault} (${variant.what}), naming the interaction`, async () => {
      const reportDir = path.join(reportRoot, variant.fault);
      const result = await verifyListeningMock(
        [variant.fault],
        ['--pact-dir', pactDir, '--report-dir', reportDir],
      );
      expect(result.code, result.stderr).to.equal(1);
      const { outcome } = readReport(reportDir);
      expect(outcome.passed).to.equal(false);
      expect(outcome.failures).to.have.length.above(0);
      for (const failure of outcome.failures) {
        expect(failure.interaction).to.match(variant.failing);
        expect(failure.messages.join('\n')).to.match(variant.message);
      }
      const junit = readFileSync(path.join(reportDir, VERIFICATION_JUNIT), 'utf8');
      expect(junit).to.include(`failures="${outcome.failures.length}"`);
      const failedCase = junit.split('<testcase').find((entry) => entry.includes('<failure')) ?? '';
      expect(failedCase).to.include(`name="${outcome.failures[0].interaction.replace(/&/g, '&amp;')}"`);
    });

  it('refuses bad input with one line and exit 2', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'flows-verify-empty-'));
    try {
      const cases: { args: string[]; message: RegExp }[] = [
        { args: ['--pact-dir', empty], message: /no pact file for provider losant-flows-api/ },
        { args: ['--pact-dir', pactDir, '--broker-url', 'http://127.0.0.1:1'], message: /not both/ },
        { args: ['--broker-url', 'ftp://x'], message: /must be http/ },
        { args: ['--pact-dir', pactDir, '--publish-results'], message: /needs --broker-url/ },
        {
          args: ['--broker-url', 'http://127.0.0.1:1', '--publish-results'],
          message: /needs --provider-version/,
        },
      ];
      for (const { args, message } of cases) {
        const result = await runMain(['verify', ...args]);
        expect(result.code, args.join(' ')).to.equal(2);
        expect(result.stderr.trim().split('\n'), args.join(' ')).to.have.length(1);
        expect(result.stderr).to.match(message);
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect(existsSync(pactDir)).to.equal(true);
  });
});
