import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';

/** scripts/build.mjs --if-stale (npm's prestart) on a one-file project: builds when, and only when, stale. */
describe('scripts/build.mjs --if-stale', () => {
  const project = mkdtempSync(path.join(tmpdir(), 'build-if-stale-'));
  const source = path.join(project, 'src', 'answer.ts');
  const output = path.join(project, 'dist', 'src', 'answer.js');
  const build = () =>
    spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'scripts', 'build.mjs'), '--if-stale'], {
      cwd: project,
      encoding: 'utf8',
    });
  const writeSource = (file: string, value: number, mtime: Date) => {
    writeFileSync(file, `export const answer = ${value};\n`);
    utimesSync(file, mtime, mtime);
  };
  const inAMinute = () => new Date(Date.now() + 60_000);

  before(() => {
    mkdirSync(path.join(project, 'src'));
    writeFileSync(
      path.join(project, 'tsconfig.build.json'),
      JSON.stringify({
        // noLib and noCheck with the few global types tsc insists on: a build in ~0.5 s of CPU.
        compilerOptions: {
          outDir: 'dist',
          rootDir: '.',
          module: 'commonjs',
          target: 'ES2022',
          types: [],
          noLib: true,
          noCheck: true,
        },
        include: ['src'],
      }),
    );
    writeFileSync(
      path.join(project, 'src', 'globals.d.ts'),
      ['Array<T>', 'Boolean', 'Function', 'IArguments', 'Number', 'Object', 'RegExp', 'String']
        .map((type) => `interface ${type} {}\n`)
        .join(''),
    );
    writeSource(source, 1, new Date(Date.now() - 60_000));
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it('builds when dist/ has never been built', () => {
    expect(build().status).to.equal(0);
    expect(readFileSync(output, 'utf8')).to.contain('answer = 1');
  });

  it('skips the build when no source is newer than the last build', () => {
    // Changed content with an old mtime: only a skipped build leaves dist/ as it was.
    writeSource(source, 2, new Date(Date.now() - 60_000));
    const result = build();
    expect(result.status).to.equal(0);
    expect(result.stderr).to.contain('up to date');
    expect(readFileSync(output, 'utf8')).to.contain('answer = 1');
  });

  it('rebuilds a stale dist/: an edited source', () => {
    writeSource(source, 3, inAMinute());
    expect(build().status).to.equal(0);
    expect(readFileSync(output, 'utf8')).to.contain('answer = 3');
  });

  it('rebuilds a stale dist/: a source added', () => {
    const added = path.join(project, 'src', 'added.ts');
    writeSource(added, 4, new Date(Date.now() - 60_000)); // an old file moved in: its folder changed
    utimesSync(path.dirname(added), inAMinute(), inAMinute());
    expect(build().status).to.equal(0);
    expect(existsSync(path.join(project, 'dist', 'src', 'added.js'))).to.equal(true);
  });
});
