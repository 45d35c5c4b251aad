import path from 'node:path';
import { unwritableReason } from '../directories';
import { UsageError } from './usage-error';

/** A folder flag checked before any work is done, so that a bad one is a usage error (exit 2). */
export function writableDirectoryOption(flag: string, dir: string): string {
  const reason = unwritableReason(dir);
  if (reason) throw new UsageError(`${flag} ${dir} is not a writable directory (${reason})`);
  return path.resolve(dir);
}
