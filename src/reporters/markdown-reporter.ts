import { reportLinksIn, type ReportLinks } from './mutants-link';
import type { CaseResult, RunReport } from '../engine/results';
import { showControlsInReport } from './controls';
import { escapeMarkdownCell as cell, markdownCode as code, markdownFence } from './escape';
import { fileReporter, type FileReporter } from './file-reporter';
import { groupFailures, REPRO_NOTE } from './failure-groups';
import {
  aspectsOf,
  coverageOf,
  failureText,
  outcomesByActionAndAspect,
  problemResults,
} from './report-views';
import { summaryLine } from './summary-line';

export const MARKDOWN_REPORT_FILE = 'summary.md';

function totals(report: RunReport): string[] {
  const { summary } = report;
  const lines = [
    `# Flows conformance: ${cell(summary.target)}`,
    '',
    `**${summaryLine(summary)}**`,
    '',
    `Started ${summary.startedAt}${summary.strict ? ', strict (warnings fail the run)' : ''}.`,
  ];
  if (summary.aborted) lines.push('', `**Aborted:** ${cell(summary.aborted)}`);
  if (summary.interrupted)
    lines.push('', `**Interrupted:** ${cell(summary.interrupted)}; the cases not yet run are skipped`);
  if (summary.leftFlows)
    lines.push(
      '',
      `**Left on the target:** ${summary.leftFlows.flows.length} of the run's flows could not be removed; their names start \`${summary.leftFlows.prefix}\``,
    );
  if (summary.keptDataPrefix)
    lines.push('', `**Kept (--no-cleanup):** the flows named \`${summary.keptDataPrefix}*\``);
  if (summary.staleExpectations.length > 0)
    lines.push(
      '',
      '**Stale expectations** (they fail the run):',
      '',
      ...summary.staleExpectations.map((entry) => `- ${code(entry)}`),
    );
  return lines;
}

function aspectTable(report: RunReport): string[] {
  const rows = outcomesByActionAndAspect(report).map(
    ({ action, aspect, counts }) =>
      `| ${action.id} | ${aspect} | ${counts.passed} | ${counts.failed} | ${counts.expected} | ${counts.warning} | ${counts.skipped} |`,
  );
  return [
    '## Results by action and aspect',
    '',
    '| Action | Aspect | Pass | Fail | Expected fail | Warn | Skip |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
  ];
}

function coverageTables(report: RunReport): string[] {
  // A fuzz run's properties cover no row of the reference: its cases are not the suite's.
  if (aspectsOf(report).includes('fuzz')) return [];
  const coverage = coverageOf(report);
  const lines = [
    '## Coverage of the reference',
    '',
    'Each row of the reference’s tables, with the cases that check it.',
  ];
  for (const { action, rows } of coverage.actions) {
    lines.push(
      '',
      `### ${action.id}: ${action.method} ${action.pathTemplate}`,
      '',
      '| Row | Kind | Cases |',
      '|---|---|---|',
    );
    for (const { row, cases } of rows) {
      const caseList =
        cases.length === 0 ? '**uncovered**' : cases.map((result) => code(result.id)).join('<br>');
      lines.push(`| ${cell(row.label)} | ${row.kind} | ${caseList} |`);
    }
  }
  lines.push('', '### Uncovered', '');
  if (coverage.uncovered.length === 0)
    lines.push('None: every row of the reference is covered by at least one case.');
  else lines.push(...coverage.uncovered.map((row) => `- ${code(row.id)}`));
  if (coverage.unknownRows.length > 0) {
    lines.push(
      '',
      '### Rows that no action has',
      '',
      'Cases claim to cover these, but the catalog has no such row:',
      '',
    );
    lines.push(
      ...coverage.unknownRows.map(
        ({ rowId, caseIds }) => `- ${code(rowId)}: ${caseIds.map(code).join(', ')}`,
      ),
    );
  }
  return lines;
}

/** The case's key beside its sentence, for an expectations file or `--grep`. */
const keyNote = (result: CaseResult): string => (result.key ? ` (${code(result.key)})` : '');

/** Members of a group shown in full; the rest are named behind a disclosure. */
const SHOWN_MEMBERS = 3;

/** A section of failed (or warning) cases, grouped by cause: the group, its first members, and how many more. */
function groupedCases(title: string, results: readonly CaseResult[]): string[] {
  if (results.length === 0) return [];
  const groups = groupFailures(results);
  const lines = ['', `## ${title} (${results.length} cases, ${groups.length} causes)`, '', REPRO_NOTE];
  for (const { check, shape, members } of groups) {
    lines.push('', `### ${cell(check)}: ${cell(shape)} (${members.length} cases)`);
    for (const { result } of members.slice(0, SHOWN_MEMBERS))
      lines.push('', `#### ${cell(result.id)}${keyNote(result)}`, '', markdownFence(failureText(result)));
    const rest = members.slice(SHOWN_MEMBERS);
    if (rest.length > 0)
      lines.push(
        '',
        `<details><summary>and ${rest.length} more</summary>`,
        '',
        ...rest.map(({ result }) => `- ${code(result.id)}${keyNote(result)}`),
        '',
        '</details>',
      );
  }
  return lines;
}

export function renderMarkdownReport(given: RunReport, links: ReportLinks = {}): string {
  const report = showControlsInReport(given);
  const { failures, expected, warnings } = problemResults(report);
  return (
    [
      ...totals(report),
      ...(links.mutants
        ? [
            '',
            `Kill matrix (the suite against each deliberate fault of the mock): [${links.mutants}](${links.mutants})`,
          ]
        : []),
      '',
      ...aspectTable(report),
      ...groupedCases('Failures', failures),
      ...groupedCases('Expected failures', expected),
      ...groupedCases('Warnings', warnings),
      '',
      ...coverageTables(report),
    ].join('\n') + '\n'
  );
}

export const markdownReporter = (): FileReporter =>
  fileReporter('markdown', (report, reportDir) => [
    { file: MARKDOWN_REPORT_FILE, content: renderMarkdownReport(report, reportLinksIn(reportDir)) },
  ]);
