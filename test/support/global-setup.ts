import { ensureBuilt } from './built-cli';

/**
 * Before any test file, once per mocha run (in the main process, before the parallel workers start):
 * a stale dist/ is rebuilt here, so that no two workers rebuild it at the same time.
 */
export function mochaGlobalSetup(): void {
  ensureBuilt();
}
