import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/paths';

interface PackageJson {
  readonly private?: boolean;
  readonly files: string[];
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
  readonly scripts: Record<string, string>;
}

const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;

/** Folders the build compiles but `files` leaves out of the package (`!dist/src/reference/` → src/reference). */
const NOT_SHIPPED = packageJson.files
  .filter((entry) => entry.startsWith('!dist/') && entry.endsWith('/'))
  .map((entry) => path.join(PACKAGE_ROOT, entry.slice('!dist/'.length, -1)));

/** The product's sources: what tsconfig.build.json compiles and the package ships (tests, specs and pacts excluded). */
function productSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'conformance' || NOT_SHIPPED.includes(file) ? [] : productSources(file);
    return /\.ts$/.test(entry.name) && !/\.(test|spec|pact)\.ts$/.test(entry.name) ? [file] : [];
  });
}

/** `foo` of `from 'foo/bar'`, `@scope/foo` of `from '@scope/foo/bar'`, from every bare import and require. */
function packagesImportedBy(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const names: string[] = [];
  // Statements at the start of a line: `import x from 'p'` (multi-line too), `export ... from 'p'`, `import 'p'`.
  for (const match of text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?\sfrom\s+['"]([^'"]+)['"]/gm))
    names.push(match[1]);
  for (const match of text.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) names.push(match[1]);
  for (const match of text.matchAll(/\b(?:require|require\.resolve)\(\s*['"]([^'"]+)['"]\s*\)/g))
    names.push(match[1]);
  return names
    .filter((name) => !name.startsWith('.') && !name.startsWith('node:') && !builtinModules.includes(name))
    .map((name) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

const peerDependenciesOf = (name: string): Record<string, string> =>
  (
    JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      peerDependencies?: Record<string, string>;
    }
  ).peerDependencies ?? {};

describe('package.json: the product depends on what it runs, nothing more', () => {
  const sources = ['src', 'specs', 'fixtures'].flatMap((dir) => productSources(path.join(PACKAGE_ROOT, dir)));

  it('every package the product imports at run time is a dependency', () => {
    const missing = sources.flatMap((file) =>
      packagesImportedBy(file)
        .filter((name) => !(name in packageJson.dependencies))
        .map((name) => `${path.relative(PACKAGE_ROOT, file)}: ${name}`),
    );
    const found = new Set(sources.flatMap(packagesImportedBy));
    // The scan sees imports (a scan that finds nothing would pass anything).
    expect([...found]).to.include.members([
      'fastify',
      'light-my-request',
      'commander',
      '@pact-foundation/pact-cli',
    ]);
    expect(missing).to.deep.equal([]);
  });

  it('every dependency is loaded by the shipped code (the rest are dev dependencies, kept out of the install)', () => {
    const imported = new Set(sources.flatMap(packagesImportedBy));
    // A peer dependency of an imported package (ajv of ajv-draft-04) is loaded on its behalf.
    const peers = [...imported].flatMap((name) => Object.keys(peerDependenciesOf(name)));
    const loaded = new Set([...imported, ...peers]);
    expect(Object.keys(packageJson.dependencies).filter((name) => !loaded.has(name))).to.deep.equal([]);
  });

  it('the sources left out of the package are the ones only the tests use', () => {
    expect(NOT_SHIPPED.map((dir) => path.relative(PACKAGE_ROOT, dir))).to.have.members([
      path.join('src', 'reference'),
      path.join('src', 'mutants'),
    ]);
    // src/reference reads ../shared (to check specs/reference): were it shipped, the package could reach outside itself.
    expect(sources.some((file) => file.includes(`${path.sep}reference${path.sep}`))).to.equal(false);
  });

  it('the package can be packed and published: not private, its content listed in `files`', () => {
    expect(packageJson).not.to.have.property('private');
    expect(packageJson.files).to.include.members(['bin/', 'dist/src/', 'specs/schemas/']);
  });

  it('the test tools (mocha, chai, losant-rest) are dev dependencies only', () => {
    for (const name of ['mocha', 'chai', 'losant-rest']) {
      expect(packageJson.dependencies, name).not.to.have.property(name);
      expect(packageJson.devDependencies, name).to.have.property(name);
    }
  });

  it('`npm run audit` audits the production dependencies', () => {
    expect(packageJson.scripts.audit).to.match(/^npm audit --omit=dev\b/);
  });
});

describe('the repository tracks sources only', () => {
  it('no tracked file is a symlink (a worktree’s node_modules link once was)', function () {
    let listing: string;
    try {
      listing = execFileSync('git', ['ls-files', '-s'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    } catch {
      this.skip(); // not a git checkout (an unpacked tarball): nothing tracked to check
    }
    const symlinks = listing
      .split('\n')
      .filter((line) => line.startsWith('120000 '))
      .map((line) => line.split('\t')[1]);
    expect(symlinks).to.deep.equal([]);
  });
});
