import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { PACKAGE_ROOT } from '../../src/paths';
import { ENV_NAMES, CONFIG_FILE_ENV } from '../../src/target/config';
import { cliArgv } from '../support/built-cli';

/** `flows-conformance mock` in a process of its own, reached by URL as a real server would be. */

export const ADMIN_TOKEN = 'e2e-admin-token-9f3b1c7d5a0e42b6';
export const FLOW_CLASSES = ['cloud', 'edge', 'customNode', 'experience'] as const;
/** Mock tokens look like `mock.` and 32 url-safe characters: none may appear in any output. */
export const MOCK_TOKEN = /mock\.[A-Za-z0-9_-]{32}/;

/** The environment of the user running the tests must not leak into the runs. */
export const CLEAN_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  [...Object.values(ENV_NAMES), CONFIG_FILE_ENV].map((name) => [name, '']),
);

export interface MockProcess {
  readonly url: string;
  readonly child: ChildProcessWithoutNullStreams;
}

/** `flows-conformance mock --port 0` in a child process; resolves with its URL (bounded wait). */
export function startMockProcess(extraArgs: readonly string[] = []): Promise<MockProcess> {
  const child = spawn(
    process.execPath,
    cliArgv(['mock', '--port', '0', '--admin-token', ADMIN_TOKEN, ...extraArgs]),
    {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, ...CLEAN_ENV },
    },
  );
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the mock did not start within 60 s: ${stderr}`));
    }, 60_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the mock exited (${code}) before listening: ${stderr}`));
    });
  });
}

export function stopMockProcess(mock: MockProcess | undefined): Promise<void> {
  if (!mock || mock.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      mock.child.kill('SIGKILL');
      resolve();
    }, 5_000);
    mock.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    mock.child.kill('SIGTERM');
  });
}

export async function api(
  mock: MockProcess,
  method: string,
  route: string,
  body?: unknown,
  token = ADMIN_TOKEN,
) {
  const response = await fetch(`${mock.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> };
}

/** How many flows the application holds, over every flowClass. */
export async function flowCount(mock: MockProcess, applicationId: string): Promise<number> {
  let total = 0;
  for (const flowClass of FLOW_CLASSES) {
    const { status, body } = await api(
      mock,
      'GET',
      `/applications/${applicationId}/flows?flowClass=${flowClass}&perPage=1000`,
    );
    expect(status).to.equal(200);
    total += body.totalCount as number;
  }
  return total;
}

export const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : [file];
  });
