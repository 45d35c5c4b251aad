import { expect } from 'chai';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writtenReportLines } from '../../src/reporters';
import { runCli } from '../support/cli';

describe('reporters: what a run says about its reports', () => {
  it('names the files written, and each reporter that failed on a line of its own', () => {
    const lines = writtenReportLines(
      {
        files: ['/r/conformance.json', '/r/junit.xml'],
        errors: [
          { reporter: 'markdown', message: 'EISDIR: illegal operation on a directory' },
          { reporter: 'html', message: 'EACCES \u001b[2J' },
        ],
      },
      '/r',
    );
    expect(lines.stdout).to.deep.equal(['reports written to /r: conformance.json, junit.xml']);
    expect(lines.stderr).to.deep.equal([
      'flows-conformance: the markdown report was not written: EISDIR: illegal operation on a directory',
      'flows-conformance: the html report was not written: EACCES \\u001b[2J',
    ]);
  });

  it('says nothing was written when nothing was', () => {
    const lines = writtenReportLines({ files: [], errors: [{ reporter: 'json', message: 'EISDIR' }] }, '/r');
    expect(lines.stdout).to.deep.equal([]);
    expect(lines.stderr).to.have.length(1);
  });

  it('flows-conformance run: every report failing prints no "reports written", one line per failure, exit 1', async function () {
    this.timeout(60_000);
    const reports = mkdtempSync(path.join(tmpdir(), 'fc-unwritten-'));
    // A folder at each report's name: the folder is writable, but no report can take its place.
    for (const name of ['conformance.json', 'junit.xml', 'summary.md', 'index.html'])
      mkdirSync(path.join(reports, name));
    const { code, stdout, stderr } = await runCli(
      ['run', '--grep', '^GET flows: sortField=name', '--report-dir', reports],
      { NO_COLOR: '1' },
    );
    expect(stdout).to.not.include('reports written');
    const failures = stderr.split('\n').filter((line) => line.includes('report was not written'));
    expect(failures.map((line) => /the (\w+) report/.exec(line)?.[1])).to.deep.equal([
      'json',
      'junit',
      'markdown',
      'html',
    ]);
    expect(code).to.equal(1);
  });
});
