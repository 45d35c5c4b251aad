import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';

/** The installed entry a user runs; it loads dist/, which `npm ci` builds (`prepare`). */
export const BIN_ENTRY = path.join(PACKAGE_ROOT, 'bin', 'flows-conformance.js');

let checked = false;

/**
 * Spawned CLI tests run the built entry (a fraction of a second to start, where tsx compiles the
 * sources again in every child); this rebuilds dist/ first when a source is newer than it, so a test
 * never runs stale code. The same check as `npm start`'s (scripts/build.mjs --if-stale).
 */
export function ensureBuilt(): void {
  if (checked) return;
  execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'scripts', 'build.mjs'), '--if-stale'], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  checked = true;
}

/** The argv that starts `flows-conformance <args>` as a user's shell would, from the built package. */
export function cliArgv(args: readonly string[]): string[] {
  ensureBuilt();
  return [BIN_ENTRY, ...args];
}
