import { expect } from 'chai';
import { ACTIONS, DECISIONS } from '../../specs/catalog';
import { renderHtmlReport } from '../../src/reporters';
import { caseResult, fullyCoveredResults, mixedReport, runReport } from './report-factory';

const RESPONSE_EXCERPT = 'response excerpt: {"message":"<script>alert(\'pwned\')</script>"}';

function hostileReport() {
  return runReport([
    caseResult('GET flows: a passing case', { covers: ['flows.get query page'] }),
    caseResult('GET flows: <img src=x onerror=alert(1)>', {
      outcome: 'failed',
      covers: ['flows.get status 400'],
      failures: [
        { check: 'status-code', caseId: 'x', level: 'MUST', message: RESPONSE_EXCERPT, location: 'l' },
      ],
    }),
  ]);
}

describe('reporters: html', () => {
  it('escapes what the server sent and what a case is called', () => {
    const html = renderHtmlReport(hostileReport());
    expect(html).to.not.contain('<script>alert');
    expect(html.match(/<script\b/g)).to.have.length(1, 'the page has one script, its own');
    expect(html).to.not.contain('<img');
    expect(html).to.contain('&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;');
    expect(html).to.contain('GET flows: &lt;img src=x onerror=alert(1)&gt;');
  });

  it('puts the failures first, each with its message', () => {
    const html = renderHtmlReport(hostileReport());
    const failures = html.indexOf('<h2>Failures (1)</h2>');
    expect(failures).to.be.greaterThan(-1);
    for (const action of ACTIONS)
      expect(failures).to.be.lessThan(html.indexOf(`id="action-${action.id.replace('.', '-')}"`));
    expect(html.indexOf('response excerpt: {&quot;message&quot;')).to.be.greaterThan(failures);
  });

  it('says there are no failures when there are none', () => {
    const html = renderHtmlReport(runReport(fullyCoveredResults()));
    expect(html).to.contain('No failures.');
    expect(html).to.not.contain('<h2>Failures');
  });

  it('contains every action with its method, path, scopes, query parameters, statuses and decisions', () => {
    const html = renderHtmlReport(mixedReport());
    for (const action of ACTIONS) {
      const start = html.indexOf(`<section class="card" id="action-${action.id.replace('.', '-')}">`);
      expect(start, action.id).to.be.greaterThan(-1);
      const section = html.slice(start, html.indexOf('</section>', start));
      expect(section).to.contain(
        `<span class="method ${action.method}">${action.method}</span><code>${action.pathTemplate}</code>`,
      );
      for (const scope of action.acceptedScopes) expect(section).to.contain(`<td><code>${scope}</code></td>`);
      for (const parameter of action.query)
        expect(section).to.contain(`<td><code>${parameter.name}</code></td>`);
      for (const response of action.responses)
        expect(section).to.contain(`<td><strong>${response.status}</strong></td>`);
      for (const key of action.decisions) expect(section).to.contain(`<strong>${DECISIONS[key].id}</strong>`);
      if (action.requestBody) expect(section).to.contain('<summary>JSON Schema ');
    }
  });

  it('marks each row with the results of the cases covering it, and rows without any as uncovered', () => {
    const html = renderHtmlReport(mixedReport());
    const start = html.indexOf('<td><code>sortField</code></td>');
    const row = html.slice(start, html.indexOf('</tr>', start));
    expect(row).to.contain('<span class="badge fail">1 FAIL</span><span class="badge warn">1 WARN</span>');
    const pageStart = html.indexOf('<td><code>page</code></td>');
    expect(html.slice(pageStart, html.indexOf('</tr>', pageStart))).to.contain('badge uncovered');
  });

  it('loads no external asset: one inline script, no link, no src, no url()', () => {
    const html = renderHtmlReport(mixedReport());
    expect(html).to.not.match(/<link\b/i);
    expect(html).to.not.match(/\bsrc=|url\(/i);
    expect(html.match(/<script[^>]*>/gi)).to.deep.equal(['<script>']);
    const hrefs = [...html.matchAll(/\bhref="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.filter((href) => !href.startsWith('#'))).to.deep.equal([]);
  });
});
