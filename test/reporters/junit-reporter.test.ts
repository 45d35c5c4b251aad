import { expect } from 'chai';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ACTIONS } from '../../specs/catalog';
import { renderJunitReport } from '../../src/reporters';
import { caseResult, mixedReport, runReport } from './report-factory';

interface ParsedCase {
  '@_name': string;
  failure?: { '@_message': string; '#text'?: string };
  skipped?: unknown;
  'system-out'?: string;
  properties?: { property: { '@_name': string; '@_value': string }[] };
}
interface ParsedSuite {
  '@_name': string;
  '@_tests': string;
  testcase?: ParsedCase[];
}

function parseJunit(xml: string): { suites: ParsedSuite[]; cases: ParsedCase[] } {
  expect(XMLValidator.validate(xml)).to.equal(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  const suites: ParsedSuite[] = parser.parse(xml).testsuites.testsuite;
  return { suites, cases: suites.flatMap((suite) => suite.testcase ?? []) };
}

const caseNamed = (cases: ParsedCase[], name: string): ParsedCase => {
  const found = cases.find((testCase) => testCase['@_name'] === name);
  if (!found) throw new Error(`no testcase ${name}`);
  return found;
};

describe('reporters: junit', () => {
  it('has one testsuite per action and one testcase per case', () => {
    const report = mixedReport();
    const { suites, cases } = parseJunit(renderJunitReport(report));
    expect(suites).to.have.length(ACTIONS.length);
    expect(suites.map((suite) => suite['@_name'].split(' ')[0])).to.deep.equal(
      ACTIONS.map((action) => action.id),
    );
    expect(cases).to.have.length(report.results.length);
  });

  it('writes failures with their message, skips with their reason, and warnings as output only', () => {
    const { cases } = parseJunit(renderJunitReport(mixedReport()));
    expect(cases.filter((testCase) => testCase.failure)).to.have.length(1);
    expect(cases.filter((testCase) => testCase.skipped !== undefined)).to.have.length(1);
    const failed = caseNamed(cases, 'GET flows: sortField=bogus is 400');
    expect(failed.failure?.['@_message']).to.equal(
      'GET flows: sortField=bogus is 400: expected 400, got 200',
    );
    const skipped = caseNamed(cases, 'GET flows: all.User token is accepted');
    expect(skipped.properties?.property).to.deep.include({
      '@_name': 'skipReason',
      '@_value': 'no user token',
    });
    const warning = caseNamed(cases, 'GET flows: names sort case-insensitively');
    expect(warning.failure).to.equal(undefined);
    expect(warning['system-out']).to.contain('WARNING (SHOULD)');
  });

  it('makes warnings failures in a strict run', () => {
    const { cases } = parseJunit(renderJunitReport(mixedReport({ strict: true })));
    expect(cases.filter((testCase) => testCase.failure)).to.have.length(2);
  });

  it('writes an expected failure as skipped, not as a failure', () => {
    const report = runReport([caseResult('known', { outcome: 'failed', expectedFailure: true })]);
    const { cases } = parseJunit(renderJunitReport(report));
    expect(cases[0].failure).to.equal(undefined);
    expect(cases[0].skipped).to.not.equal(undefined);
  });

  it('stays well-formed whatever a server answered', () => {
    const hostile = 'excerpt: <b>&amp;</b> ]]> "quoted" \u0000\u001b ]]> end';
    const report = runReport([
      caseResult('GET flows: <script>alert(1)</script>', {
        outcome: 'failed',
        failures: [{ check: 'schema', caseId: 'x', level: 'MUST', message: hostile, location: 'here' }],
      }),
    ]);
    const { cases } = parseJunit(renderJunitReport(report));
    expect(cases[0]['@_name']).to.equal('GET flows: <script>alert(1)</script>');
    // Every `]]>` broken up (the builder itself splits only the first), control characters shown as escapes.
    expect(cases[0].failure?.['#text']).to.contain(
      'excerpt: <b>&amp;</b> ]] > "quoted" \\u0000\\u001b ]] > end',
    );
  });
});
