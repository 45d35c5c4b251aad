import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markdownReporter, renderJsonReport, writeReports } from '../../src/reporters';
import { runMain } from '../support/in-process-cli';
import { caseResult, runReport } from '../reporters/report-factory';

const SECRET = 'leaked-Pa55word-1a2b3c';
/** What a hostile target puts where a report quotes it: a heading, a link, a table break, escapes, credentials. */
const HOSTILE = [
  '\n# Injected heading',
  '[click me](javascript:alert(1))',
  '![pixel](http://127.0.0.1/p.png)',
  'a | b',
  '\u001b[2J\u001b]0;pwned\u0007',
  `{"password":"${SECRET}"}`,
  `GET /x?access_token=${SECRET}`,
].join(' ');
const ID = 'GET flows: [x](javascript:alert(1)) | # id';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** The Markdown outside its fenced code blocks, where text is shown as it is and acts on nothing. */
const outsideFences = (markdown: string): string => markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');

function expectInert(markdown: string): void {
  expect(markdown).not.to.match(RAW_CONTROL);
  const prose = outsideFences(markdown);
  expect(prose).not.to.match(/^\s*# Injected/m);
  expect(prose).not.to.match(/(^|[^\\])\[click me\]\(javascript:/);
  expect(prose).not.to.match(/(^|[^\\])!\[pixel\]/);
  expect(prose).not.to.match(/(^|[^\\])\[x\]\(javascript:/);
  expect(markdown).not.to.include(SECRET);
}

describe('Markdown outputs hold what a target sent inert, and no credential', () => {
  const hostile = runReport([
    caseResult(ID, {
      outcome: 'failed',
      failures: [{ check: 'status-code', caseId: ID, level: 'MUST', message: HOSTILE, location: HOSTILE }],
    }),
  ]);

  it('the run’s summary.md', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'flows-summary-inert-'));
    try {
      await writeReports(hostile, dir, [markdownReporter()]);
      const markdown = readFileSync(path.join(dir, 'summary.md'), 'utf8');
      expect(markdown).to.include('click me');
      expectInert(markdown);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compare’s compare.md, and its console line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'flows-compare-inert-'));
    try {
      const passing = runReport([caseResult(ID)]);
      writeFileSync(path.join(dir, 'a.json'), renderJsonReport(passing));
      writeFileSync(path.join(dir, 'b.json'), renderJsonReport(hostile));
      const result = await runMain([
        'compare',
        path.join(dir, 'a.json'),
        path.join(dir, 'b.json'),
        '--out',
        path.join(dir, 'out'),
        '--names',
        'mock,\u001b[31m# target',
      ]);
      expect(result.stdout).not.to.match(RAW_CONTROL);
      const markdown = readFileSync(path.join(dir, 'out', 'compare.md'), 'utf8');
      expect(markdown).to.include('click me');
      expectInert(markdown);
      expect(readFileSync(path.join(dir, 'out', 'compare.html'), 'utf8')).not.to.include(SECRET);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
