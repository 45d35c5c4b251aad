import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONSUMER, DEFAULT_PROVIDER, writePacts } from '../../src/pact/consumer';
import { ALL_PACT_CASES } from '../../src/pact/interactions';

let written: Promise<string> | undefined;

/**
 * The consumer pact of every interaction, written once per test process into a temporary folder that
 * the tests only read (removed when the process exits).
 */
export function sharedPactDir(): Promise<string> {
  written ??= (async () => {
    const pactDir = mkdtempSync(path.join(os.tmpdir(), 'flows-shared-pacts-'));
    process.once('exit', () => rmSync(pactDir, { recursive: true, force: true }));
    const result = await writePacts({
      consumer: DEFAULT_CONSUMER,
      provider: DEFAULT_PROVIDER,
      pactDir,
      cases: ALL_PACT_CASES,
    });
    if (result.failures.length > 0)
      throw new Error(`the consumer pact could not be written: ${JSON.stringify(result.failures)}`);
    return pactDir;
  })();
  return written;
}
