import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { addTargetOptions, resolveTargetOptions } from '../../src/cli/target-options';
import { resolveTargetConfig } from '../../src/target/config';

const APP = '575ec8687ae143cd83dc4a97';
const dir = mkdtempSync(path.join(tmpdir(), 'fc-config-'));
const file = (name: string, content: unknown) => {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
  return target;
};

function resolve(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const command = addTargetOptions(new Command('run').exitOverride())
    .option('--no-cleanup')
    .option('--strict');
  command.parse(argv, { from: 'user' });
  return resolveTargetOptions(command, env);
}

describe('target: configuration precedence (defaults → config file → environment → flags)', () => {
  it('defaults: the embedded mock, 8 in flight, 10 s, reports/, cleanup on', () => {
    expect(resolve([])).to.include({
      baseUrl: undefined,
      concurrency: 8,
      timeoutMs: 10_000,
      reportDir: 'reports',
      cleanup: true,
      strict: false,
    });
  });

  it('each layer overrides the one before', () => {
    const config = file('config.json', {
      concurrency: 2,
      timeoutMs: 500,
      reportDir: 'from-file',
      grep: 'file',
    });
    const env = {
      FLOWS_CONFORMANCE_CONFIG: config,
      FLOWS_CONFORMANCE_CONCURRENCY: '3',
      FLOWS_CONFORMANCE_TIMEOUT: '700',
    };
    expect(resolve(['--concurrency', '4'], env)).to.include({
      concurrency: 4,
      timeoutMs: 700,
      reportDir: 'from-file',
      grep: 'file',
    });
    expect(resolve(['--config', config], {})).to.include({ concurrency: 2, timeoutMs: 500 });
  });

  it('--no-cleanup and --strict count only when typed', () => {
    expect(resolve(['--no-cleanup'], { FLOWS_CONFORMANCE_CLEANUP: 'true' }).cleanup).to.equal(false);
    expect(resolve([], { FLOWS_CONFORMANCE_CLEANUP: 'false' }).cleanup).to.equal(false);
    expect(resolve(['--strict']).strict).to.equal(true);
  });

  it('a tokens file is read and validated', () => {
    const tokens = file('tokens.json', { 'all.Organization': 'tok-org' });
    const config = resolve(['--target', 'http://api.test', '--application-id', APP, '--tokens', tokens]);
    expect(config.tokens).to.deep.equal({ 'all.Organization': 'tok-org' });
    expect(() =>
      resolve(['--target', 'http://api.test', '--application-id', APP, '--tokens', file('bad.json', '[1]')]),
    ).to.throw(/scope to a token/);
  });

  it('refuses what cannot work, in one line', () => {
    expect(() => resolve(['--target', 'http://api.test'])).to.throw(/--application-id/);
    expect(() => resolve(['--target', 'http://api.test', '--application-id', APP])).to.throw(/credential/);
    expect(() => resolve(['--target', 'ftp://x', '--application-id', APP, '--admin-token', 't'])).to.throw(
      /http/,
    );
    for (const target of ['http://api.test/?a=1', 'http://api.test/#x'])
      expect(() => resolve(['--target', target, '--application-id', APP, '--admin-token', 't'])).to.throw(
        /without a query or fragment/,
      );
    expect(() => resolve(['--target', 'http://u:p@api.test', '--application-id', APP])).to.throw(
      /must not hold credentials; use the token options/,
    );
    expect(() => resolve(['--user-email', 'a@b.c'])).to.throw(/--user-password/);
    expect(() => resolve(['--concurrency', '0'])).to.throw(/--concurrency/);
    expect(() => resolveTargetConfig([{ shard: '0/2' }])).to.throw(/--shard/);
    expect(() => resolve(['--config', file('secret.json', { adminToken: 'x' })])).to.throw(/environment/);
    expect(resolveTargetConfig([{ shard: '2/3' }]).shard).to.deep.equal({ index: 2, count: 3 });
  });

  it('application ids are 24 hexadecimal digits, and the second application is another one', () => {
    expect(() => resolve(['--target', 'http://api.test', '--application-id', 'not-an-id'])).to.throw(
      '--application-id must be an id of 24 hexadecimal digits (got "not-an-id")',
    );
    expect(() => resolve(['--other-application-id', '575ec8687ae143cd83dc4a9'])).to.throw(
      /--other-application-id must be an id of 24 hexadecimal digits/,
    );
    expect(() => resolve(['--application-id', APP, '--other-application-id', APP])).to.throw(
      '--other-application-id must name another application than --application-id',
    );
    expect(resolve(['--application-id', APP.toUpperCase()]).applicationId).to.equal(APP.toUpperCase());
  });

  it('a bad boolean names where it can be set (there is no --cleanup flag)', () => {
    expect(() => resolve([], { FLOWS_CONFORMANCE_CLEANUP: 'nope' })).to.throw(
      '--no-cleanup (FLOWS_CONFORMANCE_CLEANUP, config "cleanup") must be true or false (got "nope")',
    );
    expect(() => resolve([], { FLOWS_CONFORMANCE_MOCK_ONLY_TOKENS: 'yes' })).to.throw(
      /FLOWS_CONFORMANCE_MOCK_ONLY_TOKENS/,
    );
  });
});
