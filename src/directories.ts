import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder and its missing parents one by one: Node's `mkdir(..., { recursive: true })` spins
 * forever on paths under /proc, and a report or pact folder given by a user may be anything.
 */
export function ensureDirectory(dir: string): string {
  const resolved = path.resolve(dir);
  const missing: string[] = [];
  for (let at = resolved; !existsSync(at); at = path.dirname(at)) missing.unshift(at);
  for (const folder of missing) mkdirSync(folder);
  return resolved;
}

/** Why `dir` cannot take our files (`ENOTDIR`, `EACCES`, ...), or undefined when it can. */
export function unwritableReason(dir: string): string | undefined {
  try {
    // A random name, created exclusively: a link planted at a guessable name cannot redirect the probe.
    const probe = path.join(ensureDirectory(dir), `.write-probe-${randomBytes(8).toString('hex')}`);
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}
