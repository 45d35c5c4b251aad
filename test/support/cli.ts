import { spawn } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';

/** The CLI from the sources, for tests that spawn it. */
export const CLI_ENTRY = path.join(PACKAGE_ROOT, 'test', 'support', 'cli-entry.ts');

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a TypeScript entry in a child process (tsx): the Pact verifier writes its report straight to
 * file descriptor 1, so a verification runs where its output can be captured instead of flooding mocha's.
 */
export function runTs(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
  const tsx = path.join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, ...args], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `flows-conformance <args>` from the sources. */
export const runCli = (args: readonly string[], env?: NodeJS.ProcessEnv): Promise<ChildResult> =>
  runTs([CLI_ENTRY, ...args], env);
