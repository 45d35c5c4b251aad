import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ACTIONS, referenceRows, type ActionId } from '../../specs/catalog';
import type { CaseResult, RunReport, RunSummary } from '../../src/engine/results';
import { caseKey } from '../../src/model/case-key';

/** CaseResults and RunReports built by hand, the way the engine would produce them. */

export function caseResult(id: string, overrides: Partial<CaseResult> = {}): CaseResult {
  const outcome = overrides.outcome ?? 'passed';
  const level = overrides.level ?? (outcome === 'warning' ? 'SHOULD' : 'MUST');
  const failing = outcome === 'failed' || outcome === 'warning';
  return {
    id,
    key: caseKey({ action: 'flows.get', aspect: 'query', data: id }),
    action: 'flows.get',
    aspect: 'query',
    level,
    covers: [],
    outcome,
    failures: failing
      ? [
          {
            check: 'status-code',
            caseId: id,
            level,
            message: `${id}: expected 400, got 200\ncurl -X GET 'http://localhost/x' -H 'Authorization: Bearer [REDACTED]'`,
            location: 'flows-actions.md#get-query-params',
          },
        ]
      : [],
    durationMs: 5,
    ...(outcome === 'skipped' ? { skipReason: 'no user token' } : {}),
    ...overrides,
  };
}

/** The summary the engine would compute for these results. */
export function summaryOf(results: readonly CaseResult[], overrides: Partial<RunSummary> = {}): RunSummary {
  const count = (outcome: CaseResult['outcome']) =>
    results.filter((result) => result.outcome === outcome).length;
  return {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    warnings: count('warning'),
    skipped: count('skipped'),
    expectedFailures: results.filter((result) => result.expectedFailure).length,
    staleExpectations: [],
    durationMs: results.reduce((sum, result) => sum + result.durationMs, 0),
    target: 'http://localhost:3030',
    strict: false,
    startedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function runReport(results: readonly CaseResult[], overrides: Partial<RunSummary> = {}): RunReport {
  return { summary: summaryOf(results, overrides), results };
}

/** One passing case per reference row of every action: full coverage. */
export function fullyCoveredResults(): CaseResult[] {
  return ACTIONS.flatMap((action) =>
    referenceRows(action).map((row) =>
      caseResult(`covers ${row.id}`, { action: action.id as ActionId, covers: [row.id] }),
    ),
  );
}

/** A small run with one of each outcome. */
export function mixedReport(overrides: Partial<RunSummary> = {}): RunReport {
  return runReport(
    [
      caseResult('GET flows: sortDirection=desc reverses the order', {
        covers: ['flows.get query sortDirection'],
      }),
      caseResult('GET flows: sortField=bogus is 400', {
        outcome: 'failed',
        covers: ['flows.get query sortField', 'flows.get status 400'],
      }),
      caseResult('GET flows: names sort case-insensitively', {
        outcome: 'warning',
        decision: 'sorting',
        covers: ['flows.get query sortField'],
      }),
      caseResult('GET flows: all.User token is accepted', {
        outcome: 'skipped',
        aspect: 'auth',
        covers: ['flows.get scope all.User'],
      }),
      caseResult('POST flows: example body is 201', {
        action: 'flows.post',
        aspect: 'body',
        covers: ['flows.post requestBody', 'flows.post status 201', 'flows.post responseBody 201'],
      }),
    ],
    overrides,
  );
}

export const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'flows-reports-'));
