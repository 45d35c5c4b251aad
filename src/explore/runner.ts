import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { CaseResult, Failure, RunReport } from '../engine/results';
import { startGeneratedRun, type GeneratedRunRefused } from '../engine/generated-run';
import { excerpt } from '../http/curl';
import type { Level } from '../model/results';
import type { RuleCode } from '../model/rules';
import type { TargetConfig } from '../target/config';
import { Interrupted, interruptionOf } from '../http/interruptible-transport';
import type { CleanUpOutcome } from '../target/run-flows';
import type { TargetSessionOptions } from '../target/session';
import { runCredentials } from './credentials';
import { stepSpec } from './draws';
import { replayScript } from './script';
import { ModelDisagrees, runSequence, stepCommand, type SequenceWorld } from './sequence';

export interface ExploreOptions extends TargetSessionOptions {
  readonly config: TargetConfig;
  /** Sequences (default 100), unless `durationMs` is given. */
  readonly runs?: number;
  readonly durationMs?: number;
  readonly seed?: number;
  readonly path?: string;
  /** Steps of a sequence at most. */
  readonly maxSteps?: number;
}

/** A difference as fast-check left it: the shrunk sequence, its script and how to replay it. */
export interface ExploreFinding {
  readonly level: Level;
  readonly rule: RuleCode;
  readonly pointer: string;
  readonly message: string;
  readonly steps: number;
  readonly script: string;
  readonly seed: number;
  readonly path: string;
}

export interface ExploreOutcome {
  readonly finding?: ExploreFinding;
  readonly report: RunReport;
  readonly secrets: string[];
  readonly seed: number;
  readonly sequences: number;
  readonly requests: number;
  readonly startError?: string;
  /** The start error is that the target did not answer (exit code 3). */
  readonly startUnreachable?: boolean;
}

export const DEFAULT_RUNS = 200;
export const DEFAULT_MAX_STEPS = 25;
const CASE_ID = 'explore: sequences of Posts, Imports and Gets agree with the model of the reference';
/** A run without --duration still ends. */
const TIME_LIMIT_MS = 10 * 60_000;

const sequences = (maxSteps: number) =>
  fc.commands([stepSpec.map(stepCommand)], { maxCommands: maxSteps, size: 'max' });

async function explorePhase(world: SequenceWorld, options: ExploreOptions, seed: number, deadline: number) {
  let failing: ModelDisagrees | undefined;
  const property = fc.asyncProperty(sequences(options.maxSteps ?? DEFAULT_MAX_STEPS), async (commands) => {
    try {
      await runSequence(world, commands);
    } catch (error) {
      if (error instanceof ModelDisagrees) failing = error;
      throw error;
    }
  });
  const details = await fc.check(property, {
    seed,
    ...(options.path !== undefined && { path: options.path, endOnFailure: true }),
    numRuns: options.durationMs === undefined ? (options.runs ?? DEFAULT_RUNS) : 1_000_000,
    interruptAfterTimeLimit: Math.max(deadline - Date.now(), 1_000),
    markInterruptAsFailure: false,
  });
  return { details, failing };
}

function failureOf(finding: ExploreFinding, strict: boolean, location: string): Failure {
  return {
    check: `explore:${finding.rule}`,
    rule: finding.rule,
    pointer: finding.pointer,
    caseId: CASE_ID,
    level: strict ? 'MUST' : finding.level,
    message: `${finding.message} (at ${finding.pointer || 'the status'}) — shrunk to ${finding.steps} steps — replay: --seed ${finding.seed} --path ${finding.path}`,
    location,
    request: finding.script,
  };
}

/**
 * An explore run: credentials, sequences within the bounds (any difference fails one; after a SHOULD one,
 * new draws where only MUST ones do), clean-up, the report.
 */
export async function runExplore(options: ExploreOptions): Promise<ExploreOutcome> {
  const { config } = options;
  const start = await startGeneratedRun(options, 'flows-conformance explore');
  const { seed, summaryOf, session } = start;
  if (!session) return { ...(start.refused as GeneratedRunRefused), sequences: 0, requests: 0 };
  const { target, prefix } = session;
  let counter = 0;
  const world: SequenceWorld = {
    transport: session.transport,
    target: {
      credentials: await runCredentials(target.tokens, target.otherApplicationId !== undefined),
      applicationIds: {
        own: target.applicationId,
        other: target.otherApplicationId,
        foreign: target.foreignApplicationId,
        unknown: randomBytes(12).toString('hex'),
        malformed: 'not-an-application-id',
      },
    },
    failOnShould: true,
    nextPrefix: () => `${prefix}${(counter++).toString(36)}-`,
    requests: 0,
  };
  const deadline = Date.now() + (options.durationMs ?? TIME_LIMIT_MS);
  let outcome: { finding?: ExploreFinding; result: CaseResult; sequences: number };
  let cleanUp: CleanUpOutcome = { removed: 0, left: [] };
  try {
    let phase = await explorePhase(world, options, seed, deadline);
    let sequencesRun = phase.details.numRuns;
    if (
      phase.failing?.difference.level === 'SHOULD' &&
      !config.strict &&
      options.path === undefined &&
      !options.signal?.aborted
    ) {
      // A SHOULD difference came first: new draws failing on MUST ones only, so that none hides behind it.
      world.failOnShould = false;
      const mustOnly = await explorePhase(world, options, seed + 1, deadline);
      sequencesRun += mustOnly.details.numRuns;
      if (mustOnly.details.failed) phase = mustOnly;
    }
    const { details, failing } = phase;
    const finding: ExploreFinding | undefined =
      details.failed && failing
        ? {
            level: failing.difference.level,
            rule: failing.difference.rule,
            pointer: failing.difference.pointer,
            message: failing.difference.message,
            steps: failing.exchanges.length,
            script: replayScript(target.transport.baseUrl, failing.exchanges),
            seed: details.seed,
            path: details.counterexamplePath ?? '',
          }
        : undefined;
    const stopped = details.errorInstance instanceof Interrupted ? details.errorInstance : undefined;
    const crash = details.failed && !failing && !stopped ? String(details.errorInstance) : undefined;
    const result: CaseResult = {
      id: CASE_ID,
      action: 'flows.get',
      aspect: 'fuzz',
      level: 'MUST',
      covers: [],
      outcome: finding
        ? finding.level === 'MUST' || config.strict
          ? 'failed'
          : 'warning'
        : crash
          ? 'failed'
          : details.numRuns === 0 || stopped
            ? 'skipped'
            : 'passed',
      ...(details.numRuns === 0 && !details.failed && { skipReason: 'no sequence ran within --duration' }),
      ...(stopped && { skipReason: `${stopped.reason} after ${details.numRuns} sequences` }),
      failures: finding
        ? [failureOf(finding, config.strict, failing?.difference.location ?? '')]
        : crash
          ? [
              {
                check: 'explore:crash',
                caseId: CASE_ID,
                level: 'MUST',
                message: excerpt(crash, 2000),
                location: 'flows-conformance explore',
              },
            ]
          : [],
      durationMs: start.elapsedMs(),
    };
    outcome = { finding, result, sequences: sequencesRun };
  } finally {
    cleanUp = await session.close({ keepData: !config.cleanup });
  }
  const summary = {
    ...summaryOf(target.label, [outcome.result]),
    ...(options.signal?.aborted && { interrupted: interruptionOf(options.signal) }),
    ...(cleanUp.left.length > 0 && { leftFlows: { prefix, flows: cleanUp.left } }),
  };
  return {
    finding: outcome.finding,
    report: { summary, results: [outcome.result] },
    secrets: session.secrets(),
    seed,
    sequences: outcome.sequences,
    requests: world.requests,
  };
}
