import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';

/**
 * Every file of the project that the docs and the comments name exists: a renamed or never-written
 * module (`specs/cases/dataset.ts`) is caught where it is named.
 */
const NAMED_PATH =
  /(?<![\w./-])((?:src|specs|test|fixtures|docs|bench|contracts|scripts)\/[\w./-]*\w\.(?:ts|md|json|mjs|cjs))/g;

/**
 * Named on purpose though absent: the layer test's modules are written to a temporary folder, this
 * file's are its failing example, and `test/x.test.ts` is an example command's.
 */
const NOT_FILES_HERE = ['test/layers/layers.test.ts', 'test/docs/named-paths.test.ts'];
const EXAMPLE_PATHS = ['test/x.test.ts'];

export function missingNamedPaths(files: readonly string[], read: (file: string) => string): string[] {
  return files.flatMap((file) =>
    [...read(file).matchAll(NAMED_PATH)]
      .map((match) => match[1])
      .filter((named) => !EXAMPLE_PATHS.includes(named) && !existsSync(path.join(PACKAGE_ROOT, named)))
      .map((named) => `${file}: ${named}`),
  );
}

describe('docs and comments: every project file they name exists', function () {
  it('in every tracked .ts, .md, .cjs and .mjs file', function () {
    let tracked: string[];
    try {
      tracked = execFileSync('git', ['ls-files'], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).split('\n');
    } catch {
      this.skip(); // not a git checkout: nothing tracked to scan
    }
    const files = tracked.filter((file) => /\.(ts|md|cjs|mjs)$/.test(file) && !NOT_FILES_HERE.includes(file));
    expect(files.length).to.be.above(100);
    expect(
      missingNamedPaths(files, (file) => readFileSync(path.join(PACKAGE_ROOT, file), 'utf8')),
    ).to.deep.equal([]);
  });

  it('a comment naming a file that does not exist is caught, with where it is named', () => {
    const sources: Record<string, string> = {
      'src/model/a.ts': '/** Key in specs/cases/dataset.ts. */\n// see src/paths.ts',
    };
    expect(missingNamedPaths(Object.keys(sources), (file) => sources[file])).to.deep.equal([
      'src/model/a.ts: specs/cases/dataset.ts',
    ]);
  });
});
