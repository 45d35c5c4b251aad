import { expect } from 'chai';
import type { Failure } from '../../src/engine/results';
import {
  progressDisplay,
  renderHtmlReport,
  renderJsonReport,
  renderJunitReport,
  renderMarkdownReport,
} from '../../src/reporters';
import { showControls } from '../../src/reporters/controls';
import { ESCAPE_BODY, RAW_CONTROL } from '../http/hostile-proxy';
import { caseResult, runReport } from './report-factory';

/** A failure whose every string holds what a hostile target sent (also the fields Failure will gain). */
const hostileFailure = {
  check: 'status',
  caseId: 'GET flows: hostile',
  level: 'MUST',
  message: `response: 400 (application/json) ${ESCAPE_BODY}`,
  location: `here ${ESCAPE_BODY}`,
  expected: `expected ${ESCAPE_BODY}`,
  actual: `actual ${ESCAPE_BODY}`,
  request: `curl ${ESCAPE_BODY}`,
} as Failure;

const hostileReport = () =>
  runReport(
    [
      caseResult('GET flows: hostile', { outcome: 'failed', failures: [hostileFailure] }),
      caseResult('GET flows: skipped', { outcome: 'skipped', skipReason: `no token ${ESCAPE_BODY}` }),
    ],
    { aborted: `the target did not answer: ${ESCAPE_BODY}` },
  );

describe('reporters: control characters a target sent', () => {
  it('showControls writes each control as its escape and leaves tab, line feed and text alone', () => {
    expect(showControls('a\u001b]0;t\u0007\tb\nc\u202ed\u009b')).to.equal(
      'a\\u001b]0;t\\u0007\tb\nc\\u202ed\\u009b',
    );
  });

  const renderers = {
    'summary.md': renderMarkdownReport,
    'index.html': renderHtmlReport,
    'junit.xml': renderJunitReport,
  };
  for (const [file, render] of Object.entries(renderers)) {
    it(`${file}: not one raw control character; each shows as its escape`, () => {
      const content = render(hostileReport());
      expect(content).to.not.match(RAW_CONTROL);
      expect(content).to.include('\\u001b]0;pwned\\u0007');
      expect(content).to.include('\\u202eevil');
    });
  }

  it('conformance.json: every control a JSON escape, the values unchanged', () => {
    const report = hostileReport();
    const content = renderJsonReport(report);
    expect(content).to.not.match(RAW_CONTROL);
    const parsed = JSON.parse(content) as typeof report;
    expect(parsed.results.find((result) => result.id === 'GET flows: hostile')?.failures[0]).to.deep.equal(
      hostileFailure,
    );
    expect(parsed.summary.aborted).to.equal(report.summary.aborted);
  });

  for (const tty of [false, true]) {
    it(`the progress display (${tty ? 'terminal' : 'log'}) writes controls as escapes too`, () => {
      let written = '';
      const progress = progressDisplay({ write: (text: string) => (written += text) }, { tty });
      const report = hostileReport();
      progress.onEvent({ type: 'run:start', target: `http://x/${ESCAPE_BODY}`, caseCount: 2 });
      for (const result of report.results) progress.onEvent({ type: 'case:end', result });
      progress.onEvent({ type: 'run:end', report });
      // The display's own line clearing is the only escape sequence it may write.
      expect(written.split('\r\u001b[2K').join('')).to.not.match(RAW_CONTROL);
      expect(written).to.include('\\u001b]0;pwned');
    });
  }
});
