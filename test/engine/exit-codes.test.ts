import { expect } from 'chai';
import { exitCodeOf, summarize } from '../../src/engine/runner';
import type { CaseResult } from '../../src/engine/results';

const result = (outcome: CaseResult['outcome']): CaseResult =>
  ({ id: `case ${outcome}`, outcome, failures: [] }) as unknown as CaseResult;

const reportOf = (outcomes: CaseResult['outcome'][], aborted?: string) => {
  const results = outcomes.map(result);
  const summary = summarize(results, {
    durationMs: 1,
    target: 'http://127.0.0.1:9',
    strict: false,
    startedAt: new Date(0).toISOString(),
    aborted,
    staleExpectations: [],
  });
  return { summary, results };
};

describe('engine: the exit code of a run', () => {
  it('0 when every MUST check passed, warnings included', () =>
    expect(exitCodeOf(reportOf(['passed', 'warning', 'skipped']))).to.equal(0));
  it('1 when a case failed', () => expect(exitCodeOf(reportOf(['passed', 'failed']))).to.equal(1));
  it('3 when the target stopped answering mid-run, whatever failed after it', () =>
    expect(exitCodeOf(reportOf(['passed', 'failed'], 'the target did not answer'))).to.equal(3));
});
