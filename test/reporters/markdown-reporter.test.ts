import { expect } from 'chai';
import { ACTIONS, referenceRows } from '../../specs/catalog';
import { renderMarkdownReport } from '../../src/reporters';
import { caseResult, fullyCoveredResults, mixedReport, runReport } from './report-factory';
import { escapeMarkdownCell } from '../../src/reporters/escape';

const section = (markdown: string, heading: string): string => {
  const start = markdown.indexOf(`${heading}\n`);
  expect(start, heading).to.be.greaterThan(-1);
  const rest = markdown.slice(start + heading.length + 1);
  const next = rest.search(/\n#{2,3} /);
  return next < 0 ? rest : rest.slice(0, next);
};

describe('reporters: markdown', () => {
  it('has totals and a row per action × aspect', () => {
    const markdown = renderMarkdownReport(mixedReport());
    expect(markdown).to.contain('5 cases: 2 passed, 1 failed, 1 warnings, 1 skipped');
    expect(markdown).to.contain('| flows.get | query | 1 | 1 | 0 | 1 | 0 |');
    expect(markdown).to.contain('| flows.get | auth | 0 | 0 | 0 | 0 | 1 |');
    for (const action of ACTIONS) expect(markdown).to.contain(`| ${action.id} | schema |`);
  });

  it('lists every reference row of every action in the coverage table, with its cases', () => {
    const markdown = renderMarkdownReport(mixedReport());
    for (const action of ACTIONS) {
      const table = section(markdown, `### ${action.id}: ${action.method} ${action.pathTemplate}`);
      for (const row of referenceRows(action))
        expect(table).to.contain(`| ${escapeMarkdownCell(row.label)} | ${row.kind} |`);
    }
    expect(markdown).to.contain(
      '| sortField | query | `GET flows: names sort case-insensitively`<br>`GET flows: sortField=bogus is 400` |',
    );
  });

  it('lists uncovered rows explicitly', () => {
    const uncovered = section(renderMarkdownReport(mixedReport()), '### Uncovered');
    expect(uncovered).to.contain('- `flows.get query page`');
    expect(uncovered).to.contain('- `flows.import requestBody`');
    expect(uncovered).to.not.contain('flows.get query sortField');
  });

  it('lists none when every row is covered', () => {
    const uncovered = section(renderMarkdownReport(runReport(fullyCoveredResults())), '### Uncovered');
    expect(uncovered).to.contain('None');
    expect(uncovered).to.not.contain('- `');
  });

  it('names rows that cases cover but no action has', () => {
    const markdown = renderMarkdownReport(
      runReport([caseResult('typo', { covers: ['flows.get query sortFeild'] })]),
    );
    expect(section(markdown, '### Rows that no action has')).to.contain(
      '`flows.get query sortFeild`: `typo`',
    );
  });

  it('shows each failure’s message in a fence that the message cannot close', () => {
    const message = 'got:\n```\n<pre>body</pre>\n```';
    const report = runReport([
      caseResult('failing', {
        outcome: 'failed',
        failures: [{ check: 'c', caseId: 'failing', level: 'MUST', message, location: 'l' }],
      }),
    ]);
    const markdown = renderMarkdownReport(report);
    expect(markdown.slice(markdown.indexOf('## Failures'))).to.contain(
      '````text\n[MUST c] l\n' + message + '\n````',
    );
  });

  it('keeps a case id from breaking a table or injecting HTML', () => {
    const id = 'GET flows: filter=a|b <script>x</script>';
    const markdown = renderMarkdownReport(
      runReport([caseResult(id, { outcome: 'failed', covers: ['flows.get query filter'] })]),
    );
    expect(markdown).to.contain('| filter | query | `GET flows: filter=a\\|b <script>x</script>` |');
    expect(markdown).to.contain('### GET flows: filter=a\\|b &lt;script>x&lt;/script>');
  });

  it('has no Failures section when nothing failed', () => {
    expect(renderMarkdownReport(runReport(fullyCoveredResults()))).to.not.contain('## Failures');
  });
});
