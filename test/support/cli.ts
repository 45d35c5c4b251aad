import { spawn } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { cliArgv } from './built-cli';

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a TypeScript entry in a child process (tsx): the Pact verifier writes its report straight to
 * file descriptor 1, so a verification runs where its output can be captured instead of flooding mocha's.
 */
export const runTs = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ChildResult> =>
  runNode([path.join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ...args], env);

function runNode(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
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

/** `flows-conformance <args>` in a child process, as installed (see built-cli.ts). */
export const runCli = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ChildResult> =>
  runNode(cliArgv(args), env);
