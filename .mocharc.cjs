/**
 * mocha for `npm test`: the test files run in parallel worker processes (one per core, at least two:
 * most of the slow files wait on the processes they spawn), the slowest first so that the workers end
 * together. Files named on the command line (`npx mocha test/x.test.ts`) run alone: mocha would add them
 * to the configured list, so the list is left out then.
 */
const os = require('node:os');
const { readdirSync } = require('node:fs');
const path = require('node:path');

/** The files under `folder` whose names end with `suffix`, as posix paths. */
const filesUnder = (folder, suffix) =>
  readdirSync(folder, { recursive: true })
    .filter((file) => file.endsWith(suffix))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')));

/** The slowest files (wall time each, measured on two cores): started first. The order of the rest does not matter. */
const SLOWEST_FIRST = [
  'test/static-checks.test.ts', // tsc, eslint, prettier, dependency-cruiser: ~50 s of CPU
  'test/package-install.test.ts',
  'test/docs/docs-run.test.ts',
  'test/broker-double/broker-double.test.ts',
  'test/pact/verify.test.ts',
  'test/cli/newcomer.test.ts',
  'test/e2e/separate-process.test.ts',
  'test/runner/faults.test.ts',
  'test/pact/verify-servers.test.ts',
  'test/e2e/other-choices.test.ts',
  'test/openapi/prism-proxy.test.ts',
  'test/runner/target-trouble.test.ts',
  'test/fuzz/fuzz.test.ts',
];

const all = [
  ...filesUnder('test', '.test.ts'),
  ...filesUnder('specs', '.spec.ts'),
  ...filesUnder('contracts', '.pact.ts'),
].sort();
const missing = SLOWEST_FIRST.filter((file) => !all.includes(file));
if (missing.length > 0)
  throw new Error(`.mocharc.cjs names test files that do not exist: ${missing.join(', ')}`);

const named = process.argv.slice(2).some((arg) => /\.(test|spec|pact)\.ts$/.test(arg));

module.exports = {
  require: ['tsx/cjs', 'test/support/global-setup.ts'],
  extension: ['ts'],
  spec: named ? [] : [...SLOWEST_FIRST, ...all.filter((file) => !SLOWEST_FIRST.includes(file))],
  parallel: true,
  jobs: Math.max(2, os.availableParallelism()),
  timeout: 30000,
  reporter: 'spec',
  exit: true,
};
