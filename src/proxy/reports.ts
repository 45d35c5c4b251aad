import path from 'node:path';
import { defaultReporters, writeReports } from '../reporters';
import { writeFileReplacing } from '../reporters/atomic-write';
import { renderHar } from './har';
import type { TrafficLog } from './recorder';

export const HAR_FILE = 'exchanges.har';

export interface WrittenProxyReports {
  readonly files: readonly string[];
  readonly errors: readonly { readonly reporter: string; readonly message: string }[];
}

/**
 * The reports of `run` (each judged exchange a result) and a HAR of every exchange, with every secret
 * the proxy saw scrubbed: Authorization headers, and the tokens and passwords of bodies.
 */
export async function writeProxyReports(
  log: TrafficLog,
  reportDir: string,
  version: string,
): Promise<WrittenProxyReports> {
  const written = await writeReports(log.report(), reportDir, defaultReporters(), log.redactor);
  const harFile = path.join(reportDir, HAR_FILE);
  const comment =
    log.dropped > 0
      ? `${log.dropped} later exchanges left out (the proxy keeps a bounded number)`
      : undefined;
  try {
    const har = renderHar(log.records, log.report().summary.target, version, log.redactor, comment);
    await writeFileReplacing(harFile, har);
    return { files: [...written.files, harFile], errors: written.errors };
  } catch (error) {
    return {
      files: written.files,
      errors: [
        ...written.errors,
        { reporter: 'har', message: String((error as Error).message).split('\n')[0] },
      ],
    };
  }
}
