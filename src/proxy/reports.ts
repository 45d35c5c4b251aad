import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ensureDirectory } from '../directories';
import { defaultReporters, writeReports } from '../reporters';
import { writeFileReplacing } from '../reporters/atomic-write';
import { renderHar } from './har';
import type { TrafficLog } from './recorder';

export const HAR_FILE = 'exchanges.har';

export interface WrittenProxyReports {
  readonly files: readonly string[];
  readonly errors: readonly { readonly reporter: string; readonly message: string }[];
}

/** The hidden folder each set is written into before it replaces the last one. */
export const STAGING_PREFIX = '.flows-conformance-proxy-';

/**
 * Moves a staged set into `reportDir` in one synchronous pass: no signal handler can run between two
 * renames, so the folder holds the last set or this one, never a mix. A HAR this set lacks (it failed)
 * is removed rather than left beside the new reports.
 */
function placeSet(staged: readonly string[], reportDir: string): string[] {
  const placed = staged.map((file) => {
    const target = path.join(reportDir, path.basename(file));
    renameSync(file, target);
    return target;
  });
  if (!staged.some((file) => path.basename(file) === HAR_FILE))
    rmSync(path.join(reportDir, HAR_FILE), { force: true });
  return placed;
}

/**
 * The reports of `run` (each judged exchange a result) and a HAR of every exchange, with every secret
 * the proxy saw scrubbed: Authorization headers, and the tokens and passwords of bodies. Written as one
 * set (staged in a hidden folder of `reportDir`, whose path `onStaging` is told, then moved in at once).
 */
export async function writeProxyReports(
  log: TrafficLog,
  reportDir: string,
  version: string,
  onStaging: (folder: string) => void = () => undefined,
): Promise<WrittenProxyReports> {
  ensureDirectory(reportDir);
  // Synchronous, so that no signal handler runs between making the folder and telling the caller.
  const staging = mkdtempSync(path.join(reportDir, STAGING_PREFIX));
  onStaging(staging);
  try {
    const written = await writeReports(log.report(), staging, defaultReporters(), log.redactor);
    const errors = [...written.errors];
    const staged = [...written.files];
    const comment =
      log.dropped > 0
        ? `${log.dropped} later exchanges left out (the proxy keeps a bounded number)`
        : undefined;
    try {
      const har = renderHar(log.records, log.report().summary.target, version, log.redactor, comment);
      const harFile = path.join(staging, HAR_FILE);
      await writeFileReplacing(harFile, har);
      staged.push(harFile);
    } catch (error) {
      errors.push({ reporter: 'har', message: String((error as Error).message).split('\n')[0] });
    }
    return { files: placeSet(staged, reportDir), errors };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
