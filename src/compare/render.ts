import { OUTCOME_LABELS } from '../reporters/report-views';
import { escapeHtml, escapeMarkdownCell, markdownFence } from '../reporters/escape';
import { resultDetail, summaryOf, type ComparedCase, type Comparison } from './compare';

/** The comparison as Markdown and as one self-contained HTML page; every text from a report is escaped. */

const label = (item: ComparedCase, index: number): string => {
  const result = item.results[index];
  return OUTCOME_LABELS[result.outcome] + (result.expectedFailure ? ' (expected)' : '');
};

const mark = (item: ComparedCase): string =>
  item.disagrees && item.level === 'MUST' ? 'disagree (MUST)' : item.differs ? 'differ' : '';

function countCell(comparison: Comparison, target: number, row: number): string {
  const { counts } = comparison.rows[target][row];
  return `${counts.passed}/${counts.failed}/${counts.warning}/${counts.skipped}`;
}

export function renderCompareMarkdown(comparison: Comparison): string {
  const { targets } = comparison;
  const names = targets.map(escapeMarkdownCell);
  const lines = [`# Conformance comparison`, '', escapeMarkdownCell(summaryOf(comparison)), ''];
  const differing = comparison.cases.filter((item) => item.differs);
  lines.push('## Cases that differ', '');
  if (differing.length === 0) lines.push('None: every case has the same outcome on every target.', '');
  for (const item of differing) {
    lines.push(
      `### ${escapeMarkdownCell(item.id)}`,
      '',
      `\`${escapeMarkdownCell(item.key)}\`, ${item.level}, ${item.action}, ${item.aspect}: ${mark(item)}`,
      '',
    );
    item.results.forEach((result, index) => {
      lines.push(`- **${names[index]}**: ${label(item, index)}`);
      const detail = resultDetail(result);
      if (detail) lines.push('', markdownFence(detail), '');
    });
    lines.push('');
  }
  lines.push('## Counts per action and aspect (passed/failed/warning/skipped)', '');
  lines.push(
    `| action | aspect | ${names.join(' | ')} |`,
    `| --- | --- | ${names.map(() => '---').join(' | ')} |`,
  );
  comparison.rows[0].forEach((row, index) =>
    lines.push(
      `| ${row.action.id} | ${row.aspect} | ${targets.map((_, target) => countCell(comparison, target, index)).join(' | ')} |`,
    ),
  );
  lines.push('', '## Every case', '', `| case | key | level | ${names.join(' | ')} | |`);
  lines.push(`| --- | --- | --- | ${names.map(() => '---').join(' | ')} | --- |`);
  for (const item of comparison.cases)
    lines.push(
      `| ${escapeMarkdownCell(item.id)} | \`${escapeMarkdownCell(item.key)}\` | ${item.level} | ${targets.map((_, index) => label(item, index)).join(' | ')} | ${mark(item)} |`,
    );
  return lines.join('\n') + '\n';
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}pre{white-space:pre-wrap;margin:0;font-size:.85em}
.disagree{background:#fde2e2}.differ{background:#fff4d6}.PASS{color:#17692b}.FAIL{color:#b00020}.WARN{color:#8a5a00}.SKIP{color:#666}`;

export function renderCompareHtml(comparison: Comparison): string {
  const head = comparison.targets.map((name) => `<th>${escapeHtml(name)}</th>`).join('');
  const caseRows = comparison.cases
    .map((item) => {
      const cls = item.disagrees && item.level === 'MUST' ? 'disagree' : item.differs ? 'differ' : '';
      const cells = item.results
        .map((result, index) => {
          const detail = item.differs ? resultDetail(result) : '';
          const text = label(item, index);
          return `<td><span class="${OUTCOME_LABELS[result.outcome]}">${escapeHtml(text)}</span>${detail ? `<pre>${escapeHtml(detail)}</pre>` : ''}</td>`;
        })
        .join('');
      return `<tr class="${cls}"><td>${escapeHtml(item.id)}</td><td><code>${escapeHtml(item.key)}</code></td><td>${item.level}</td>${cells}<td>${escapeHtml(mark(item))}</td></tr>`;
    })
    .join('\n');
  const countRows = comparison.rows[0]
    .map(
      (row, index) =>
        `<tr><td>${escapeHtml(row.action.id)}</td><td>${escapeHtml(row.aspect)}</td>${comparison.targets
          .map((_, target) => `<td>${countCell(comparison, target, index)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Conformance comparison</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${STYLE}</style></head><body>
<h1>Conformance comparison</h1>
<p>${escapeHtml(summaryOf(comparison))}</p>
<h2>Cases (differing first)</h2>
<table><thead><tr><th>case</th><th>key</th><th>level</th>${head}<th></th></tr></thead><tbody>
${caseRows}
</tbody></table>
<h2>Counts per action and aspect (passed/failed/warning/skipped)</h2>
<table><thead><tr><th>action</th><th>aspect</th>${head}</tr></thead><tbody>
${countRows}
</tbody></table>
</body></html>
`;
}
