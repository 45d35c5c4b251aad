/**
 * How long `flows-conformance proxy` takes from SIGINT to exit once it has seen many secrets: N logins
 * through it (each answer a fresh token, each token then used once), then SIGINT; the time to exit, the
 * HAR's size, and whether any token is in clear in any report. Loopback only; bounded by --limit.
 * Usage: npx tsx bench/proxy-sigint.ts [--tokens 2000] [--limit 180] [--root DIR]
 *   --root runs the proxy of another checkout's sources (to measure an older commit the same way).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockServer, MOCK_APPLICATION_ID, MOCK_USER } from '../src/mock';
import { PACKAGE_ROOT } from '../src/paths';

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

const TOKENS = Number(argument('tokens', '2000'));
const LIMIT_MS = Number(argument('limit', '180')) * 1000;
const ROOT = path.resolve(argument('root', PACKAGE_ROOT));
const CONCURRENCY = 16;

async function inBatches(count: number, each: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) await each(index);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function main(): Promise<void> {
  const mock = await createMockServer();
  const target = await mock.listen(0, '127.0.0.1');
  const reportDir = mkdtempSync(path.join(os.tmpdir(), 'proxy-sigint-'));
  const entry = `require(${JSON.stringify(path.join(ROOT, 'src/cli/main.ts'))}).main(process.argv)`;
  const child = spawn(
    process.execPath,
    [
      '-r',
      'tsx/cjs',
      '-e',
      entry,
      'proxy',
      'proxy',
      '--target',
      target,
      '--port',
      '0',
      '--report-dir',
      reportDir,
    ],
    { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`the proxy exited before listening: ${stdout}`)));
  });
  const tokens: string[] = [];
  const trafficStarted = performance.now();
  await inBatches(TOKENS, async () => {
    const login = await fetch(`${url}/auth/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: MOCK_USER.email, password: MOCK_USER.password }),
    });
    const { token } = (await login.json()) as { token: string };
    tokens.push(token);
    await (
      await fetch(`${url}/applications/${MOCK_APPLICATION_ID}/flows?perPage=1`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).arrayBuffer();
  });
  const trafficMs = performance.now() - trafficStarted;
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stopped = performance.now();
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
  const code = await exited;
  clearTimeout(timer);
  const exitMs = performance.now() - stopped;
  const har = path.join(reportDir, 'exchanges.har');
  const inClear = readdirSync(reportDir)
    .filter((file) => !file.startsWith('.'))
    .map((file) => {
      const content = readFileSync(path.join(reportDir, file), 'utf8');
      return [file, tokens.filter((token) => content.includes(token)).length] as const;
    });
  process.stdout.write(
    `${JSON.stringify({
      root: ROOT,
      tokens: TOKENS,
      trafficSeconds: +(trafficMs / 1000).toFixed(1),
      sigintToExitSeconds: +(exitMs / 1000).toFixed(2),
      exitCode: code,
      harWritten: existsSync(har),
      harMiB: existsSync(har) ? +(statSync(har).size / 2 ** 20).toFixed(1) : 0,
      tokensInClear: Object.fromEntries(inClear),
    })}\n`,
  );
  rmSync(reportDir, { recursive: true, force: true });
  await mock.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`proxy-sigint: ${String(error)}\n`);
  process.exitCode = 2;
});
