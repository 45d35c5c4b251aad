import { randomBytes } from 'node:crypto';
import type { TargetConfig } from '../target/config';
import { TargetUnusable } from '../target/preflight';
import {
  givenSecrets,
  openTargetSession,
  type TargetSession,
  type TargetSessionOptions,
} from '../target/session';
import type { CaseResult, RunReport, RunSummary } from './results';
import { summarize } from './runner';

/** What `fuzz` and `explore` return when the target cannot be used: the report says why, nothing ran. */
export interface GeneratedRunRefused {
  readonly report: RunReport;
  readonly secrets: string[];
  readonly seed: number;
  readonly startError: string;
  /** The target did not answer (exit code 3), rather than refused the run (2). */
  readonly startUnreachable: boolean;
}

/** The start of a run whose inputs are drawn (`fuzz`, `explore`): its seed, its summary, its session. */
export interface GeneratedRunStart {
  readonly seed: number;
  summaryOf(target: string, results: CaseResult[]): RunSummary;
  /** Milliseconds since the run started. */
  elapsedMs(): number;
  /** Set when the target can be used; else `refused` says why. */
  readonly session?: TargetSession;
  readonly refused?: GeneratedRunRefused;
}

/** Picks the seed (fast-check's, printed for a replay), opens the target session, and times the run. */
export async function startGeneratedRun(
  options: TargetSessionOptions & { readonly config: TargetConfig; readonly seed?: number },
  label: string,
): Promise<GeneratedRunStart> {
  const { config } = options;
  const seed = options.seed ?? randomBytes(4).readUInt32BE() >>> 1;
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);
  const summaryOf = (target: string, results: CaseResult[], aborted?: string) =>
    summarize(results, {
      durationMs: elapsedMs(),
      target,
      strict: config.strict,
      startedAt,
      aborted,
      staleExpectations: [],
    });
  try {
    const session = await openTargetSession(config, { ...options, label });
    return { seed, summaryOf, elapsedMs, session };
  } catch (error) {
    if (!(error instanceof TargetUnusable)) throw error;
    return {
      seed,
      summaryOf,
      elapsedMs,
      refused: {
        report: { summary: summaryOf(config.baseUrl ?? 'embedded mock', [], error.message), results: [] },
        secrets: givenSecrets(config),
        seed,
        startError: error.message,
        startUnreachable: error.unreachable,
      },
    };
  }
}
