import { ACTIONS, SCHEMA_FILES, SCHEMA_REFERENCE_ANCHORS, type SchemaName } from '../../specs/catalog';
import type { RunReport } from '../engine/results';
import { escapeHtml as esc } from './escape';
import { actionAnchor, factAnchors } from './html-action';
import { caseItem } from './html-parts';
import { schemaAnchor, schemaTree, exampleBlock } from './html-schema-tree';
import { TOKENS_ANCHOR } from './html-scopes';
import { sortedResults } from './report-views';

/** The table of contents, the case index with its search box, the schemas, and the page's one script. */

export const CASES_ANCHOR = 'cases';
export const SEARCH_ID = 'case-search';

/** The body schemas of the reference (schemas.md), each drawn once; trees link to them. */
export const DOCUMENTED_SCHEMAS = Object.keys(SCHEMA_REFERENCE_ANCHORS) as SchemaName[];

const link = (anchor: string, text: string): string => `<a href="#${anchor}">${text}</a>`;
const list = (items: readonly string[]): string =>
  `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;

function actionEntry(action: (typeof ACTIONS)[number]): string {
  const anchors = factAnchors(action);
  const parameters = action.query.map((parameter) =>
    link(anchors.parameter(parameter.name), `<code>${esc(parameter.name)}</code>`),
  );
  const pathParameters = action.pathParameters.map((parameter) =>
    link(anchors.pathParameter(parameter.name), `<code>${esc(parameter.name)}</code>`),
  );
  const statuses = action.responses.map((response) =>
    link(anchors.status(response.status), String(response.status)),
  );
  return (
    link(actionAnchor(action), `${esc(action.method)} ${esc(action.name)}`) +
    list([
      link(anchors.scopes, 'Accepted scopes'),
      link(anchors.path, 'Path components') + ': ' + pathParameters.join(', '),
      link(anchors.query, 'Query parameters') + (parameters.length ? ': ' + parameters.join(', ') : ''),
      link(anchors.body, 'Request body'),
      link(anchors.responses, 'Responses') + ': ' + statuses.join(', '),
      link(anchors.decisions, 'Decisions'),
      link(anchors.cases, 'Cases'),
    ])
  );
}

export function tableOfContents(): string {
  return (
    '<nav id="toc" class="card" aria-label="Contents"><h2>Contents</h2>' +
    list([
      link('failures', 'Failures'),
      link('overview', 'Results by action and aspect'),
      link(TOKENS_ANCHOR, 'Tokens: accepted and refused'),
      ...ACTIONS.map(actionEntry),
      link('schemas', 'Schemas') +
        list(DOCUMENTED_SCHEMAS.map((name) => link(schemaAnchor(name), `<code>${esc(name)}</code>`))),
      link(CASES_ANCHOR, 'All cases (search)'),
    ]) +
    '</nav>'
  );
}

export function searchBox(): string {
  return (
    `<div class="search" role="search"><label for="${SEARCH_ID}">Search cases</label> ` +
    `<input id="${SEARCH_ID}" type="search" placeholder="perPage, 403, FAIL, flows.post ..." autocomplete="off">` +
    ' <span id="case-count" class="muted" aria-live="polite"></span></div>'
  );
}

export function schemasSection(): string {
  return (
    '<section class="card" id="schemas"><h2>Schemas</h2><p class="muted">The body schemas (specs/schemas, draft-04), as trees; the reference’s example under each.</p>' +
    DOCUMENTED_SCHEMAS.map(
      (name) =>
        `<div id="${schemaAnchor(name)}"><h3><code>${esc(name)}</code> <span class="muted">${esc(SCHEMA_FILES[name])}</span></h3>${schemaTree(name)}${exampleBlock(name, "The reference's example")}</div>`,
    ).join('\n') +
    '</section>'
  );
}

export function casesSection(report: RunReport): string {
  return (
    `<section class="card" id="${CASES_ANCHOR}"><h2>All cases (${report.results.length})</h2>` +
    '<p class="muted">The search box above filters this list, the failures and every case list of the page.</p>' +
    `<ul class="cases" id="case-index">${sortedResults(report.results).map(caseItem).join('')}</ul></section>`
  );
}

/**
 * The page's only script, inline: the search filter, and every disclosure opened for printing. A page
 * without it (scripts off) still shows everything.
 */
export const PAGE_SCRIPT = `
(function () {
  var box = document.getElementById('${SEARCH_ID}');
  var count = document.getElementById('case-count');
  var cases = Array.prototype.slice.call(document.querySelectorAll('[data-case]'));
  var indexed = document.querySelectorAll('#case-index [data-case]');
  function filter() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    cases.forEach(function (item) {
      var text = item.getAttribute('data-case');
      item.hidden = !words.every(function (word) { return text.indexOf(word) >= 0; });
    });
    var shown = Array.prototype.filter.call(indexed, function (item) { return !item.hidden; }).length;
    count.textContent = shown + ' of ' + indexed.length + ' cases';
  }
  box.addEventListener('input', filter);
  filter();
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.filter.call(document.querySelectorAll('details:not([open])'), function (details) {
      details.open = true;
      return true;
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (details) { details.open = false; });
  });
})();
`;
