import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { RunReport } from '../engine/results';
import { JSON_REPORT_FILE, readRunReport } from '../reporters';
import { UsageError } from './usage-error';

/**
 * The largest conformance.json `merge` and `compare` read. A whole run's report is well under 1 MiB when
 * it passes and a few MiB when every case fails; parsing takes about ten times a file's size in memory,
 * so a file past this cap is refused before it is read.
 */
export const MAX_REPORT_INPUT_BYTES = 32 * 1024 * 1024;

/** A report of `merge` or `compare` (a report directory or its conformance.json), refused when too large. */
export async function readReportInput(command: string, location: string): Promise<RunReport> {
  const found = await stat(location).catch(() => undefined);
  const file = found?.isDirectory() ? path.join(location, JSON_REPORT_FILE) : location;
  const info = file === location ? found : await stat(file).catch(() => undefined);
  // A device or a pipe has no size to check (/dev/zero never ends).
  if (info && !info.isFile()) throw new UsageError(`${command}: ${file} is not a regular file`);
  if (info && info.size > MAX_REPORT_INPUT_BYTES)
    throw new UsageError(
      `${command}: ${file} is ${(info.size / 1024 / 1024).toFixed(1)} MiB, above the ${MAX_REPORT_INPUT_BYTES / 1024 / 1024} MiB a report may have`,
    );
  // A missing or unreadable file is said by the reader, in the command's words.
  return readRunReport(location);
}
