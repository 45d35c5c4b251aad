import {
  DECISIONS,
  SCHEMA_FILES,
  SCHEMA_REFERENCE_ANCHORS,
  type ActionSpec,
  type QueryParameter,
  type SchemaName,
} from '../../specs/catalog';
import type { RunReport } from '../engine/results';
import { escapeHtml as esc } from './escape';
import { anchorSlug, caseItem, countsBadges, resultsCell, table } from './html-parts';
import { exampleBlock, schemaAnchor, schemaTree } from './html-schema-tree';
import { casesOfDecision, sortedResults, type ActionCoverage, type CoveredRow } from './report-views';

/** One action of the catalog as a section of the executable specification, with its results. */

/** `[Workflow Trigger Filter](schemas.md#...)` as its text: the page links to nothing outside itself. */
const withoutMarkdownLinks = (text: string): string => text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');

export const actionAnchor = (action: ActionSpec): string => 'action-' + action.id.replace(/\./g, '-');

/** The anchors of an action's facts: its parts, and each scope, parameter and status in them. */
export const factAnchors = (action: ActionSpec) => {
  const base = actionAnchor(action);
  return {
    scopes: `${base}-scopes`,
    scope: (scope: string) => `${base}-scope-${anchorSlug(scope)}`,
    path: `${base}-path`,
    pathParameter: (name: string) => `${base}-path-${anchorSlug(name)}`,
    query: `${base}-query`,
    parameter: (name: string) => `${base}-query-${anchorSlug(name)}`,
    body: `${base}-body`,
    responses: `${base}-responses`,
    status: (status: number) => `${base}-status-${status}`,
    decisions: `${base}-decisions`,
    cases: `${base}-cases`,
  };
};

function acceptedValues(parameter: QueryParameter): string {
  const value = parameter.value;
  switch (value.kind) {
    case 'enum':
      return value.acceptedValues.map((accepted) => `<code>${esc(accepted)}</code>`).join(', ');
    case 'nonNegativeInteger': {
      const minimum = `integer ≥ ${value.minimum ?? 0}`;
      return value.shouldMaximum === undefined ? minimum : `${minimum} (SHOULD ≤ ${value.shouldMaximum})`;
    }
    case 'string':
      return 'string';
    case 'glob':
      return 'string; <code>*</code> any run, <code>?</code> one character';
    case 'boolean':
      return '<code>true</code>, <code>false</code>';
    case 'triggerFilter':
      return `array of ${schemaLabel(value.schema)}`;
  }
}

function schemaLabel(schema: SchemaName): string {
  const anchor = SCHEMA_REFERENCE_ANCHORS[schema];
  return `<a href="#${schemaAnchor(schema)}"><code>${esc(schema)}</code></a> <span class="muted">(${esc(SCHEMA_FILES[schema])}${anchor ? `, ${esc(anchor)}` : ''})</span>`;
}

function rowsOfKind(coverage: ActionCoverage, kind: CoveredRow['row']['kind']): Map<string, CoveredRow> {
  return new Map(
    coverage.rows.filter(({ row }) => row.kind === kind).map((covered) => [covered.row.label, covered]),
  );
}

const resultsOf = (rows: Map<string, CoveredRow>, label: string): string =>
  resultsCell(rows.get(label)?.cases ?? []);

function scopesPart(action: ActionSpec, coverage: ActionCoverage): string {
  const rows = rowsOfKind(coverage, 'scope');
  const anchors = factAnchors(action);
  return (
    `<h3 id="${anchors.scopes}">Accepted scopes</h3><p class="muted">A token holding at least one of these is accepted (literal entries, no patterns); <a href="#tokens">every other token is refused</a>.</p>` +
    table(
      ['Scope', 'Results'],
      action.acceptedScopes.map((scope) => [`<code>${esc(scope)}</code>`, resultsOf(rows, scope)]),
      action.acceptedScopes.map(anchors.scope),
    )
  );
}

function pathPart(action: ActionSpec, coverage: ActionCoverage): string {
  const anchors = factAnchors(action);
  const rows = rowsOfKind(coverage, 'path');
  return (
    `<h3 id="${anchors.path}">Path components</h3>` +
    table(
      ['Name', 'Pattern', 'Example', 'Description', 'Results'],
      action.pathParameters.map((parameter) => [
        `<code>${esc(parameter.name)}</code>`,
        `<code>${esc(parameter.pattern)}</code>`,
        `<code>${esc(parameter.example)}</code>`,
        esc(parameter.description),
        resultsOf(rows, parameter.name),
      ]),
      action.pathParameters.map((parameter) => anchors.pathParameter(parameter.name)),
    )
  );
}

function queryPart(action: ActionSpec, coverage: ActionCoverage): string {
  const anchors = factAnchors(action);
  const heading = `<h3 id="${anchors.query}">Query parameters</h3>`;
  if (action.query.length === 0) return `${heading}<p class="muted">None.</p>`;
  const rows = rowsOfKind(coverage, 'query');
  return (
    heading +
    '<p class="muted">Results: the cases that show each parameter at work (open a cell to list them).</p>' +
    table(
      ['Name', 'Required', 'Accepted values', 'Default', 'Example', 'Description', 'Results'],
      action.query.map((parameter) => [
        `<code>${esc(parameter.name)}</code>`,
        parameter.required ? '<strong>required</strong>' : 'optional',
        acceptedValues(parameter),
        parameter.default === ''
          ? '<span class="muted">none</span>'
          : `<code>${esc(parameter.default)}</code>`,
        `<code>${esc(parameter.example)}</code>`,
        esc(withoutMarkdownLinks(parameter.description)),
        resultsOf(rows, parameter.name),
      ]),
      action.query.map((parameter) => anchors.parameter(parameter.name)),
    )
  );
}

function requestBodyPart(action: ActionSpec, coverage: ActionCoverage): string {
  const heading = `<h3 id="${factAnchors(action).body}">Request body</h3>`;
  if (!action.requestBody) return `${heading}<p class="muted">None.</p>`;
  const { schema } = action.requestBody;
  return (
    heading +
    table(
      ['Schema', 'Results'],
      [[schemaLabel(schema), resultsOf(rowsOfKind(coverage, 'requestBody'), schema)]],
    ) +
    `<details open><summary>JSON Schema ${esc(SCHEMA_FILES[schema])}, as a tree</summary>${schemaTree(schema)}</details>` +
    exampleBlock(schema, "The reference's example")
  );
}

function responsesPart(action: ActionSpec, coverage: ActionCoverage): string {
  const statusRows = rowsOfKind(coverage, 'status');
  const bodyRows = rowsOfKind(coverage, 'responseBody');
  const anchors = factAnchors(action);
  const perStatus = action.responses.map(
    (response) =>
      `<details class="status" id="${anchors.status(response.status)}"><summary><strong>${response.status}</strong> ${esc(response.description)}: <code>${esc(response.schema)}</code></summary>` +
      schemaTree(response.schema) +
      exampleBlock(response.schema, "The reference's example") +
      '</details>',
  );
  return (
    `<h3 id="${anchors.responses}">Responses</h3>` +
    table(
      ['Status', 'Body schema', 'Description', 'Status results', 'Body results'],
      action.responses.map((response) => [
        `<strong>${response.status}</strong>`,
        schemaLabel(response.schema),
        esc(response.description),
        resultsOf(statusRows, String(response.status)),
        resultsOf(bodyRows, `${response.status} ${response.schema}`),
      ]),
    ) +
    perStatus.join('\n')
  );
}

function decisionsPart(action: ActionSpec, report: RunReport): string {
  return (
    `<h3 id="${factAnchors(action).decisions}">Decisions it rests on</h3>` +
    '<p class="muted">Where the reference is silent; checks built on them are SHOULD (warnings unless strict).</p>' +
    table(
      ['Decision', 'Source', 'Results'],
      action.decisions.map((key) => {
        const decision = DECISIONS[key];
        return [
          `<strong>${esc(decision.id)}</strong> ${esc(decision.title)}`,
          esc(decision.source),
          resultsCell(casesOfDecision(report, action, key), 'no case of its own', false),
        ];
      }),
    )
  );
}

export function actionSection(action: ActionSpec, coverage: ActionCoverage, report: RunReport): string {
  const cases = sortedResults(report.results.filter((result) => result.action === action.id));
  return [
    `<section class="card" id="${actionAnchor(action)}">`,
    `<h2><span class="method ${action.method}">${action.method}</span><code>${esc(action.pathTemplate)}</code></h2>`,
    `<p><strong>${esc(action.name)}</strong> <code>${esc(action.id)}</code>: ${esc(action.summary)}. `,
    `<span class="muted">Reference: flows-actions.md#${esc(action.referenceAnchor)}</span></p>`,
    `<p>${countsBadges(cases)}</p>`,
    scopesPart(action, coverage),
    pathPart(action, coverage),
    queryPart(action, coverage),
    requestBodyPart(action, coverage),
    responsesPart(action, coverage),
    decisionsPart(action, report),
    `<details id="${factAnchors(action).cases}"><summary>All ${cases.length} cases of ${esc(action.id)}</summary><ul class="cases">${cases.map(caseItem).join('')}</ul></details>`,
    '</section>',
  ].join('\n');
}
