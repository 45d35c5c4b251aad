import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { main } from '../../src/cli/main';
import { isLoopbackHost, MOCK_ENV_NAMES } from '../../src/cli/commands/mock';
import { MOCK_APPLICATION_ID, MOCK_USER } from '../../src/mock';
import { PACKAGE_ROOT } from '../../src/paths';
import { cliArgv } from '../support/built-cli';

/** `flows-conformance mock ...` in process, for calls that end before listening: exit code and stderr. */
async function mockCommand(
  args: readonly string[],
  env: Partial<Record<keyof typeof MOCK_ENV_NAMES, string>> = {},
): Promise<{ code: number; stderr: string }> {
  const saved = Object.values(MOCK_ENV_NAMES).map((name) => [name, process.env[name]] as const);
  for (const [key, name] of Object.entries(MOCK_ENV_NAMES)) {
    const value = env[key as keyof typeof MOCK_ENV_NAMES];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    await main(['node', 'flows-conformance', 'mock', ...args]);
    return { code: Number(process.exitCode ?? 0), stderr };
  } finally {
    process.stderr.write = write;
    process.exitCode = undefined;
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('mock: CLI on a network (README, "Security")', () => {
  for (const [name, args, env] of [
    ['no credentials at all', ['--host', '0.0.0.0'], {}],
    ['an admin token but the default password', ['--host', '0.0.0.0', '--admin-token', 'a-secret'], {}],
    [
      'the documented password given explicitly',
      ['--host', '::', '--admin-token', 'a-secret', '--user-password', MOCK_USER.password],
      {},
    ],
    ['a password but no admin token', ['--host', '10.1.2.3'], { userPassword: 'another-secret' }],
  ] as const) {
    it(`a non-loopback host with ${name}: refused, one line on stderr, exit 2`, async () => {
      const { code, stderr } = await mockCommand(args, env);
      expect(code).to.equal(2);
      expect(stderr.trim().split('\n')).to.have.length(1);
      expect(stderr).to.include('--admin-token').and.include(MOCK_ENV_NAMES.userPassword);
      expect(stderr).not.to.include('a-secret').and.not.include('another-secret');
    });
  }

  it('explicit credentials (from the environment) pass the check: the mock goes on to listen', async () => {
    // 192.0.2.1 (TEST-NET-1) is never an address of this machine: the listen fails, nothing is exposed.
    const { code, stderr } = await mockCommand(['--host', '192.0.2.1', '--port', '0'], {
      adminToken: 'a-secret-of-16-chars',
      userPassword: 'another-secret-of-16',
    });
    expect(code).to.equal(2);
    expect(stderr).to.match(/cannot listen on 192\.0\.2\.1:0/);
  });

  for (const [name, env] of [
    ['a 1-character admin token', { adminToken: 'x', userPassword: 'another-secret-of-16' }],
    ['a 1-character password', { adminToken: 'a-secret-of-16-chars', userPassword: 'y' }],
    ['a 15-character password', { adminToken: 'a-secret-of-16-chars', userPassword: '123456789012345' }],
  ] as const) {
    it(`a non-loopback host with ${name}: refused, one line naming the minimum, exit 2`, async () => {
      const { code, stderr } = await mockCommand(['--host', '0.0.0.0', '--port', '0'], env);
      expect(code).to.equal(2);
      expect(stderr.trim().split('\n')).to.have.length(1);
      expect(stderr).to.match(/(--admin-token|--user-password) \(\w+\) must be at least 16 characters/);
      expect(stderr).not.to.include('another-secret').and.not.include('a-secret-of');
    });
  }

  for (const value of ['0', 'soon', '99999999']) {
    it(`--request-timeout ${value}: one line on stderr, exit 2`, async () => {
      const { code, stderr } = await mockCommand(['--request-timeout', value]);
      expect(code).to.equal(2);
      expect(stderr).to.include('--request-timeout');
    });
  }

  it('a blank secret in the environment is a usage error, not a default', async () => {
    const { code, stderr } = await mockCommand([], { userPassword: '   ' });
    expect(code).to.equal(2);
    expect(stderr).to.include(MOCK_ENV_NAMES.userPassword);
  });

  it('loopback hosts are 127.0.0.0/8, ::1 and localhost; everything else is a network', () => {
    const loopback = ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'];
    const network = ['0.0.0.0', '::', '10.0.0.1', '192.168.1.2', 'example.test', '::ffff:10.0.0.1', ''];
    expect(loopback.filter((host) => !isLoopbackHost(host))).to.deep.equal([]);
    expect(network.filter(isLoopbackHost)).to.deep.equal([]);
  });

  it('takes the admin token and the password from the environment (no secret on its command line)', async () => {
    const child = spawn(process.execPath, cliArgv(['mock', '--port', '0']), {
      cwd: PACKAGE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        [MOCK_ENV_NAMES.adminToken]: 'env-admin-token',
        [MOCK_ENV_NAMES.userPassword]: 'env-user-password',
      },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited ${code} before its ready line`)));
      });
      const url = /listening on (\S+)$/.exec(line)![1];
      const flows = await fetch(`${url}/applications/${MOCK_APPLICATION_ID}/flows`, {
        headers: { Authorization: 'Bearer env-admin-token' },
      });
      expect(flows.status).to.equal(200);
      const login = (password: string) =>
        fetch(`${url}/auth/user`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: MOCK_USER.email, password }),
        });
      expect((await login('env-user-password')).status).to.equal(200);
      expect((await login(MOCK_USER.password)).status, 'the default password is not live').to.equal(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).to.equal(0);
  });
});
