import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACTIONS, APPLICATION_ID_EXAMPLE, pathFor, successResponse } from '../../specs/catalog';
import { runOpenApi } from '../../src/cli/commands/openapi';
import { referenceExample } from '../../src/pact/examples';
import { PACKAGE_ROOT } from '../../src/paths';

const PRISM = path.join(PACKAGE_ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
const READY_TIMEOUT_MS = 60_000;

/** A port nothing listens on now (the kernel's pick on loopback). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves when Prism logs that it listens; rejects if it exits first or the bounded wait runs out. */
function listening(prism: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${log}`)), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/Prism is listening on/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    prism.stdout?.on('data', onData);
    prism.stderr?.on('data', onData);
    prism.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited with ${code}:\n${log}`));
    });
  });
}

describe('openapi: Prism mocks the export', () => {
  let prism: ChildProcess | undefined;
  let baseUrl = '';

  before(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-prism-')), 'flows.json');
    await runOpenApi({ out: file, format: 'json' });
    const port = await freePort();
    prism = spawn(process.execPath, [PRISM, 'mock', '--host', '127.0.0.1', '--port', String(port), file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await listening(prism);
    baseUrl = `http://127.0.0.1:${port}`;
  });

  after(async () => {
    if (prism && prism.exitCode === null) {
      const exited = once(prism, 'exit');
      prism.kill('SIGTERM');
      await exited;
    }
  });

  for (const action of ACTIONS)
    it(`${action.method} ${action.pathTemplate} answers ${successResponse(action).status}`, async () => {
      const required = action.query
        .filter((parameter) => parameter.required)
        .map((parameter) => parameter.example);
      const url = `${baseUrl}${pathFor(action, APPLICATION_ID_EXAMPLE)}${required.length ? '?' + required.join('&') : ''}`;
      const body = action.requestBody
        ? JSON.stringify(referenceExample(action.requestBody.exampleFixture))
        : undefined;
      const response = await fetch(url, {
        method: action.method,
        headers: {
          authorization: 'Bearer example-token',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      expect(response.status).to.equal(successResponse(action).status);
      expect(response.headers.get('content-type')).to.match(/^application\/json/);
      await response.json();
    });

  it('refuses a request without a token with 401', async () => {
    const action = ACTIONS[0];
    const response = await fetch(`${baseUrl}${pathFor(action, APPLICATION_ID_EXAMPLE)}`, {
      signal: AbortSignal.timeout(30_000),
    });
    expect(response.status).to.equal(401);
  });
});
