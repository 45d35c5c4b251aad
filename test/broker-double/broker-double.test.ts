import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DEFAULT_CONSUMER, DEFAULT_PROVIDER, pactFileName, writePacts } from '../../src/pact/consumer';
import { ALL_PACT_CASES } from '../../src/pact/interactions';
import { readPactFile } from '../../src/pact/pact-file';
import { runCli } from '../support/cli';
import { runMain } from '../support/in-process-cli';
import { startBrokerDouble, type BrokerDouble } from './broker-double';
import type { FaultName } from '../../src/mock';
import { verifyListeningMock } from '../runner/support';

const TOKEN = 'broker-double-token';
const withToken = { PACT_BROKER_TOKEN: TOKEN };

describe('publishing to a Pact Broker (the broker double) with the official CLI', function () {
  this.timeout(90_000);
  let broker: BrokerDouble;
  let pactDir: string;
  let reportDir: string;

  const canIDeploy = (pacticipant: string, version: string) =>
    runCli(
      ['can-i-deploy', '--broker-url', broker.url, '--pacticipant', pacticipant, '--version', version],
      withToken,
    );

  before(async () => {
    broker = await startBrokerDouble({ token: TOKEN });
    pactDir = mkdtempSync(path.join(os.tmpdir(), 'flows-broker-pacts-'));
    reportDir = mkdtempSync(path.join(os.tmpdir(), 'flows-broker-reports-'));
    const names = { consumer: DEFAULT_CONSUMER, provider: DEFAULT_PROVIDER };
    expect((await writePacts({ ...names, pactDir, cases: ALL_PACT_CASES })).failures).to.deep.equal([]);
  });
  after(async () => {
    await broker.close();
    rmSync(pactDir, { recursive: true, force: true });
    rmSync(reportDir, { recursive: true, force: true });
  });

  const publishArgs = (consumerVersion: string) => [
    'publish',
    '--broker-url',
    broker.url,
    '--pact-dir',
    pactDir,
    '--consumer-version',
    consumerVersion,
  ];

  /** A stage of the broker's life that several cases build on: run once, by whichever case comes first. */
  const once = <T>(stage: () => Promise<T>): (() => Promise<T>) => {
    let done: Promise<T> | undefined;
    return () => (done ??= stage());
  };

  /** 1.0.0 published, and can-i-deploy asked before any verification (so each case can run alone). */
  const published = once(async () => {
    const args = publishArgs('1.0.0');
    const publish = await runCli([...args, '--branch', 'main', '--tag', 'dev', '--tag', 'ci'], withToken);
    const beforeVerification = await canIDeploy(DEFAULT_CONSUMER, '1.0.0');
    return { publish, beforeVerification };
  });

  /** The pacts of 1.0.0 verified against a mock with `faults`, the results published as that provider version. */
  async function verifyAndPublish(providerVersion: string, faults: FaultName[] = []) {
    // Results are published only for a server given with --target (a mock listening here stands for it).
    const args = ['--broker-url', broker.url, '--report-dir', reportDir, '--publish-results'];
    const version = ['--provider-version', providerVersion, '--provider-branch', 'main'];
    return verifyListeningMock(faults, [...args, ...version], withToken);
  }

  /** The pacts of 1.0.0 verified against the mock, the results published as provider 2.0.0 on main. */
  const verified = once(async () => {
    await published();
    return verifyAndPublish('2.0.0');
  });

  const pactOf = (consumerVersion: string) =>
    broker.records.pacts.find((pact) => pact.consumerVersion === consumerVersion);
  const verificationOf = (providerVersion: string) =>
    broker.records.verifications.find((verification) => verification.providerVersion === providerVersion);

  it('publish sends consumer, provider, version, branch, tags and the pact content', async () => {
    const { publish: result } = await published();
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const pact = pactOf('1.0.0');
    if (!pact) throw new Error('no pact of consumer version 1.0.0 reached the broker');
    expect(pact).to.include({
      consumer: DEFAULT_CONSUMER,
      provider: DEFAULT_PROVIDER,
      consumerVersion: '1.0.0',
      branch: 'main',
    });
    expect(pact.tags).to.deep.equal(['dev', 'ci']);
    const local = readPactFile(
      path.join(pactDir, pactFileName({ consumer: DEFAULT_CONSUMER, provider: DEFAULT_PROVIDER })),
    );
    const sent = pact.content as unknown as typeof local;
    expect(sent.interactions.map((i) => i.description)).to.have.members(
      local.interactions.map((i) => i.description),
    );
    expect(sent.interactions).to.deep.equal(local.interactions);
    const publishRequest = broker.records.requests.find((request) => request.path === '/contracts/publish');
    expect(publishRequest?.authorization).to.equal('Bearer');
  });

  it('takes the credentials from PACT_BROKER_TOKEN only: without it the broker refuses and publish fails', async () => {
    const before = broker.records.pacts.length;
    const args = publishArgs('1.0.1');
    const result = await runCli(args, { PACT_BROKER_TOKEN: '' });
    expect(result.code).to.equal(1);
    expect(broker.records.pacts).to.have.length(before);
    const flag = await runCli([...args, '--broker-token', TOKEN]);
    expect(flag.code).to.equal(2);
    expect(flag.stderr).to.match(/unknown option '--broker-token'/);
  });

  it('can-i-deploy says no while the pact has no verification result', async () => {
    const { beforeVerification: result } = await published();
    expect(result.code, result.stdout).to.equal(1);
    expect(result.stdout).to.match(/missing verification/);
  });

  it('verify takes the pacts from the broker and publishes the results under the provider version and branch', async () => {
    const result = await verified();
    expect(result.code, result.stderr).to.equal(0);
    expect(broker.records.requests.map((request) => `${request.method} ${request.path}`)).to.include.members([
      `POST /pacts/provider/${DEFAULT_PROVIDER}/for-verification`,
      `PUT /pacticipants/${DEFAULT_PROVIDER}/branches/main/versions/2.0.0`,
    ]);
    const verification = verificationOf('2.0.0');
    expect(verification).to.include({
      consumer: DEFAULT_CONSUMER,
      provider: DEFAULT_PROVIDER,
      providerVersion: '2.0.0',
      success: true,
    });
    expect(verification?.sha).to.equal(pactOf('1.0.0')?.sha);
    expect(verification?.body.testResults).to.be.an('array');
    expect(broker.records.branches.get(`${DEFAULT_PROVIDER}@2.0.0`)).to.equal('main');
  });

  it('can-i-deploy says yes for the consumer and the provider versions once the verification passed', async () => {
    await verified();
    for (const [pacticipant, version] of [
      [DEFAULT_CONSUMER, '1.0.0'],
      [DEFAULT_PROVIDER, '2.0.0'],
    ]) {
      const result = await canIDeploy(pacticipant, version);
      expect(result.code, `${pacticipant} ${version}: ${result.stdout}`).to.equal(0);
    }
  });

  it('a failed verification round-trips: published as failed, and can-i-deploy says no for that provider version', async () => {
    await verified();
    const result = await verifyAndPublish('2.0.1', ['post-returns-200']);
    expect(result.code).to.equal(1);
    const failed = verificationOf('2.0.1');
    expect(failed).to.include({ providerVersion: '2.0.1', success: false });
    // The verifier groups test results by interaction id, which a pact file leaves to the broker.
    const results = failed?.body.testResults as {
      success: boolean;
      mismatches?: { attribute: string; description: string }[];
    }[];
    const mismatches = results.filter((entry) => !entry.success).flatMap((entry) => entry.mismatches ?? []);
    expect(mismatches).to.deep.include({ attribute: 'status', description: 'expected 201 but was 200' });
    expect((await canIDeploy(DEFAULT_PROVIDER, '2.0.1')).code).to.equal(1);
    expect((await canIDeploy(DEFAULT_PROVIDER, '2.0.0')).code).to.equal(0);
  });

  it('refuses bad input with one line and exit 2', async () => {
    const cases = [
      ['publish', '--pact-dir', pactDir, '--consumer-version', '1'],
      ['publish', '--broker-url', broker.url, '--pact-dir', pactDir],
      [
        'publish',
        '--broker-url',
        'http://user:secret@127.0.0.1:1',
        '--pact-dir',
        pactDir,
        '--consumer-version',
        '1',
      ],
      ['publish', '--broker-url', broker.url, '--pact-dir', reportDir, '--consumer-version', '1'],
      ['can-i-deploy', '--broker-url', broker.url, '--pacticipant', DEFAULT_CONSUMER],
      ['can-i-deploy', '--broker-url', broker.url, '--version', '1'],
    ];
    // Refused before the pact-broker CLI starts: through the in-process main().
    for (const args of cases) {
      const result = await runMain(args, withToken);
      expect(result.code, args.join(' ')).to.equal(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).to.have.length(1);
    }
  });
});
