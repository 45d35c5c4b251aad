import { reportLinksIn, type ReportLinks } from './mutants-link';
import { ACTIONS } from '../../specs/catalog';
import type { CaseResult, RunReport } from '../engine/results';
import { showControlsInReport } from './controls';
import { escapeHtml as esc } from './escape';
import { fileReporter, type FileReporter } from './file-reporter';
import { actionAnchor, actionSection } from './html-action';
import { badge, badgeKind, caseAnchor, caseItem, countsBadges, searchAttribute, table } from './html-parts';
import { casesSection, PAGE_SCRIPT, schemasSection, searchBox, tableOfContents } from './html-navigation';
import { tokensSection } from './html-scopes';
import { HTML_STYLE } from './html-style';
import { groupFailures, REPRO_NOTE } from './failure-groups';
import { aspectsOf, coverageOf, failureText, problemResults } from './report-views';
import { summaryLine } from './summary-line';

export const HTML_REPORT_FILE = 'index.html';

/** A case's failures; the anchor goes on its first appearance only (a case can have two causes). */
function caseDetails(result: CaseResult, anchored: Set<CaseResult>): string {
  const id = anchored.has(result) ? '' : ` id="${caseAnchor(result)}"`;
  anchored.add(result);
  return (
    `<div${id}${searchAttribute(result)}><h3>${badge(badgeKind(result))} ${esc(result.id)}</h3>` +
    `<p class="muted">${result.key ? `<code>${esc(result.key)}</code> · ` : ''}${esc(result.action)} · ${esc(result.aspect)} · ${esc(result.level)}</p>` +
    `<pre>${esc(failureText(result))}</pre></div>`
  );
}

/** Cases grouped by cause, each group behind a disclosure that names its check, message shape and count. */
function groupedDetails(results: readonly CaseResult[]): string {
  const anchored = new Set<CaseResult>();
  return groupFailures(results)
    .map(
      ({ check, shape, members }) =>
        `<details class="group"><summary><strong>${esc(check)}</strong>: ${esc(shape)} <span class="muted">(${members.length} cases)</span></summary>` +
        members.map(({ result }) => caseDetails(result, anchored)).join('\n') +
        '</details>',
    )
    .join('\n');
}

/** How many failed cases the top of the page names before the groups. */
const FAILED_AT_TOP = 12;

/** The failed cases by name, at once visible, each linking to its failure below. */
function failedCaseList(failures: readonly CaseResult[]): string {
  const more = failures.length - FAILED_AT_TOP;
  return (
    `<ul class="cases failed-list">${failures.slice(0, FAILED_AT_TOP).map(caseItem).join('')}</ul>` +
    (more > 0 ? `<p class="muted">and ${more} more in the groups below.</p>` : '')
  );
}

const reproNote = (): string =>
  `<p class="muted">${esc(REPRO_NOTE).replace(/`([^`]*)`/g, '<code>$1</code>')}</p>`;

/** At the top: what needs attention. Unexpected failures first, then expected ones and warnings. */
function problemsSection(report: RunReport): string {
  const { failures, expected, warnings } = problemResults(report);
  const parts: string[] = [];
  if (failures.length === 0) parts.push('<section class="card ok" id="failures">No failures.</section>');
  else
    parts.push(
      `<section class="card failures" id="failures"><h2>Failures (${failures.length})</h2>${failedCaseList(failures)}${reproNote()}${groupedDetails(failures)}</section>`,
    );
  if (expected.length > 0)
    parts.push(
      `<section class="card"><details><summary><strong>Expected failures (${expected.length})</strong></summary>${groupedDetails(expected)}</details></section>`,
    );
  if (warnings.length > 0)
    parts.push(
      `<section class="card"><details><summary><strong>Warnings (${warnings.length})</strong>: SHOULD checks, resting on a decision</summary>${groupedDetails(warnings)}</details></section>`,
    );
  return parts.join('\n');
}

function overviewSection(report: RunReport): string {
  const { summary } = report;
  const coverage = coverageOf(report);
  const aspects = aspectsOf(report);
  const matrixRows = ACTIONS.map((action) => [
    `<a href="#${actionAnchor(action)}">${esc(action.id)}</a>`,
    ...aspects.map((aspect) => {
      const cases = report.results.filter(
        (result) => result.action === action.id && result.aspect === aspect,
      );
      return cases.length === 0 ? '<span class="muted">no case</span>' : countsBadges(cases, true);
    }),
  ]);
  const stale =
    summary.staleExpectations.length === 0
      ? ''
      : `<p><strong>Stale expectations</strong> (they fail the run): ${summary.staleExpectations.map((entry) => `<code>${esc(entry)}</code>`).join(', ')}</p>`;
  const uncovered =
    coverage.uncovered.length === 0
      ? '<p>Every row of the reference is covered by at least one case.</p>'
      : `<p><strong>Uncovered rows (${coverage.uncovered.length}):</strong> ${coverage.uncovered.map((row) => `<code>${esc(row.id)}</code>`).join(', ')}</p>`;
  return (
    '<section class="card" id="overview"><h2>Results by action and aspect</h2>' +
    stale +
    uncovered +
    table(['Action', ...aspects], matrixRows) +
    '</section>'
  );
}

export function renderHtmlReport(given: RunReport, links: ReportLinks = {}): string {
  const report = showControlsInReport(given);
  const { summary } = report;
  const coverage = coverageOf(report);
  const nav = ACTIONS.map(
    (action) =>
      `<a href="#${actionAnchor(action)}" title="${esc(action.method)} ${esc(action.pathTemplate)}">${esc(action.name)}</a>`,
  ).join('');
  const aborted = summary.aborted
    ? `<p class="card failures"><strong>Aborted:</strong> ${esc(summary.aborted)}</p>`
    : '';
  const interrupted = summary.interrupted
    ? `<p class="card failures"><strong>Interrupted:</strong> ${esc(summary.interrupted)}; the cases not yet run are skipped</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Flows conformance: ${esc(summary.target)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
<h1>Losant Flows: executable specification</h1>
<p class="muted">Target <code>${esc(summary.target)}</code> · started ${esc(summary.startedAt)}${summary.strict ? ' · strict (warnings fail the run)' : ''}</p>
<p><strong>${esc(summaryLine(summary))}</strong></p>
${links.mutants ? `<p>Kill matrix (the suite against each deliberate fault of the mock): <a href="${esc(links.mutants)}">${esc(links.mutants)}</a></p>\n` : ''}<nav class="jump"><span class="muted">Jump to</span><a href="#failures">Failures</a>${nav}<a href="#toc">Contents</a></nav>
${searchBox()}
${aborted}
${interrupted}
${problemsSection(report)}
${tableOfContents()}
${overviewSection(report)}
${tokensSection(report)}
${coverage.actions.map((entry) => actionSection(entry.action, entry, report)).join('\n')}
${schemasSection()}
${casesSection(report)}
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

export const htmlReporter = (): FileReporter =>
  fileReporter('html', (report, reportDir) => [
    { file: HTML_REPORT_FILE, content: renderHtmlReport(report, reportLinksIn(reportDir)) },
  ]);
