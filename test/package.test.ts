import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/paths';

interface PackageJson {
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
  readonly scripts: Record<string, string>;
}

const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;

/** The product's sources: what tsconfig.build.json compiles (tests, specs and pacts excluded). */
function productSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'conformance' ? [] : productSources(file);
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
    expect([...found]).to.include.members(['fastify', 'supertest', 'commander', '@pact-foundation/pact-cli']);
    expect(missing).to.deep.equal([]);
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
