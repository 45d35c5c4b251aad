import { expect } from 'chai';
import { ProgressDisplay, type ProgressStream } from '../../src/reporters';
import { mixedReport } from './report-factory';

class BufferStream implements ProgressStream {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

function play(display: ProgressDisplay): void {
  const report = mixedReport();
  display.onEvent({ type: 'run:start', target: report.summary.target, caseCount: report.results.length });
  for (const result of report.results) display.onEvent({ type: 'case:end', result });
  display.onEvent({ type: 'run:end', report });
}

describe('reporters: progress', () => {
  it('writes one plain line per case and a summary when not on a terminal', () => {
    const stream = new BufferStream(false);
    play(new ProgressDisplay(stream));
    expect(stream.text.split('\n')).to.deep.equal([
      'Running 5 cases against http://localhost:3030',
      'PASS GET flows: sortDirection=desc reverses the order',
      'FAIL GET flows: sortField=bogus is 400',
      'WARN GET flows: names sort case-insensitively',
      'SKIP GET flows: all.User token is accepted (no user token)',
      'PASS POST flows: example body is 201',
      '5 cases: 2 passed, 1 failed, 1 warnings, 1 skipped in 25 ms',
      '1 skipped: 1 no user token',
      '',
    ]);
    expect(stream.text).to.not.contain('\r');
  });

  it('on a terminal, keeps a progress bar on one line and prints each failure above it', () => {
    const stream = new BufferStream(true);
    play(new ProgressDisplay(stream));
    const lines = stream.text.split('\n');
    // The header, the one failure (kept), the bar's last state overwritten by the summary, the skips
    // counted by reason (a terminal prints no SKIP line), nothing after.
    expect(lines).to.have.length(5);
    expect(lines[3]).to.equal('1 skipped: 1 no user token');
    expect(lines[1].split('\r').at(-1)).to.equal('\u001b[2KFAIL GET flows: sortField=bogus is 400');
    expect(lines[2]).to.contain('3/5 1 passed, 1 failed, 1 warn, 0 skipped | GET flows: names sort');
    expect(lines[2]).to.match(/\[#{6}-{4}\] 3\/5 /);
    expect(lines[2].split('\r').at(-1)?.startsWith('\u001b[2K5 cases: 2 passed')).to.equal(true);
  });

  it('follows the tty option over the stream', () => {
    const stream = new BufferStream(true);
    play(new ProgressDisplay(stream, { tty: false }));
    expect(stream.text).to.not.contain('\r');
  });
});
