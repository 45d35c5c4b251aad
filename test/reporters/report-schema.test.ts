import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CaseResult, Failure, RunReport, RunSummary } from '../../src/engine/results';
import { REPORT_SCHEMA_FILE } from '../../src/paths';
import { renderJsonReport, REPORT_FORMAT, reportFormatProblem } from '../../src/reporters';
import { runMain } from '../support/in-process-cli';
import { runOnMock } from '../runner/support';
import { caseResult, runReport, tempDir } from './report-factory';

interface ObjectSchema {
  readonly properties: Record<string, unknown>;
}
const SCHEMA = JSON.parse(readFileSync(REPORT_SCHEMA_FILE, 'utf8')) as {
  properties: { format: { const: string } };
  $defs: { summary: ObjectSchema; result: ObjectSchema; failure: ObjectSchema };
};

/** Every field of the types, so that a field added to one fails to compile here until the schema has it. */
const SUMMARY_FIELDS: Record<keyof RunSummary, true> = {
  total: true,
  passed: true,
  failed: true,
  warnings: true,
  skipped: true,
  expectedFailures: true,
  staleExpectations: true,
  durationMs: true,
  target: true,
  strict: true,
  shard: true,
  startedAt: true,
  aborted: true,
  interrupted: true,
  keptDataPrefix: true,
  leftFlows: true,
};
const RESULT_FIELDS: Record<keyof CaseResult, true> = {
  id: true,
  key: true,
  action: true,
  aspect: true,
  level: true,
  decision: true,
  covers: true,
  outcome: true,
  failures: true,
  skipReason: true,
  expectedFailure: true,
  durationMs: true,
};
const FAILURE_FIELDS: Record<keyof Failure, true> = {
  check: true,
  rule: true,
  pointer: true,
  caseId: true,
  level: true,
  message: true,
  location: true,
  expected: true,
  actual: true,
  request: true,
  mismatches: true,
  input: true,
  replay: true,
};

/** A report as conformance.json holds it, edited by `edit`. */
function written(report: RunReport, edit: (document: Record<string, unknown>) => void = () => {}): unknown {
  const document = JSON.parse(renderJsonReport(report)) as Record<string, unknown>;
  edit(document);
  return document;
}

describe('reporters: conformance.json has a format version and a JSON Schema', () => {
  let real: RunReport;
  before(async function () {
    this.timeout(60_000);
    real = await runOnMock(['post-returns-200']);
  });

  it('the report of a real run (failures and all) is valid against the schema of its format', () => {
    expect(real.results.some((result) => result.failures.length > 0)).to.equal(true);
    const document = written(real) as { format: string };
    expect(document.format).to.equal(REPORT_FORMAT);
    expect(SCHEMA.properties.format.const).to.equal(REPORT_FORMAT);
    expect(reportFormatProblem(document)).to.equal(undefined);
  });

  it('the schema declares every field the report types have, and no other', () => {
    expect(Object.keys(SCHEMA.$defs.summary.properties).sort()).to.deep.equal(
      Object.keys(SUMMARY_FIELDS).sort(),
    );
    expect(Object.keys(SCHEMA.$defs.result.properties).sort()).to.deep.equal(
      Object.keys(RESULT_FIELDS).sort(),
    );
    expect(Object.keys(SCHEMA.$defs.failure.properties).sort()).to.deep.equal(
      Object.keys(FAILURE_FIELDS).sort(),
    );
  });

  it('names the first problem of an invalid report by its JSON pointer', () => {
    const report = runReport([caseResult('a'), caseResult('b')]);
    expect(reportFormatProblem(written(report))).to.equal(undefined);
    expect(reportFormatProblem(written(report, (d) => delete d.format))).to.match(/^\/format is missing/);
    expect(reportFormatProblem(written(report, (d) => (d.format = 'flows-conformance/run@2')))).to.equal(
      '/format is "flows-conformance/run@2", and this version reads flows-conformance/run@1',
    );
    const withResult = (change: (result: Record<string, unknown>) => void) =>
      reportFormatProblem(written(report, (d) => change((d.results as Record<string, unknown>[])[1])));
    expect(withResult((result) => delete result.key)).to.equal('/results/1/key is missing');
    expect(withResult((result) => (result.outcome = 'ok'))).to.match(
      /^\/results\/1\/outcome must be equal to one of the allowed values: "passed", "failed"/,
    );
    expect(withResult((result) => (result.key = 'GET flows: a'))).to.match(
      /^\/results\/1\/key must match pattern/,
    );
    expect(
      reportFormatProblem(written(report, (d) => ((d.summary as { failed: unknown }).failed = '0'))),
    ).to.equal('/summary/failed must be integer');
    // An exchange proxy judged and a fuzz property have no key: their id names them.
    const traffic = runReport([caseResult('#000001 GET /x', { aspect: 'traffic', key: undefined })]);
    expect(reportFormatProblem(written(traffic))).to.equal(undefined);
  });

  it('merge and compare refuse an invalid or other-version input with one line and exit 2', async () => {
    const dir = await tempDir();
    const good = path.join(dir, 'good.json');
    const old = path.join(dir, 'old.json');
    const broken = path.join(dir, 'broken.json');
    const report = runReport([caseResult('a')]);
    await writeFile(good, renderJsonReport(report));
    await writeFile(old, JSON.stringify({ summary: report.summary, results: report.results }));
    await writeFile(
      broken,
      JSON.stringify(written(report, (d) => ((d.results as { level: string }[])[0].level = 'MAY'))),
    );
    const merged = await runMain(['merge', good, old, '--report-dir', path.join(dir, 'merged')]);
    expect(merged.code).to.equal(2);
    expect(merged.stderr).to.match(
      /^flows-conformance: merge: .*old\.json is not a conformance report: \/format is missing: [^\n]*\n$/,
    );
    const compared = await runMain(['compare', good, broken, '--out', path.join(dir, 'compared')]);
    expect(compared.code).to.equal(2);
    expect(compared.stderr).to.match(
      /^flows-conformance: compare: .*broken\.json is not a conformance report: \/results\/0\/level must be equal to one of the allowed values: "MUST", "SHOULD"\n$/,
    );
  });
});
