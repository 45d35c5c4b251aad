import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  createMockServer,
  MOCK_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
  type MockServer,
} from '../../src/mock';
import { PACKAGE_ROOT } from '../../src/paths';
import { cliArgv } from '../support/built-cli';
import { ADMIN_TOKEN } from '../runner/support';
import { sharedPactDir } from '../support/pacts';

/**
 * A loopback relay in front of the mock that forwards the first `holdFrom` requests and holds the rest
 * until released: the command is then mid-run, waiting on the target, when it gets the signal. No clock.
 */
async function gatedFront(target: string, holdFrom: number) {
  let seen = 0;
  let open = false;
  const held: (() => void)[] = [];
  let reached: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => (reached = resolve));
  const server = http.createServer((request, response) => {
    seen += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const forward = () => {
        const upstream = http.request(
          `${target}${request.url ?? '/'}`,
          { method: request.method, headers: request.headers },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        upstream.on('error', () => response.destroy());
        upstream.end(Buffer.concat(chunks));
      };
      if (open || seen <= holdFrom) return forward();
      held.push(forward);
      reached();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    /** Resolves once a request is held: the command is at work. */
    holding,
    release() {
      open = true;
      for (const forward of held.splice(0)) forward();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const flowCount = (mock: MockServer) =>
  [MOCK_APPLICATION_ID, MOCK_OTHER_APPLICATION_ID].reduce(
    (sum, id) => sum + (mock.store.application(id)?.flows.size ?? 0),
    0,
  );

/**
 * Starts the CLI against the front; once the front holds a request, sends SIGINT, and once the CLI says
 * it is stopping, lets the held requests through; waits for the CLI to end.
 */
function interruptAtHold(args: string[], front: Awaited<ReturnType<typeof gatedFront>>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, cliArgv(args), {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/SIGINT: stopping/.test(stderr)) front.release();
    });
    void front.holding.then(() => child.kill('SIGINT'));
    child.on('error', reject);
    child.on('close', (code) => {
      front.release();
      resolve({ code, stdout, stderr });
    });
  });
}

describe('cli: an interrupted run, fuzz, explore or verify loses nothing', function () {
  this.timeout(120_000);
  let mock: MockServer;
  let front: Awaited<ReturnType<typeof gatedFront>>;
  let reportDir: string;
  const certificateFoldersBefore = readdirSync(os.tmpdir()).filter((name) =>
    name.startsWith('flows-no-certificates-'),
  );

  /** Requests each command sends before the front holds one: past its set-up, well before its end. */
  const HOLD_FROM: Readonly<Record<string, number>> = { run: 150, fuzz: 20, explore: 30, verify: 15 };

  beforeEach(async function () {
    mock = await createMockServer({ adminToken: ADMIN_TOKEN });
    const command = this.currentTest?.title.split(':')[0] ?? '';
    front = await gatedFront(await mock.listen(0, '127.0.0.1'), HOLD_FROM[command]);
    reportDir = mkdtempSync(path.join(os.tmpdir(), 'fc-interrupt-'));
  });
  afterEach(async () => {
    await front.close();
    await mock.close();
    rmSync(reportDir, { recursive: true, force: true });
  });

  const target = () => [
    '--target',
    front.url,
    '--application-id',
    MOCK_APPLICATION_ID,
    '--other-application-id',
    MOCK_OTHER_APPLICATION_ID,
    '--mock-only-tokens',
    '--report-dir',
    reportDir,
  ];

  it('run: SIGINT mid-run removes the run’s flows, writes the reports marked interrupted, exits 130', async () => {
    const result = await interruptAtHold(['run', ...target(), '--concurrency', '1'], front);
    expect(result.code, result.stderr).to.equal(130);
    expect(result.stderr).to.match(/SIGINT: stopping the run/);
    expect(result.stderr).to.match(
      /interrupted \(SIGINT\): the reports hold what ran; the run's flows were named fc[0-9a-f]{8}-\*/,
    );
    expect(flowCount(mock), 'flows left on the mock').to.equal(0);
    const report = JSON.parse(readFileSync(path.join(reportDir, 'conformance.json'), 'utf8')) as {
      summary: { interrupted?: string; skipped: number; passed: number; total: number };
      results: { outcome: string; skipReason?: string }[];
    };
    expect(report.summary.interrupted).to.equal('interrupted (SIGINT)');
    expect(report.summary.passed, 'cases that ran before the signal').to.be.above(0);
    expect(report.results.filter((r) => r.skipReason === 'not run: interrupted (SIGINT)').length).to.be.above(
      0,
    );
    expect(readFileSync(path.join(reportDir, 'summary.md'), 'utf8')).to.include('**Interrupted:**');
  });

  it('fuzz: SIGINT mid-run removes the run’s flows, writes the reports marked interrupted, exits 130', async () => {
    const result = await interruptAtHold(['fuzz', ...target(), '--runs', '200', '--seed', '3'], front);
    expect(result.code, result.stderr).to.equal(130);
    expect(flowCount(mock), 'flows left on the mock').to.equal(0);
    const report = JSON.parse(readFileSync(path.join(reportDir, 'conformance.json'), 'utf8')) as {
      summary: { interrupted?: string };
    };
    expect(report.summary.interrupted).to.equal('interrupted (SIGINT)');
  });

  it('explore: SIGINT mid-run removes the run’s flows, writes the reports marked interrupted, exits 130', async () => {
    const result = await interruptAtHold(['explore', ...target(), '--runs', '500', '--seed', '5'], front);
    expect(result.code, result.stderr).to.equal(130);
    expect(flowCount(mock), 'flows left on the mock').to.equal(0);
    const report = JSON.parse(readFileSync(path.join(reportDir, 'conformance.json'), 'utf8')) as {
      summary: { interrupted?: string };
      results: { outcome: string }[];
    };
    expect(report.summary.interrupted).to.equal('interrupted (SIGINT)');
    expect(report.results.map((result) => result.outcome)).to.deep.equal(['skipped']);
  });

  it('verify: SIGINT mid-verification removes what it created, writes the reports marked interrupted, exits 130', async () => {
    const pactDir = await sharedPactDir();
    const result = await interruptAtHold(['verify', ...target(), '--pact-dir', pactDir], front);
    expect(result.code, result.stderr).to.equal(130);
    expect(result.stderr).to.match(
      /interrupted \(SIGINT\): \d+ interactions ran before it; what they created was removed/,
    );
    expect(flowCount(mock), 'flows left on the mock').to.equal(0);
    const report = JSON.parse(readFileSync(path.join(reportDir, 'pact-verification.json'), 'utf8')) as {
      outcome: { interrupted?: string; passed: boolean };
    };
    expect(report.outcome).to.include({ interrupted: 'interrupted (SIGINT)', passed: false });
    expect(
      readdirSync(os.tmpdir()).filter((name) => name.startsWith('flows-no-certificates-')),
    ).to.deep.equal(certificateFoldersBefore);
  });
});
