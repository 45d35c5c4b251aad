import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';

/** The installed entry a user runs; it loads dist/, which `npm ci` builds (`prepare`). */
export const BIN_ENTRY = path.join(PACKAGE_ROOT, 'bin', 'flows-conformance.js');
const BUILT_MAIN = path.join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const COMPILED_DIRS = ['src', 'specs', 'fixtures'];

const isCompiledSource = (name: string): boolean =>
  /\.ts$/.test(name) && !/\.(test|spec|pact)\.ts$/.test(name);

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(file));
    else if (isCompiledSource(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

let checked = false;

/**
 * Spawned CLI tests run the built entry (a fraction of a second to start, where tsx compiles the
 * sources again in every child); this rebuilds dist/ first when a source is newer than it, so a test
 * never runs stale code.
 */
export function ensureBuilt(): void {
  if (checked) return;
  const builtAt = existsSync(BUILT_MAIN) ? statSync(BUILT_MAIN).mtimeMs : 0;
  const sourcesAt = Math.max(...COMPILED_DIRS.map((dir) => newestSourceTime(path.join(PACKAGE_ROOT, dir))));
  if (sourcesAt > builtAt) {
    const tsc = path.join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: PACKAGE_ROOT,
      stdio: 'inherit',
    });
  }
  checked = true;
}

/** The argv that starts `flows-conformance <args>` as a user's shell would, from the built package. */
export function cliArgv(args: readonly string[]): string[] {
  ensureBuilt();
  return [BIN_ENTRY, ...args];
}
