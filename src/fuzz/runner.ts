import fc from 'fast-check';
import { actionById, pathFor } from '../../specs/catalog';
import { FLOW_CLASSES } from '../../specs/catalog';
import type { CaseResult, Failure, RunReport } from '../engine/results';
import { startGeneratedRun, type GeneratedRunRefused } from '../engine/generated-run';
import { grepFilter, mapConcurrent } from '../engine/selection';
import { excerpt, shellQuote } from '../http/curl';
import { isRecord } from '../model/json';
import type { TargetConfig } from '../target/config';
import type { CleanUpOutcome } from '../target/run-flows';
import type { TargetSessionOptions } from '../target/session';
import { exchange, requestFor, RuleBroken, shown, type Wire } from './exchange';
import { linkedBundle, underPrefix } from './own-data';
import { fuzzProperties, type FuzzProperty, type PropertyContext } from './properties';
import { validValues } from './schema-arbitrary';
import { emptySeed, poolsOf, recordAnswer, type SeedFacts } from './seed-data';
import { Interrupted, interruptionOf } from '../http/interruptible-transport';

export interface FuzzBounds {
  /** Inputs per property (default 100), unless `durationMs` is given. */
  readonly runs?: number;
  /** Wall time of the whole run: each property runs until then. */
  readonly durationMs?: number;
  /** fast-check's seed (default: random); printed, so that a run can be replayed. */
  readonly seed?: number;
  /** With `seed`: replays fast-check's path of one failure (`--grep` the property). */
  readonly path?: string;
}

/** `signal`: aborting it stops sending; properties under way end as skipped, and the clean-up runs. */
export interface FuzzOptions extends TargetSessionOptions, FuzzBounds {
  readonly config: TargetConfig;
  /** Told as each property ends (a progress display): its result, and how many of how many are done. */
  readonly onPropertyEnd?: (result: CaseResult, done: number, total: number) => void;
}

/** A failure as fast-check left it: the shrunk input and how to replay it. */
export interface FuzzFinding {
  readonly id: string;
  /** The broken rule (`status`, `server-error`, `round-trip`, ...). */
  readonly rule: string;
  readonly counterexample: unknown;
  readonly seed: number;
  readonly path: string;
}

export interface FuzzOutcome {
  readonly findings: readonly FuzzFinding[];
  readonly report: RunReport;
  readonly secrets: string[];
  readonly seed: number;
  /** Generated inputs that were sent (shrinking not counted). */
  readonly inputs: number;
  readonly startError?: string;
  /** The start error is that the target did not answer (exit code 3). */
  readonly startUnreachable?: boolean;
}

export const DEFAULT_RUNS = 100;
/** A run without --duration still ends: no property (shrinking included) runs longer than this. */
const PROPERTY_TIME_LIMIT_MS = 10 * 60_000;
const SEED_POSTS = 12;
/** A property held back past the deadline still gets this long (its first inputs). */
const MIN_SHARE_MS = 1_000;
const SEED_IMPORTS = 3;
/** Seeded flows are small: every Get answer holds them, and their content is the Post property's business. */
const SEED_BODY_CHARACTERS = 8_192;
/** Printed counterexamples are cut to this many characters (the curl repro holds the whole request). */
const SHOWN_COUNTEREXAMPLE = 2_000;

/** The flows the Get properties read: Posts and Imports generated from the schemas, under the seed prefix. */
async function seedData(wire: Wire, seedPrefix: string, seed: number) {
  const facts = emptySeed();
  const post = actionById('flows.post');
  const small = (value: unknown) => JSON.stringify(value).length <= SEED_BODY_CHARACTERS;
  const bodies = fc.sample(validValues('workflowPost').filter(small), { seed, numRuns: SEED_POSTS });
  const bundles = fc.sample(validValues('workflowImport').filter(small), {
    seed: seed + 1,
    numRuns: SEED_IMPORTS,
  });
  for (const [index, body] of bodies.entries()) {
    const seen = await exchange(
      wire,
      requestFor(
        wire,
        pathFor(post, { APPLICATION_ID: wire.applicationId }),
        '',
        underPrefix(`${seedPrefix}${index}-`, body),
      ),
    );
    if (seen.response.status === 201 && seen.response.json.ok && isRecord(seen.response.json.value)) {
      recordAnswer(facts, [seen.response.json.value]);
    }
  }
  const importAction = actionById('flows.import');
  for (const [index, bundle] of bundles.entries()) {
    const seen = await exchange(
      wire,
      requestFor(
        wire,
        pathFor(importAction, { APPLICATION_ID: wire.applicationId }),
        '',
        linkedBundle(`${seedPrefix}i${index}-`, bundle),
      ),
    );
    const body = seen.response.json.ok ? seen.response.json.value : undefined;
    if (seen.response.status === 201 && isRecord(body) && Array.isArray(body.flows)) {
      recordAnswer(facts, body.flows, Array.isArray(body.flowVersions) ? body.flowVersions : []);
    }
  }
  return facts;
}

function failureOf(property: FuzzProperty, details: fc.RunDetails<[unknown]>, baseUrl: string): Failure {
  const error = details.errorInstance;
  const broken = error instanceof RuleBroken ? error : undefined;
  const input = excerpt(JSON.stringify(details.counterexample?.[0]) ?? 'undefined', SHOWN_COUNTEREXAMPLE);
  return {
    check: `fuzz:${broken?.rule ?? 'crash'}`,
    ...(broken && { rule: broken.rule }),
    ...(broken?.pointer !== undefined && { pointer: broken.pointer }),
    caseId: property.id,
    level: 'MUST',
    message: broken?.problem ?? String(error),
    location: broken?.location ?? 'the fuzz property',
    expected: broken?.expected,
    input: `${input} (shrunk ${details.numShrinks} times)`,
    replay: replayFlags(details.seed, details.counterexamplePath ?? '', property.id),
    ...shown(baseUrl, broken?.exchange),
  };
}

/** `--seed 42 --path 3:0:1 --grep '^POST flows: fuzz: …$'`: what replays one property's failure. */
export function replayFlags(seed: number, path: string, id: string): string {
  const grep = `^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  return `--seed ${seed} --path ${path} --grep ${shellQuote(grep)}`;
}

/** A property the user stopped: skipped with the reason, never a pass or a failure. */
function interruptedResult(
  property: FuzzProperty,
  details: fc.RunDetails<[unknown]>,
  started: number,
): CaseResult {
  return {
    id: property.id,
    action: property.action,
    aspect: 'fuzz',
    level: 'MUST',
    covers: [],
    outcome: 'skipped',
    skipReason: `${(details.errorInstance as Interrupted).reason} after ${details.numRuns} inputs`,
    failures: [],
    durationMs: Math.round(performance.now() - started),
  };
}

async function runProperty(
  property: FuzzProperty,
  bounds: FuzzBounds & { seed: number; deadline?: number; share?: number },
  baseUrl: string,
) {
  const started = performance.now();
  const timeLimit =
    bounds.deadline === undefined || bounds.share === undefined
      ? PROPERTY_TIME_LIMIT_MS
      : Math.max(Math.min(bounds.share, bounds.deadline - Date.now()), MIN_SHARE_MS);
  const details = await fc.check(fc.asyncProperty(property.arbitrary, property.check), {
    seed: bounds.seed,
    ...(bounds.path !== undefined && { path: bounds.path, endOnFailure: true }),
    numRuns: bounds.durationMs === undefined ? (bounds.runs ?? DEFAULT_RUNS) : 1_000_000,
    interruptAfterTimeLimit: timeLimit,
    markInterruptAsFailure: false,
  });
  if (details.errorInstance instanceof Interrupted)
    return { result: interruptedResult(property, details, started), inputs: details.numRuns };
  const result: CaseResult = {
    id: property.id,
    action: property.action,
    aspect: 'fuzz',
    level: 'MUST',
    covers: [],
    // Interrupted before its first input (its time share gone): skipped, never a pass or a failure.
    outcome: details.numRuns === 0 ? 'skipped' : details.failed ? 'failed' : 'passed',
    ...(details.numRuns === 0 && { skipReason: 'no input ran within --duration' }),
    failures: details.failed && details.numRuns > 0 ? [failureOf(property, details, baseUrl)] : [],
    durationMs: Math.round(performance.now() - started),
  };
  const finding: FuzzFinding | undefined =
    details.failed && details.numRuns > 0
      ? {
          id: property.id,
          rule: details.errorInstance instanceof RuleBroken ? details.errorInstance.rule : 'crash',
          counterexample: details.counterexample?.[0],
          seed: details.seed,
          path: details.counterexamplePath ?? '',
        }
      : undefined;
  return { result, inputs: details.numRuns, finding };
}

/** Every selected property, each within its share of the bounds. */
function runProperties(
  wire: Wire,
  options: FuzzOptions & { seed: number; prefix: string; seedPrefix: string; facts: SeedFacts },
) {
  const { config, seed, prefix, seedPrefix, facts } = options;
  const context: PropertyContext = {
    wire,
    seedPrefix,
    seed: facts,
    pools: poolsOf(facts),
    namespace: (tag) => `${prefix}${tag}-`,
    flowClasses: FLOW_CLASSES,
    seenIds: new Set([...facts.flows.keys(), ...facts.versionTriggers.keys()]),
  };
  const selected = fuzzProperties(context).filter(grepFilter(config.grep));
  const deadline = options.durationMs === undefined ? undefined : Date.now() + options.durationMs;
  // With --duration, each property gets its share of the time, so that those --concurrency holds back
  // still run: duration × (properties at once) / properties.
  const share =
    options.durationMs === undefined
      ? undefined
      : (options.durationMs * Math.min(config.concurrency, selected.length)) / Math.max(selected.length, 1);
  let done = 0;
  return mapConcurrent(selected, config.concurrency, async (property) => {
    const outcome = await runProperty(
      property,
      { ...options, seed, deadline, share },
      wire.transport.baseUrl,
    );
    options.onPropertyEnd?.(outcome.result, ++done, selected.length);
    return outcome;
  });
}

/** A fuzz run: seed data, every selected property within its bounds, clean-up, the report. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzOutcome> {
  const { config } = options;
  const start = await startGeneratedRun(options, 'flows-conformance fuzz');
  const { seed, summaryOf, session } = start;
  if (!session) return { ...(start.refused as GeneratedRunRefused), findings: [], inputs: 0 };
  const { target, prefix } = session;
  const wire: Wire = {
    transport: session.transport,
    token: session.principal,
    applicationId: target.applicationId,
  };
  const seedPrefix = `${prefix}s-`;
  let outcomes: Awaited<ReturnType<typeof runProperty>>[] = [];
  let cleanUp: CleanUpOutcome = { removed: 0, left: [] };
  try {
    const facts = await seedData(wire, seedPrefix, seed).catch((error: unknown) => {
      if (error instanceof Interrupted) return undefined;
      throw error;
    });
    if (facts !== undefined)
      outcomes = await runProperties(wire, { ...options, seed, prefix, seedPrefix, facts });
  } finally {
    cleanUp = await session.close({ keepData: !config.cleanup });
  }
  const results = outcomes.map((outcome) => outcome.result);
  const summary = {
    ...summaryOf(target.label, results),
    ...(options.signal?.aborted && { interrupted: interruptionOf(options.signal) }),
  };
  return {
    report: {
      summary: cleanUp.left.length > 0 ? { ...summary, leftFlows: { prefix, flows: cleanUp.left } } : summary,
      results,
    },
    findings: outcomes.flatMap((outcome) => (outcome.finding ? [outcome.finding] : [])),
    secrets: session.secrets(),
    seed,
    inputs: outcomes.reduce((sum, outcome) => sum + outcome.inputs, 0),
  };
}
