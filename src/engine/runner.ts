import { EXIT_CODES } from '../errors';
import { givenSecrets } from '../target/session';
import type { TargetConfig } from '../target/config';
import type { ConnectOptions } from '../target/connect';
import type { ConformanceCase } from './case';
import { applyExpectations, isListed, loadExpectations, type Expectations } from './expectations';
import type { CaseResult, RunEvent, RunReport, RunSummary } from './results';
import { mapConcurrent, selectCases } from './selection';
import { notRunResult } from './run-case';
import { interruptionOf } from '../http/interruptible-transport';
import type { CleanUpOutcome } from '../target/run-flows';
import { openSession, StartError, type Session } from './session';

export interface RunOptions extends ConnectOptions {
  readonly config: TargetConfig;
  readonly cases: readonly ConformanceCase[];
  /** Aborting it stops the run: cases not yet started are skipped, and the clean-up runs. */
  readonly signal?: AbortSignal;
  /** The run's name prefix (default: a fresh one), so that a caller can name it before the run ends. */
  readonly prefix?: string;
  /** Each gets every event; they never decide pass or fail. */
  readonly listeners?: readonly ((event: RunEvent) => void)[];
}

export function summarize(
  results: readonly CaseResult[],
  fields: Pick<
    RunSummary,
    | 'durationMs'
    | 'target'
    | 'strict'
    | 'shard'
    | 'startedAt'
    | 'aborted'
    | 'staleExpectations'
    | 'keptDataPrefix'
    | 'leftFlows'
    | 'interrupted'
  >,
): RunSummary {
  const count = (predicate: (result: CaseResult) => boolean) => results.filter(predicate).length;
  return {
    total: results.length,
    passed: count((result) => result.outcome === 'passed'),
    failed: count((result) => result.outcome === 'failed' && !result.expectedFailure),
    warnings: count((result) => result.outcome === 'warning' && !result.expectedFailure),
    skipped: count((result) => result.outcome === 'skipped'),
    expectedFailures: count((result) => result.expectedFailure === true),
    ...fields,
  };
}

/**
 * 0: every MUST check passed (every SHOULD too with --strict); 1: failures or stale expectations;
 * 3: the target stopped answering mid-run (the failures that follow say nothing of the contract).
 */
export const exitCodeOf = (report: RunReport): 0 | 1 | 3 => {
  if (report.summary.aborted) return EXIT_CODES.unreachable;
  return report.summary.failed > 0 || report.summary.staleExpectations.length > 0 ? 1 : 0;
};

/**
 * Why a run tells nothing, when every case it selected was skipped (the run then fails), or undefined.
 * The set-up cases `--grep` brought in do not count, unless they are all there is.
 */
export function everyCaseSkipped(report: RunReport): string | undefined {
  const selected = report.results.filter((result) => result.aspect !== 'setup');
  const results = selected.length > 0 ? selected : report.results;
  if (results.length === 0 || results.some((result) => result.outcome !== 'skipped')) return undefined;
  const reasons = [...new Set(results.map((result) => result.skipReason ?? 'no reason given'))];
  const shown =
    reasons.slice(0, 3).join('; ') + (reasons.length > 3 ? `; and ${reasons.length - 3} more` : '');
  return `every selected case (${results.length}) was skipped, so the run shows nothing: ${shown}`;
}

/**
 * One run: open the target (StartError if it cannot start), run the selected cases concurrently,
 * clean up, and return the report. Events go to the listeners as they happen.
 */
export async function runConformance(options: RunOptions): Promise<RunReport> {
  return (await runConformanceWithSecrets(options)).report;
}

/** A run and the secrets it handled (given and minted tokens), for the reporters to scrub. */
export interface RunOutcome {
  readonly report: RunReport;
  readonly secrets: string[];
  /** Set when the run could not start (exit code 2); the report then fails every selected case with it. */
  readonly startError?: string;
  /** The start error is that the target did not answer (exit code 3), not that it refused the run (2). */
  readonly startUnreachable?: boolean;
}

export async function runConformanceWithSecrets(options: RunOptions): Promise<RunOutcome> {
  const { config } = options;
  const emit = (event: RunEvent) => options.listeners?.forEach((listener) => listener(event));
  const expectations: Expectations = config.expectations ? loadExpectations(config.expectations) : new Map();
  const selected = selectCases(options.cases, config);
  const startedAt = new Date().toISOString();
  const started = performance.now();
  let session: Session;
  try {
    session = await openSession(config, { ...options, prefix: options.prefix });
  } catch (error) {
    if (!(error instanceof StartError)) throw error;
    const results = selected.map((testCase) => notRunResult(testCase, error.message));
    const summary = summarize(results, {
      durationMs: Math.round(performance.now() - started),
      target: config.baseUrl ?? 'embedded mock',
      strict: config.strict,
      shard: config.shard,
      startedAt,
      aborted: error.message,
      staleExpectations: [],
    });
    // No run started, so no events: the caller prints the one-line start error and writes the report.
    return {
      report: { summary, results },
      secrets: givenSecrets(config),
      startError: error.message,
      startUnreachable: error.unreachable,
    };
  }
  emit({ type: 'run:start', target: session.target.label, caseCount: selected.length });
  const interrupt = () => {
    if (options.signal) session.abort.interrupted = interruptionOf(options.signal);
  };
  if (options.signal?.aborted) interrupt();
  options.signal?.addEventListener('abort', interrupt, { once: true });
  let results: CaseResult[];
  let cleanUp: CleanUpOutcome = { removed: 0, left: [] };
  try {
    results = await mapConcurrent(selected, config.concurrency, async (testCase) => {
      const result = await session.runCase(testCase);
      const marked =
        isListed(expectations, result) && (result.outcome === 'failed' || result.outcome === 'warning');
      emit({ type: 'case:end', result: marked ? { ...result, expectedFailure: true } : result });
      return result;
    });
  } finally {
    options.signal?.removeEventListener('abort', interrupt);
    cleanUp = await session.close({ keepData: !config.cleanup });
  }
  const known = new Set(options.cases.flatMap((item) => [item.id, item.key]));
  const applied = applyExpectations(results, expectations, known);
  const summary = summarize(applied.results, {
    durationMs: Math.round(performance.now() - started),
    target: session.target.label,
    strict: config.strict,
    shard: config.shard,
    startedAt,
    aborted: session.abort.reason,
    interrupted: session.abort.interrupted,
    keptDataPrefix: config.cleanup ? undefined : session.prefix,
    leftFlows: cleanUp.left.length > 0 ? { prefix: session.prefix, flows: cleanUp.left } : undefined,
    staleExpectations: applied.stale,
  });
  const report: RunReport = { summary, results: applied.results };
  emit({ type: 'run:end', report });
  return { report, secrets: session.secrets() };
}
