import { expect } from 'chai';
import { XMLParser } from 'fast-xml-parser';
import type { CaseResult, Failure } from '../../src/engine/results';
import {
  failureDigest,
  groupFailures,
  messageShape,
  renderHtmlReport,
  renderJunitReport,
  renderMarkdownReport,
  summaryLine,
} from '../../src/reporters';
import { countOutcomes } from '../../src/reporters/report-views';
import { failureLines } from '../../src/reporters/failure-digest';
import { caseResult, runReport } from './report-factory';

/** A failure as a check returns it, with what was expected and what came back. */
const failure = (caseId: string, message: string, check = 'errorBody'): Failure => ({
  check,
  caseId,
  level: 'MUST',
  message,
  location: 'flows-actions.md#get-error-responses',
  expected: 'an Error body {type, message} (JSON)',
  actual: `401 (text/plain) Authorization required for ${caseId}`,
  request: "curl -X GET -H 'authorization: Bearer <token with flows.get>' 'http://api.test/x'",
});

/** One cause failing many cases: Error bodies sent as text, as the fault error-body-as-text does. */
function floodedReport(size = 12) {
  const flooded = Array.from({ length: size }, (_, index) =>
    caseResult(`GET flows: refusal ${String(index).padStart(2, '0')}`, {
      outcome: 'failed',
      failures: [failure(`refusal ${index}`, 'the body is not JSON')],
    }),
  );
  const other = caseResult('GET flows: sortField=bogus gets 400', {
    outcome: 'failed',
    failures: [failure('bogus', 'status 200, expected 400', 'status')],
  });
  return runReport([...flooded, other]);
}

describe('reporters: failures grouped by cause', () => {
  it('a message shape replaces ids, numbers, names of the run and quoted strings, and collapses lists', () => {
    expect(messageShape('status 200, expected 400')).to.equal(messageShape('status 404, expected 401'));
    expect(messageShape('flow 575ec8687ae143cd83dc4a97 is not mapped')).to.equal('flow <id> is not mapped');
    expect(messageShape('the items differ: missing "fc12ab34cd-d-alpha", "b"')).to.equal(
      messageShape('the items differ: missing "x", "y", "z"'),
    );
    expect(messageShape('customNodes holds fc0a1b2c3d-d-custom')).to.equal('customNodes holds <name>');
  });

  it('groups by check and shape, the largest group first, with every member', () => {
    const groups = groupFailures(floodedReport().results);
    expect(groups.map(({ check, members }) => [check, members.length])).to.deep.equal([
      ['errorBody', 12],
      ['status', 1],
    ]);
  });

  it('groups failures that name a pointer by rule and pointer shape, whatever their messages say', () => {
    const at = (caseId: string, message: string, pointer: string): Failure => ({
      ...failure(caseId, message, 'pageWindow'),
      rule: 'pageWindow',
      pointer,
    });
    const results = [
      caseResult('a', {
        outcome: 'failed',
        failures: [at('a', 'page 0: 3 items, totalCount 9', '/totalCount')],
      }),
      caseResult('b', { outcome: 'failed', failures: [at('b', 'totalCount is off by one', '/totalCount')] }),
      caseResult('c', { outcome: 'failed', failures: [at('c', 'page 2: 5 items', '/items/3/id')] }),
      caseResult('d', { outcome: 'failed', failures: [at('d', 'page 1: 4 items', '/items/0/id')] }),
    ];
    const groups = groupFailures(results);
    expect(groups.map(({ check, shape, members }) => [check, shape, members.length])).to.deep.equal([
      ['pageWindow', 'page <n>: <n> items (at /items/*/id)', 2],
      ['pageWindow', 'page <n>: <n> items, totalCount <n> (at /totalCount)', 2],
    ]);
  });

  it('summary.md shows a group, its first members, then "and N more", before the coverage table', () => {
    const markdown = renderMarkdownReport(floodedReport());
    const failures = markdown.indexOf('## Failures (13 cases, 2 causes)');
    expect(failures).to.be.greaterThan(-1);
    expect(failures).to.be.below(markdown.indexOf('## Coverage of the reference'));
    expect(markdown).to.contain('### errorBody: the body is not JSON (12 cases)');
    expect(markdown.match(/^#### GET flows: refusal/gm)).to.have.length(3);
    expect(markdown).to.contain('<details><summary>and 9 more</summary>');
    expect(markdown).to.contain('- `GET flows: refusal 11`');
    // The note on reproducing is said once, not per failure.
    expect(markdown.match(/--no-cleanup/g)).to.have.length(1);
  });

  it('index.html puts each group behind a <details> with its count', () => {
    const html = renderHtmlReport(floodedReport());
    expect(html).to.match(
      /<details class="group"><summary><strong>errorBody<\/strong>: the body is not JSON <span class="muted">\(12 cases\)/,
    );
    expect(html.match(/<details class="group">/g)).to.have.length(2);
  });

  it('the terminal digest lists every failed case by cause, with expected and got, and the report', () => {
    const lines = failureDigest(floodedReport(), 'reports/index.html');
    expect(lines).to.include('Failures: 13 cases, 2 causes');
    expect(lines).to.include('errorBody: the body is not JSON (12 cases)');
    expect(lines.filter((line) => line.startsWith('  GET flows: '))).to.have.length(13);
    expect(lines).to.include(
      '      expected an Error body {type, message} (JSON); got 401 (text/plain) Authorization required for refusal 0',
    );
    expect(lines.at(-1)).to.equal('Full report, with each request as curl: reports/index.html');
    expect(failureDigest(runReport([caseResult('ok')]))).to.deep.equal([]);
  });

  it('a heading keeps the key names of a quoted object and masks only their values', () => {
    expect(messageShape('page 0: 3 items, {"count":3,"totalCount":3,"page":0,"perPage":3}')).to.equal(
      'page <n>: <n> items, {"count":<n>,"totalCount":<n>,"page":<n>,"perPage":<n>}',
    );
    expect(messageShape('{"name":"fc12ab34cd-d-x"}')).to.equal('{"name":"…"}');
  });

  it('each failure shows the value of the answer that broke the rule beside the expected one', () => {
    const pageWindow: Failure = {
      ...failure('paging', 'page 0: 3 items, {"count":3,"totalCount":3,"page":0,"perPage":3}', 'pageWindow'),
      expected: '3 items and {"count":3,"totalCount":16,"page":0,"perPage":3} (0-based pages)',
      actual: `200 (application/json) {"count":3,"totalCount":3,"perPage":3,"page":0,"sortField":"name","sortDirection"…`,
    };
    expect(failureLines(pageWindow)[0]).to.equal('/totalCount: 3, expected 16');
    // The message with this case's own values, which the heading masks.
    expect(failureLines(pageWindow)[1]).to.include('"totalCount":3').and.include('expected 3 items');
    const schema: Failure = {
      ...failure('schema', 'the body does not validate against workflow: /id must be string', 'schema'),
      actual: '201 (application/json) {"id":1234,"name":"x"}',
    };
    expect(failureLines(schema)).to.deep.equal(['/id: 1234']);
    const told: Failure = {
      ...failure('told', 'the body is not JSON'),
      mismatches: [{ pointer: '/count', actual: 'three', expected: 3 }],
    };
    expect(failureLines(told)).to.deep.equal(['/count: "three", expected 3']);
    // Nothing to point at: what was expected and what came back, as before.
    expect(failureLines(failure('plain', 'the body is not JSON'))).to.deep.equal([
      'expected an Error body {type, message} (JSON); got 401 (text/plain) Authorization required for plain',
    ]);
  });

  it('the JUnit message states the expectation and what came back; <skipped> carries its reason', () => {
    const xml = renderJunitReport(
      runReport([
        ...floodedReport(1).results,
        caseResult('GET flows: all.User token is accepted', {
          outcome: 'skipped',
          skipReason: 'no user token',
        }),
      ]),
    );
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' });
    const cases = (
      parser.parse(xml) as { testsuites: { testsuite: { testcase?: Record<string, unknown>[] }[] } }
    ).testsuites.testsuite.flatMap((suite) => suite.testcase ?? []);
    const failed = cases.find((testCase) => testCase['@_name'] === 'GET flows: refusal 00');
    expect((failed?.failure as Record<string, string>)['@_message']).to.equal(
      'the body is not JSON: expected an Error body {type, message} (JSON); got 401 (text/plain) Authorization required for refusal 0',
    );
    const skipped = cases.find((testCase) => testCase['@_name'] === 'GET flows: all.User token is accepted');
    expect((skipped?.skipped as Record<string, string>)['@_message']).to.equal('no user token');
  });
});

describe('reporters: every case counted once', () => {
  const results: CaseResult[] = [
    caseResult('expected', { outcome: 'failed', expectedFailure: true }),
    caseResult('warn 1', { outcome: 'warning' }),
    caseResult('warn 2', { outcome: 'warning' }),
  ];
  const report = runReport(results, { failed: 0, expectedFailures: 1 });

  it('the totals line adds up to the number of cases', () => {
    const line = summaryLine(report.summary);
    expect(line).to.match(/^3 cases: 0 passed, 0 failed, 1 expected failure, 2 warnings, 0 skipped/);
    const counted = [...line.split(' in ')[0].matchAll(/(\d+) (?!cases)/g)].map((match) => Number(match[1]));
    expect(counted.reduce((sum, count) => sum + count, 0)).to.equal(3);
  });

  it('the tables count the same way as the line', () => {
    expect(countOutcomes(results)).to.deep.equal({
      passed: 0,
      failed: 0,
      expected: 1,
      warning: 2,
      skipped: 0,
    });
    expect(renderMarkdownReport(report)).to.contain('| flows.get | query | 0 | 0 | 1 | 2 | 0 |');
  });
});
