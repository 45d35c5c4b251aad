import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSON_REPORT_FILE, jsonReporter, renderJsonReport } from '../../src/reporters';
import { caseResult, mixedReport, runReport, tempDir } from './report-factory';

describe('reporters: json', () => {
  it('conformance.json round-trips to the RunReport, results sorted by id', async () => {
    const report = mixedReport();
    const dir = await tempDir();
    const files = await jsonReporter().write(report, dir);
    expect(files).to.deep.equal([path.join(dir, JSON_REPORT_FILE)]);
    const parsed = JSON.parse(await readFile(files[0], 'utf8'));
    const ids = report.results.map((result) => result.id).sort();
    expect(parsed.summary).to.deep.equal(report.summary);
    expect(parsed.results.map((result: { id: string }) => result.id)).to.deep.equal(ids);
    expect(parsed.results).to.have.deep.members([...report.results]);
  });

  it('holds its format version, summary and results, and nothing else', () => {
    const parsed = JSON.parse(renderJsonReport(runReport([caseResult('b'), caseResult('a')])));
    expect(Object.keys(parsed)).to.deep.equal(['format', 'summary', 'results']);
    expect(parsed.format).to.equal('flows-conformance/run@1');
    expect(parsed.results.map((result: { id: string }) => result.id)).to.deep.equal(['a', 'b']);
  });
});
