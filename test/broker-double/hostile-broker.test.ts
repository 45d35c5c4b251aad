import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONSUMER, DEFAULT_PROVIDER, writePacts } from '../../src/pact/consumer';
import { ALL_PACT_CASES } from '../../src/pact/interactions';
import { runCli, type ChildResult } from '../support/cli';
import { startBrokerDouble, type BrokerDouble } from './broker-double';

const TOKEN = 'hostile-broker-token-5f1e2d3c';
/** A terminal's clear-screen, a window title ended by BEL, and a one-character CSI (C1). */
const ESCAPES = '\u001b[2J\u001b]0;pwned\u0007\u009b31m';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('publish and can-i-deploy against a broker that echoes the credentials', function () {
  this.timeout(90_000);
  let broker: BrokerDouble;
  let pactDir: string;
  const results: Record<string, ChildResult> = {};

  before(async () => {
    broker = await startBrokerDouble({ echoCredentials: ESCAPES });
    pactDir = mkdtempSync(path.join(os.tmpdir(), 'flows-hostile-broker-'));
    const names = { consumer: DEFAULT_CONSUMER, provider: DEFAULT_PROVIDER };
    expect((await writePacts({ ...names, pactDir, cases: ALL_PACT_CASES })).failures).to.deep.equal([]);
    const env = { PACT_BROKER_TOKEN: TOKEN };
    [results.publish, results['can-i-deploy']] = await Promise.all([
      runCli(
        ['publish', '--broker-url', broker.url, '--pact-dir', pactDir, '--consumer-version', '1.0.0'],
        env,
      ),
      runCli(
        ['can-i-deploy', '--broker-url', broker.url, '--pacticipant', DEFAULT_CONSUMER, '--version', '1.0.0'],
        env,
      ),
    ]);
  });

  after(async () => {
    await broker.close();
    rmSync(pactDir, { recursive: true, force: true });
  });

  for (const command of ['publish', 'can-i-deploy'])
    describe(command, () => {
      it('fails, and shows what the broker answered', () => {
        const { code, stdout, stderr } = results[command];
        expect(code).to.equal(1);
        expect(stdout + stderr).to.include('pwned');
        expect(stdout + stderr).to.include('Bearer [REDACTED]');
      });

      it('never prints PACT_BROKER_TOKEN', () => {
        const { stdout, stderr } = results[command];
        expect(stdout + stderr).not.to.include(TOKEN);
      });

      it('prints no raw control character', () => {
        const { stdout, stderr } = results[command];
        expect(stdout + stderr).not.to.match(RAW_CONTROL);
      });
    });
});
