import { ACTIONS, UNRELATED_SCOPE, type ActionSpec } from '../../specs/catalog';
import type { CaseResult, RunReport } from '../engine/results';
import { escapeHtml as esc } from './escape';
import { anchorSlug, resultsCell, table } from './html-parts';
import { factAnchors } from './html-action';
import { sortedResults } from './report-views';

/**
 * Which tokens each action accepts and refuses, for every action side by side: the scopes from the
 * catalog, the other refused tokens from the report's auth cases (what the suite showed).
 */

export const TOKENS_ANCHOR = 'tokens';

/** The fact a case states, without its action prefix (`GET flows: `). */
const factOf = (result: CaseResult): string => result.id.slice(result.id.indexOf(': ') + 2);

const scopeFact = (scope: string, verdict: 'accepted' | 'refused') =>
  `a token with only ${scope} is ${verdict}`;

function casesOf(report: RunReport, action: ActionSpec, fact: string): CaseResult[] {
  return report.results.filter((result) => result.action === action.id && factOf(result) === fact);
}

function scopeCell(report: RunReport, action: ActionSpec, scope: string): string {
  const accepted = action.acceptedScopes.includes(scope);
  const verdict = accepted
    ? `<a class="verdict accepted" href="#${factAnchors(action).scope(scope)}">accepted</a>`
    : '<span class="verdict refused">refused (403)</span>';
  return `${verdict} ${resultsCell(casesOf(report, action, scopeFact(scope, accepted ? 'accepted' : 'refused')), 'no case of its own', false)}`;
}

export function tokensSection(report: RunReport): string {
  const scopes = [...new Set([...ACTIONS.flatMap((action) => action.acceptedScopes), UNRELATED_SCOPE])];
  const headers = ['Token scope', ...ACTIONS.map((action) => `${action.name} results`)];
  const scopeTable = table(
    headers,
    scopes.map((scope) => [
      `<code>${esc(scope)}</code>`,
      ...ACTIONS.map((action) => scopeCell(report, action, scope)),
    ]),
    scopes.map((scope) => `token-scope-${anchorSlug(scope)}`),
  );
  const refusals = [
    ...new Set(
      sortedResults(report.results)
        .filter(
          (result) =>
            result.aspect === 'auth' && !/^a token with only \S+ is (accepted|refused)$/.test(factOf(result)),
        )
        .map(factOf),
    ),
  ];
  const refusalTable = table(
    ['Token', ...ACTIONS.map((action) => `${action.name} results`)],
    refusals.map((fact) => [
      esc(fact),
      ...ACTIONS.map((action) => resultsCell(casesOf(report, action, fact), 'no case of its own', false)),
    ]),
  );
  return (
    `<section class="card" id="${TOKENS_ANCHOR}"><h2>Tokens: accepted and refused</h2>` +
    '<p class="muted">A token is accepted when it holds at least one accepted scope of the action, literally (no patterns); ' +
    `any other scope, like <code>${esc(UNRELATED_SCOPE)}</code>, is refused with 403 and an Error body. Each cell shows the cases that showed it.</p>` +
    scopeTable +
    '<h3 id="tokens-other">Other refused tokens</h3><p class="muted">Refused with 401 (no usable token) or 403 (a token that may not act here), per decision D1; the rows are the suite’s own cases.</p>' +
    (refusals.length ? refusalTable : '<p class="muted">No such case in this run.</p>') +
    '</section>'
  );
}
