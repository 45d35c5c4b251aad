import { sharedPactDir } from '../support/pacts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ALL_CASES } from '../../specs/cases';
import type { RunReport } from '../../src/engine/results';
import {
  MOCK_APPLICATION_ID,
  MOCK_FOREIGN_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
} from '../../src/mock/defaults';
import { VERIFICATION_JSON, type VerificationReport } from '../../src/pact/verification-report';
import { runCli } from '../support/cli';
import {
  ADMIN_TOKEN,
  api,
  CLEAN_ENV,
  startMockProcess,
  stopMockProcess,
  type MockProcess,
} from './mock-process';

/**
 * A correct server that chooses otherwise wherever the reference leaves the choice open (the mock's
 * `other-choices` variant: keys sorted, `+00:00` whole-second instants, upper-case hex ids, other error
 * types and texts, extra headers, 405 with Allow) must pass `run` and `verify` with no failure and no
 * warning, as a separate process reached by URL.
 */
describe('e2e: a correct server built otherwise passes run and verify', function () {
  this.timeout(180_000);
  let mock: MockProcess | undefined;
  let root: string;

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'fc-other-choices-'));
    mock = await startMockProcess(['--variant', 'other-choices']);
  });

  after(async () => {
    await stopMockProcess(mock);
    rmSync(root, { recursive: true, force: true });
  });

  const target = () => [
    '--target',
    (mock as MockProcess).url,
    '--application-id',
    MOCK_APPLICATION_ID,
    '--other-application-id',
    MOCK_OTHER_APPLICATION_ID,
    '--foreign-application-id',
    MOCK_FOREIGN_APPLICATION_ID,
    '--mock-only-tokens',
  ];

  it('the server does make other choices (sorted keys, upper-case ids, +00:00 instants)', async () => {
    const { status, text } = await api(
      mock as MockProcess,
      'POST',
      `/applications/${MOCK_APPLICATION_ID}/flows`,
      {
        name: 'fc-other-choices-probe',
      },
    );
    expect(status).to.equal(201);
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).to.deep.equal([...keys].sort());
    expect(text).to.match(/"id":"[0-9A-F]{24}"/);
    expect(text).to.match(/"creationDate":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"/);
  });

  it('run --strict: every case passes, none warns, nothing skipped but by chance', async () => {
    const dir = path.join(root, 'run');
    const result = await runCli(['run', ...target(), '--strict', '--report-dir', dir], {
      ...CLEAN_ENV,
      FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    const report = JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as RunReport;
    const problems = report.results
      .filter((item) => item.outcome === 'failed' || item.outcome === 'warning')
      .map((item) => `${item.id}: ${item.failures[0]?.message.split('\n')[0]}`);
    expect(problems).to.deep.equal([]);
    expect(result.code, result.stderr.slice(-2000)).to.equal(0);
    expect(report.summary.total).to.equal(ALL_CASES.length);
    const skipped = report.results.filter((item) => item.outcome === 'skipped');
    for (const item of skipped) expect(item.skipReason).to.match(/follow their creation order/);
  });

  it('verify: every interaction of the consumer pact passes', async () => {
    const pactDir = await sharedPactDir();
    const dir = path.join(root, 'verify');
    const result = await runCli(['verify', ...target(), '--pact-dir', pactDir, '--report-dir', dir], {
      ...CLEAN_ENV,
      FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    const report = JSON.parse(readFileSync(path.join(dir, VERIFICATION_JSON), 'utf8')) as VerificationReport;
    expect(report.outcome.failures).to.deep.equal([]);
    expect(result.code, result.stderr.slice(-2000)).to.equal(0);
  });
});
