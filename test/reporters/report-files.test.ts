import { expect } from 'chai';
import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writableDirectoryOption } from '../../src/cli/writable-directory';
import { writeReports } from '../../src/reporters';
import { mixedReport, tempDir } from './report-factory';

/** Links planted in a report folder are replaced, never written through. */
describe('reporters: report files and planted links', () => {
  it('a link named index.html is replaced by a regular file; its target is untouched', async () => {
    const dir = await tempDir();
    const victim = path.join(await tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, path.join(dir, 'index.html'));
    symlinkSync(victim, path.join(dir, 'summary.md'));

    const { errors } = await writeReports(mixedReport(), dir);

    expect(errors).to.deep.equal([]);
    expect(readFileSync(victim, 'utf8')).to.equal('precious');
    for (const name of ['index.html', 'summary.md']) {
      const stat = lstatSync(path.join(dir, name));
      expect(stat.isSymbolicLink(), name).to.equal(false);
      expect(stat.isFile(), name).to.equal(true);
    }
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).to.match(/^<!doctype html>/);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
  });

  it("the write probe has a name no one can plant a link at: the old name's link is left alone", async () => {
    const dir = await tempDir();
    const victim = path.join(await tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious');
    const oldProbe = path.join(dir, `.write-probe-${process.pid}`);
    symlinkSync(victim, oldProbe);

    expect(writableDirectoryOption('--report-dir', dir)).to.equal(dir);

    expect(readFileSync(victim, 'utf8')).to.equal('precious');
    expect(lstatSync(oldProbe).isSymbolicLink()).to.equal(true);
    expect(readdirSync(dir)).to.deep.equal([path.basename(oldProbe)]);
  });
});
