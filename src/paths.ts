import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding this package's package.json, whether running from src/ (tsx) or dist/src/. */
function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);
export const SCHEMA_DIR = path.join(PACKAGE_ROOT, 'specs', 'schemas');
/** The JSON Schema of conformance.json, which `merge` and `compare` hold their inputs to. */
export const REPORT_SCHEMA_FILE = path.join(
  PACKAGE_ROOT,
  'specs',
  'report',
  'conformance-report.schema.json',
);
export const FIXTURE_DIR = path.join(PACKAGE_ROOT, 'fixtures');
/** The read-only reference and real fixtures, beside the project (see the README). */
export const SHARED_DIR = process.env.FLOWS_CONFORMANCE_SHARED ?? path.join(PACKAGE_ROOT, '..', 'shared');
