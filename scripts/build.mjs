/**
 * The TypeScript build of `tsconfig.build.json`. With --if-stale (npm's prestart) it builds only when a
 * source is newer than the last build: `npm ci` has already built (prepare), so `npm start` skips ~5 s.
 * Sources: every file and folder under the project's `include` roots, the tsconfig files and
 * package.json. A folder's mtime changes when a file in it is added, removed or renamed, so those count.
 * After tsc it writes the schemas' validators as code (src/schemas/precompiled.ts).
 * The stamp takes the time the build started, so that an edit made during a build triggers the next.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const PROJECT = 'tsconfig.build.json';
const STAMP = path.join('dist', '.build-stamp');
const PRECOMPILE = 'dist/src/schemas/precompiled.js';

/** The top folders of the project's `include` globs ("specs/**\/*.ts" → "specs"). */
function includeRoots(cwd) {
  const { include = [] } = JSON.parse(readFileSync(path.join(cwd, PROJECT), 'utf8'));
  return [...new Set(include.map((glob) => glob.split('/')[0]))].map((root) => path.join(cwd, root));
}

/** The newest mtime (ms) of a file or folder and everything under it; 0 when it does not exist. */
function newestUnder(entry) {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestUnder(path.join(entry, name)));
  return newest;
}

export function isStale(cwd) {
  const stamp = path.join(cwd, STAMP);
  if (!existsSync(stamp)) return true;
  const sources = [...includeRoots(cwd), 'tsconfig.json', PROJECT, 'package.json'].map((entry) =>
    path.resolve(cwd, entry),
  );
  const built = statSync(stamp).mtimeMs;
  return sources.some((source) => newestUnder(source) > built);
}

function build(cwd) {
  const started = new Date();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', PROJECT], { cwd, stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  if (existsSync(path.join(cwd, PRECOMPILE))) {
    const script = `require(${JSON.stringify(`./${PRECOMPILE}`)}).writePrecompiledValidators()`;
    const validators = spawnSync(process.execPath, ['-e', script], { cwd, stdio: 'inherit' });
    if (validators.status !== 0) return validators.status ?? 1;
  }
  writeFileSync(path.join(cwd, STAMP), `${started.toISOString()}\n`);
  utimesSync(path.join(cwd, STAMP), started, started);
  return 0;
}

const cwd = process.cwd();
if (process.argv.includes('--if-stale') && !isStale(cwd)) {
  process.stderr.write('build: dist/ is up to date with the sources\n');
} else {
  process.exitCode = build(cwd);
}
