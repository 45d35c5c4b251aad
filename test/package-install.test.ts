import { expect } from 'chai';
import { execFile, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACTIONS } from '../specs/catalog';
import { DEFAULT_CONSUMER, DEFAULT_PROVIDER, pactFileName } from '../src/pact/defaults';
import { PACKAGE_ROOT } from '../src/paths';
import { startBrokerDouble } from './broker-double/broker-double';

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  /** stdout and stderr, for the assertion messages. */
  readonly output: string;
}

interface PackedFile {
  readonly path: string;
}

/** A command in `cwd`, never through a shell; its exit code and what it wrote (bounded by `timeout`). */
function exec(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** What the package may hold: the built code, the catalog's data read at run time, its manifest, README and the decisions its reports cite. */
const SHIPPED = [
  /^package\.json$/,
  /^README\.md$/,
  /^docs\/(reference-)?decisions\.md$/,
  /^bin\/flows-conformance\.js$/,
  /^dist\/(src|specs\/catalog|specs\/cases|fixtures)\/.+\.js$/,
  /^dist\/schemas\/validators\.js$/, // the schemas' validators, compiled by the build
  /^specs\/schemas\/[^/]+\.json$/,
  /^specs\/report\/conformance-report\.schema\.json$/, // what merge and compare hold their inputs to
  /^fixtures\/(reference-examples|valid\/[^/]+|invalid\/[^/]+)\/[^/]+\.json$/,
];

/** The packed files that are none of what the package may hold. */
export const unexpectedFiles = (files: readonly string[]): string[] =>
  files.filter((file) => !SHIPPED.some((pattern) => pattern.test(file)));

/** A built module of the package without its TypeScript source: left over from a source since removed. */
export const withoutSource = (files: readonly string[], root = PACKAGE_ROOT): string[] =>
  files
    .filter(
      (file) => file.startsWith('dist/') && file.endsWith('.js') && file !== 'dist/schemas/validators.js',
    )
    .filter((file) => !existsSync(path.join(root, file.slice('dist/'.length).replace(/\.js$/, '.ts'))));

const npmAvailable = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) return total;
    return total + (entry.isDirectory() ? folderBytes(file) : statSync(file).size);
  }, 0);
}

describe('the npm package: packed, installed in an empty project, used without this repository', function () {
  const title =
    'npm pack holds only what runs; npx flows-conformance run, pacts, verify, publish and the rest work there';
  // Without npm nothing can be packed: the test shows as pending, its title saying why.
  (npmAvailable ? it : it.skip)(
    npmAvailable ? title : `${title} (skipped: npm is not on PATH)`,
    async function () {
      this.timeout(600_000);
      const work = mkdtempSync(path.join(tmpdir(), 'fc-package-'));
      const broker = await startBrokerDouble();
      try {
        // 1. Pack the dist/ that the test run's global set-up made fresh (test/support/global-setup.ts),
        // without npm's prepack and prepare: they would empty and rebuild dist/ under the test files
        // running beside this one. Every packed module has its source, so nothing stale is shipped.
        const packed = await exec(
          'npm',
          ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
          PACKAGE_ROOT,
        );
        expect(packed.code, packed.output).to.equal(0);
        const [pack] = JSON.parse(packed.stdout) as [
          { filename: string; size: number; unpackedSize: number; files: PackedFile[] },
        ];
        const files = pack.files.map((file) => file.path);
        expect(unexpectedFiles(files)).to.deep.equal([]);
        expect(withoutSource(files)).to.deep.equal([]);
        expect(files).to.include.members([
          'bin/flows-conformance.js',
          'dist/src/cli/main.js',
          'dist/specs/catalog/index.js',
          'dist/specs/cases/index.js',
          'dist/fixtures/index.js',
          'docs/reference-decisions.md', // the decisions that warnings, skips and reports cite
          'docs/decisions.md',
          'specs/report/conformance-report.schema.json',
        ]);
        // The readers of ../shared (src/reference) are for the tests only: the package never reaches for it.
        expect(files.filter((file) => file.startsWith('dist/src/reference/'))).to.deep.equal([]);
        // Every schema file the catalog names is there.
        const schemaFiles = readdirSync(path.join(PACKAGE_ROOT, 'specs', 'schemas'));
        expect(files).to.include.members(schemaFiles.map((file) => `specs/schemas/${file}`));

        // 2. Install into an empty project: from the npm cache when it has everything, else the registry.
        const project = path.join(work, 'project');
        mkdirSync(project);
        writeFileSync(
          path.join(project, 'package.json'),
          JSON.stringify({ name: 'uses-flows-conformance', version: '1.0.0', private: true }),
        );
        const install = await exec(
          'npm',
          [
            'install',
            '--prefer-offline',
            '--no-audit',
            '--no-fund',
            '--save-dev',
            path.join(work, pack.filename),
          ],
          project,
        );
        expect(install.code, install.output).to.equal(0);
        // Every dependency the package pulls in admits this Node (package.json's engines: >=22).
        expect(install.output, 'an engines range excludes this Node').to.not.include('EBADENGINE');
        const installed = path.join(project, 'node_modules', 'losant-flows-conformance');
        expect(existsSync(installed)).to.equal(true);

        // The project's own ../shared does not exist; pointing the variable nowhere proves nothing reads it.
        const env = { FLOWS_CONFORMANCE_SHARED: path.join(work, 'no-shared-here'), FORCE_COLOR: '0' };
        // The command npx and npm scripts run: the package's bin, linked into node_modules/.bin.
        const bin = path.join(project, 'node_modules', '.bin', 'flows-conformance');
        const cli = (...args: string[]) => exec(bin, args, project, env);

        // 3. The commands, as a user of the package runs them; those that read no other's output at once.
        const version = await exec('npx', ['--no-install', 'flows-conformance', '--version'], project, env);
        expect(version.code, version.output).to.equal(0);
        expect(version.output.trim()).to.equal(
          (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
            .version,
        );
        const [run, pacts, openapi, faults, bad, explore] = await Promise.all([
          cli('run', '--report-dir', 'reports'),
          cli('pacts'),
          cli('openapi', '--out', 'flows.openapi.json'),
          cli('mock', '--list-faults'),
          cli('run', '--concurrency', 'many'),
          cli('explore', '--runs', '20', '--report-dir', 'explore-reports'),
        ]);

        expect(explore.code, explore.output).to.equal(0);
        expect(explore.output).to.match(/explore: 20 sequences, \d+ requests .*no difference/);
        // A decision the reports cite resolves to a file the package holds.
        const page = readFileSync(path.join(project, 'reports', 'index.html'), 'utf8');
        for (const cited of ['docs/reference-decisions.md', 'docs/decisions.md']) {
          expect(page, cited).to.include(cited);
          expect(existsSync(path.join(installed, cited)), cited).to.equal(true);
        }

        expect(run.code, run.output).to.equal(0);
        const report = JSON.parse(
          readFileSync(path.join(project, 'reports', 'conformance.json'), 'utf8'),
        ) as {
          summary: { total: number; passed: number; failed: number };
        };
        expect(report.summary.total).to.be.greaterThan(0);
        expect(report.summary.passed).to.equal(report.summary.total);
        for (const file of ['junit.xml', 'summary.md', 'index.html'])
          expect(existsSync(path.join(project, 'reports', file)), file).to.equal(true);

        expect(pacts.code, pacts.output).to.equal(0);
        const pactFile = path.join(
          project,
          'pacts',
          pactFileName({ consumer: DEFAULT_CONSUMER, provider: DEFAULT_PROVIDER }),
        );
        const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as {
          interactions: { request: { method: string } }[];
        };
        expect(new Set(pact.interactions.map((i) => i.request.method))).to.deep.equal(
          new Set(ACTIONS.map((action) => action.method)),
        );

        expect(openapi.code, openapi.output).to.equal(0);
        expect(
          (JSON.parse(readFileSync(path.join(project, 'flows.openapi.json'), 'utf8')) as { openapi: string })
            .openapi,
        ).to.match(/^3\.1\./);
        expect(faults.code, faults.output).to.equal(0);
        expect(faults.output).to.contain('error-body-as-text');

        // 4. A usage error still gets one line and exit 2 from the installed package.
        expect(bad.code).to.equal(2);
        expect(bad.output.trim().split('\n')).to.have.length(1);

        // 5. What reads the pacts and the reports written above.
        const [verify, publish, merge] = await Promise.all([
          cli('verify', '--report-dir', 'verification'),
          // The official pact-broker CLI ships inside the installed dependencies, and reaches a broker.
          cli('publish', '--broker-url', broker.url, '--consumer-version', '1.0.0'),
          cli('merge', 'reports', '--report-dir', 'merged'),
        ]);
        expect(verify.code, verify.output).to.equal(0);
        expect(existsSync(path.join(project, 'verification', 'pact-verification.json'))).to.equal(true);
        expect(publish.code, publish.output).to.equal(0);
        expect(broker.records.pacts.map((published) => published.consumerVersion)).to.deep.equal(['1.0.0']);
        expect(merge.code, merge.output).to.equal(0);
        expect(existsSync(path.join(project, 'merged', 'conformance.json'))).to.equal(true);

        const [canIDeploy, compare] = await Promise.all([
          cli(
            'can-i-deploy',
            '--broker-url',
            broker.url,
            '--pacticipant',
            DEFAULT_CONSUMER,
            '--version',
            '1.0.0',
          ),
          cli(
            'compare',
            'reports/conformance.json',
            'merged/conformance.json',
            '--names',
            'one,merged',
            '--out',
            'compare',
          ),
        ]);
        expect(canIDeploy.code, canIDeploy.output).to.equal(1); // not verified yet: "no", not an error
        expect(compare.code, compare.output).to.equal(0);

        // The sizes the README states (printed, never asserted: they drift with the dependencies).
        const du = async (folder: string) =>
          (await exec('du', ['-sh', folder], project)).stdout.split('\t')[0];
        const modules = path.join(project, 'node_modules');
        console.log(
          `      packed ${pack.size} bytes (${pack.files.length} files, ${pack.unpackedSize} unpacked); installed: ` +
            `the package ${folderBytes(installed)} bytes (du ${await du(installed)}), ` +
            `node_modules ${folderBytes(modules)} bytes (du ${await du(modules)}, ${readdirSync(modules).length} entries)`,
        );
      } finally {
        await broker.close();
        rmSync(work, { recursive: true, force: true });
      }
    },
  );
});

describe('the npm package: what may be packed', () => {
  it('sources, tests, specs, source maps and the tests’ own data are caught as unexpected', () => {
    const stray = [
      'src/cli/main.ts',
      'test/package.test.ts',
      'specs/conformance/get.spec.ts',
      'contracts/flows-get.pact.ts',
      'dist/src/cli/main.js.map',
      'dist/test/package.test.js',
      'fixtures/seeds/example.json',
      'fixtures/real-flows-expectations.json',
    ];
    expect(unexpectedFiles([...stray, 'dist/src/cli/main.js', 'specs/schemas/workflow.json'])).to.deep.equal(
      stray,
    );
  });

  it('a built module whose source is gone is caught as stale; the compiled validators are not', () => {
    const built = ['dist/src/cli/main.js', 'dist/schemas/validators.js', 'dist/specs/catalog/index.js'];
    expect(withoutSource([...built, 'dist/src/cli/removed-long-ago.js'])).to.deep.equal([
      'dist/src/cli/removed-long-ago.js',
    ]);
  });
});
