import { expect } from 'chai';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultReporters, writeReports } from '../../src/reporters';
import { MUTANTS_MARKDOWN_FILE } from '../../src/reporters/mutants-link';
import { mixedReport, tempDir } from './report-factory';

const LINK_MD = `[${MUTANTS_MARKDOWN_FILE}](${MUTANTS_MARKDOWN_FILE})`;
const LINK_HTML = `<a href="${MUTANTS_MARKDOWN_FILE}">`;

describe('reporters: summary.md and index.html link to the kill matrix beside them', () => {
  it('link to mutants.md when it is in the report dir', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, MUTANTS_MARKDOWN_FILE), '# Kill matrix\n');
    await writeReports(mixedReport(), dir, defaultReporters());
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).to.include(LINK_MD);
    expect(await readFile(path.join(dir, 'index.html'), 'utf8')).to.include(LINK_HTML);
  });

  it('do not link to it when it is not', async () => {
    const dir = await tempDir();
    await writeReports(mixedReport(), dir, defaultReporters());
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).not.to.include(MUTANTS_MARKDOWN_FILE);
    expect(await readFile(path.join(dir, 'index.html'), 'utf8')).not.to.include(MUTANTS_MARKDOWN_FILE);
  });
});
