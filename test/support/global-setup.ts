import { ensureBuilt } from './built-cli';
import { missingSharedLine } from './shared-dir';

/**
 * Before any test file, once per mocha run (in the main process, before the parallel workers start):
 * a stale dist/ is rebuilt here, so that no two workers rebuild it at the same time; and, on a clone
 * without ../shared, one line says which tests are skipped for it.
 */
export function mochaGlobalSetup(): void {
  ensureBuilt();
  const missing = missingSharedLine();
  if (missing) console.log(missing);
}
