import { expect } from 'chai';
import { referenceExample, schemaStemOf } from '../../fixtures';
import { ACTIONS, SCHEMA_FILES, UNRELATED_SCOPE } from '../../specs/catalog';
import { renderHtmlReport } from '../../src/reporters';
import { factAnchors } from '../../src/reporters/html-action';
import { DOCUMENTED_SCHEMAS } from '../../src/reporters/html-navigation';
import { schemaAnchor } from '../../src/reporters/html-schema-tree';
import { loadSchemaFile } from '../../src/schemas/registry';
import { anchorProblems, elementById, fragmentLinksIn } from './page-anchors';
import { caseResult, mixedReport, runReport } from './report-factory';

const decodeHtml = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The JSON of the first <pre> inside a piece of the page. */
function preJson(fragment: string): unknown {
  const match = /<pre>([\s\S]*?)<\/pre>/.exec(fragment);
  if (!match) throw new Error('no <pre> in the fragment');
  return JSON.parse(decodeHtml(match[1]));
}

describe('reporters: html, the specification page', () => {
  const html = renderHtmlReport(mixedReport());

  it('links every fact from the table of contents, and every link resolves to one element', () => {
    expect(anchorProblems(html)).to.deep.equal({ dangling: [], duplicated: [] });
    const toc = fragmentLinksIn(elementById(html, 'toc'));
    const facts = [
      'failures',
      'overview',
      'tokens',
      'cases',
      ...DOCUMENTED_SCHEMAS.map(schemaAnchor),
      ...ACTIONS.flatMap((action) => {
        const anchors = factAnchors(action);
        return [
          anchors.scopes,
          anchors.path,
          anchors.query,
          anchors.body,
          anchors.responses,
          anchors.decisions,
          anchors.cases,
          ...action.pathParameters.map((parameter) => anchors.pathParameter(parameter.name)),
          ...action.query.map((parameter) => anchors.parameter(parameter.name)),
          ...action.responses.map((response) => anchors.status(response.status)),
        ];
      }),
    ];
    expect(facts.filter((fact) => !toc.includes(fact))).to.deep.equal([]);
  });

  it('catches a dangling link and a repeated id', () => {
    const broken = '<a href="#nowhere">x</a><p id="twice"></p><p id="twice"></p><a href="#twice">y</a>';
    expect(anchorProblems(broken)).to.deep.equal({ dangling: ['nowhere'], duplicated: ['twice'] });
  });

  it('shows each status with its schema as a tree, never as raw JSON Schema, and an example', () => {
    expect(html).to.not.contain('$schema');
    for (const action of ACTIONS)
      for (const response of action.responses) {
        const status = elementById(html, factAnchors(action).status(response.status));
        expect(status, `${action.id} ${response.status}`).to.match(/^<details class="status"/);
        expect(status).to.contain('<ul class="tree">');
        const schema = loadSchemaFile(SCHEMA_FILES[response.schema]);
        for (const key of Object.keys((schema.properties ?? {}) as object))
          expect(status).to.contain(`<code class="key">${key}</code>`);
        expect(preJson(status)).to.deep.equal(referenceExample(schemaStemOf(response.schema)));
      }
  });

  it('marks required keys, shows patterns as written, and links a schema it refers to', () => {
    const post = elementById(html, schemaAnchor('workflowPost'));
    const required = loadSchemaFile(SCHEMA_FILES.workflowPost).required as string[];
    for (const key of required)
      expect(post).to.contain(`<code class="key">${key}</code> <span class="required">required</span>`);
    const idPattern = (
      loadSchemaFile(SCHEMA_FILES.workflow).properties as Record<string, { pattern: string }>
    ).id.pattern;
    expect(elementById(html, schemaAnchor('workflow'))).to.contain(`pattern <code>${idPattern}</code>`);
    const workflows = elementById(html, schemaAnchor('workflows'));
    expect(workflows).to.contain(`<a href="#${schemaAnchor('workflow')}">workflow</a>`);
  });

  it('tabulates, for every scope and action, whether a token of it is accepted or refused', () => {
    const scopes = [...new Set([...ACTIONS.flatMap((action) => action.acceptedScopes), UNRELATED_SCOPE])];
    for (const scope of scopes) {
      const row = elementById(html, `token-scope-${scope.replace(/[^A-Za-z0-9_-]/g, '_')}`);
      const cells = row.split('<td').slice(2);
      expect(cells, scope).to.have.length(ACTIONS.length);
      ACTIONS.forEach((action, index) => {
        const verdict = action.acceptedScopes.includes(scope) ? 'accepted' : 'refused';
        expect(cells[index], `${scope} for ${action.id}`).to.contain(`class="verdict ${verdict}"`);
      });
    }
  });

  it('gives each query parameter its meaning, values and cases, at an anchor of its own', () => {
    for (const action of ACTIONS)
      for (const parameter of action.query) {
        const row = elementById(html, factAnchors(action).parameter(parameter.name));
        expect(row).to.contain(`<code>${parameter.name}</code>`);
        expect(row).to.contain(`<code>${parameter.example.replace(/&/g, '&amp;')}</code>`);
      }
    const sortField = elementById(html, factAnchors(ACTIONS[0]).parameter('sortField'));
    expect(sortField).to.contain('<ul class="cases">');
  });

  it('has a search box over every case, and one inline script that drives it', () => {
    const report = mixedReport();
    const index = elementById(renderHtmlReport(report), 'case-index');
    expect(index.match(/<li data-case="/g)).to.have.length(report.results.length);
    expect(html).to.contain('<input id="case-search" type="search"');
    expect(html).to.match(/<script>[\s\S]*getElementById\('case-search'\)[\s\S]*<\/script>/);
  });

  it('names the failed cases at the top, before the table of contents', () => {
    const report = runReport([
      caseResult('GET flows: passes'),
      caseResult('POST flows: breaks', { action: 'flows.post', outcome: 'failed' }),
    ]);
    const page = renderHtmlReport(report);
    const failures = elementById(page, 'failures');
    expect(failures).to.match(/<ul class="cases failed-list"><li data-case="post flows: breaks[^"]*">/);
    expect(page.indexOf(failures)).to.be.lessThan(page.indexOf('id="toc"'));
  });

  it('prints: disclosures are opened for printing and the search is hidden', () => {
    expect(html).to.contain("addEventListener('beforeprint'");
    expect(html).to.match(/@media print \{[\s\S]*\.search, nav\.jump \{ display: none; \}/);
  });
});
