import type { CaseResult } from '../engine/results';
import { escapeHtml as esc } from './escape';

/** Small HTML fragments the page is built from; every text that reaches them is escaped here. */

export type BadgeKind = 'pass' | 'fail' | 'xfail' | 'warn' | 'skip';

export function badgeKind(result: CaseResult): BadgeKind {
  switch (result.outcome) {
    case 'passed':
      return 'pass';
    case 'failed':
      return result.expectedFailure ? 'xfail' : 'fail';
    case 'warning':
      return 'warn';
    case 'skipped':
      return 'skip';
  }
}

const BADGE_TEXT: Record<BadgeKind, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  xfail: 'XFAIL',
  warn: 'WARN',
  skip: 'SKIP',
};

export const badge = (kind: BadgeKind | 'uncovered', text?: string): string =>
  `<span class="badge ${kind}">${esc(text ?? (kind === 'uncovered' ? 'uncovered' : BADGE_TEXT[kind]))}</span>`;

export const caseAnchor = (result: CaseResult): string =>
  'case-' + encodeURIComponent(result.id).replace(/%/g, '_');

/** A fragment id made of any text: letters, digits, `-` and `_` only. */
export const anchorSlug = (text: string): string => text.replace(/[^A-Za-z0-9_-]/g, '_');

/** What the page's search box matches a case on: its sentence, key, action, aspect, level and outcome. */
export const searchText = (result: CaseResult): string =>
  [result.id, result.key ?? '', result.action, result.aspect, result.level, BADGE_TEXT[badgeKind(result)]]
    .join(' ')
    .toLowerCase();

export const searchAttribute = (result: CaseResult): string => ` data-case="${esc(searchText(result))}"`;

/** A case in a list: its badge and its id, linking to its failure when it has one. */
export function caseItem(result: CaseResult): string {
  const kind = badgeKind(result);
  const text = esc(result.id);
  const label =
    kind === 'fail' || kind === 'warn' || kind === 'xfail'
      ? `<a href="#${caseAnchor(result)}">${text}</a>`
      : text;
  const reason = result.skipReason ? ` <span class="muted">(${esc(result.skipReason)})</span>` : '';
  return `<li${searchAttribute(result)}>${badge(kind)} ${label}${reason}</li>`;
}

/**
 * The results of the cases covering a row: a badge per outcome with its count, and the cases
 * themselves behind a disclosure. A row no case covers says so: as a gap (the red `uncovered` badge)
 * where a case is due, in plain muted words where none need be (a decision whose rules run at MUST, a
 * scope that only the principal's cases exercise).
 */
export function resultsCell(cases: readonly CaseResult[], noneLabel = 'uncovered', noneIsGap = true): string {
  if (cases.length === 0)
    return noneIsGap ? badge('uncovered', noneLabel) : `<span class="muted">${esc(noneLabel)}</span>`;
  const kinds = cases.map(badgeKind);
  const order: BadgeKind[] = ['fail', 'xfail', 'warn', 'skip', 'pass'];
  const badges = order
    .map((kind) => [kind, kinds.filter((candidate) => candidate === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => badge(kind, `${count} ${BADGE_TEXT[kind]}`))
    .join('');
  return `<details><summary>${badges}</summary><ul class="cases">${cases.map(caseItem).join('')}</ul></details>`;
}

/** The counts of a set of cases as badges; with onlyPresent, the outcomes with no case are left out. */
export function countsBadges(results: readonly CaseResult[], onlyPresent = false): string {
  const kinds = results.map(badgeKind);
  const order: BadgeKind[] = ['pass', 'fail', 'xfail', 'warn', 'skip'];
  return order
    .map((kind) => [kind, kinds.filter((candidate) => candidate === kind).length] as const)
    .filter(([kind, count]) => count > 0 || (!onlyPresent && kind !== 'xfail'))
    .map(([kind, count]) => badge(kind, `${count} ${BADGE_TEXT[kind]}`))
    .join('');
}

/**
 * A table; a column headed "… results" gets the class that keeps its badges on one line. `rowIds`
 * anchors rows (the facts a table of contents links to).
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rowIds: readonly string[] = [],
): string {
  const classes = headers.map((header) => (/results$/i.test(header) ? ' class="results"' : ''));
  const head = headers.map((header) => `<th>${esc(header)}</th>`).join('');
  const body = rows
    .map(
      (cells, row) =>
        `<tr${rowIds[row] ? ` id="${esc(rowIds[row])}"` : ''}>${cells.map((cellHtml, index) => `<td${classes[index]}>${cellHtml}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
