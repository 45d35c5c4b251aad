import { sharedPactDir } from '../support/pacts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { FlowsClient } from '../../src/client';
import { createMockServer, MOCK_APPLICATION_ID, type MockServer } from '../../src/mock';
import { VERIFICATION_JSON, type VerificationReport } from '../../src/pact/verification-report';
import { runCli, type ChildResult } from '../support/cli';
import { startFront, type FrontOptions, type LoopbackFront } from './support/loopback-front';
import { lowerCaseIdsInPath, otherChoices, withoutOffsets } from './support/other-choices';

const ADMIN_TOKEN = 'verify-servers-admin-token-0123456789';
const STACK_FRAME = /^\s+at .+[:(]/m;

describe('verify against servers it has never seen', function () {
  this.timeout(120_000);
  let pactDir: string;
  let reportRoot: string;
  let mock: MockServer;
  let mockUrl: string;
  let front: LoopbackFront | undefined;

  before(async () => {
    pactDir = await sharedPactDir();
    reportRoot = mkdtempSync(path.join(os.tmpdir(), 'flows-verify-servers-reports-'));
  });
  after(() => {
    rmSync(reportRoot, { recursive: true, force: true });
  });
  beforeEach(async () => {
    mock = await createMockServer({ adminToken: ADMIN_TOKEN });
    mockUrl = await mock.listen(0, '127.0.0.1');
  });
  afterEach(async () => {
    await front?.close();
    front = undefined;
    await mock.close();
  });

  async function verifyThroughFront(name: string, options: FrontOptions): Promise<ChildResult> {
    front = await startFront(mockUrl, options);
    const reportDir = path.join(reportRoot, name);
    return runCli([
      'verify',
      '--target',
      front.url,
      '--application-id',
      MOCK_APPLICATION_ID,
      '--admin-token',
      ADMIN_TOKEN,
      '--mock-only-tokens',
      '--pact-dir',
      pactDir,
      '--report-dir',
      reportDir,
    ]);
  }

  const reportOf = (name: string): VerificationReport =>
    JSON.parse(readFileSync(path.join(reportRoot, name, VERIFICATION_JSON), 'utf8')) as VerificationReport;

  async function flowsLeft(): Promise<string[]> {
    const token = mock.store.issueToken({
      userId: mock.store.userId,
      applicationId: MOCK_APPLICATION_ID,
      scope: ['flows.get'],
    });
    const client = new FlowsClient({ baseUrl: mockUrl, token: token.secret });
    const listed = await client.get(MOCK_APPLICATION_ID, { perPage: 1000 });
    return listed.items.map((flow) => `${flow.id} ${flow.name}`);
  }

  it('passes a correct server that makes other choices (key order, offsets, fractions, id case, error texts, headers), and leaves no flow behind', async () => {
    const result = await verifyThroughFront('other-choices', {
      rewritePath: lowerCaseIdsInPath,
      rewriteAnswer: otherChoices,
    });
    expect(result.stderr, result.stdout.slice(-3000)).to.equal('');
    expect(result.code).to.equal(0);
    expect(reportOf('other-choices').outcome.passed).to.equal(true);
    const created = (front?.exchanges ?? []).filter(
      (exchange) =>
        exchange.method === 'POST' &&
        exchange.status === 201 &&
        /\/flows(\/import)?(\?|$)/.test(exchange.path),
    ).length;
    expect(created, 'Posts and Imports that created flows').to.be.at.least(4);
    expect(await flowsLeft()).to.deep.equal([]);
  });

  it('fails a server whose instants have no offset, naming the date fields', async () => {
    const result = await verifyThroughFront('no-offset', { rewriteAnswer: withoutOffsets });
    expect(result.code).to.equal(1);
    const { failures } = reportOf('no-offset').outcome;
    expect(failures).to.have.length.above(0);
    for (const failure of failures) expect(failure.messages.join('\n')).to.match(/creationDate|lastUpdated/);
    expect(result.stdout + result.stderr).not.to.match(STACK_FRAME);
  });

  it('reports a target that dies in the middle in one line on stderr, exit 3, without a stack trace', async () => {
    const result = await verifyThroughFront('dies', { answerFirst: 12 });
    expect(result.code).to.equal(3);
    expect(result.stderr.trim().split('\n')).to.have.length(1);
    expect(result.stderr).to.match(/stopped answering during the verification \(.+: connection failed/);
    expect(result.stdout + result.stderr).not.to.match(STACK_FRAME);
    expect(reportOf('dies').outcome.targetFailure).to.be.a('string');
  });
});
