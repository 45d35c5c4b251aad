import { runCheck, type CheckContext, type Exchange } from '../checks';
import { toCurl } from '../http/curl';
import { redactSecrets } from '../http/redact';
import { TransportError, type HttpRequest, type Transport } from '../http/transport';
import { TokenUnavailable, type TokenProvider } from '../target/credentials';
import type { ConformanceCase } from './case';
import type { DataFacts } from '../model/data-facts';
import { buildRequest } from './request';
import { missingPiece, undecidable } from './needs';
import type { CaseResult, Failure, Outcome } from './results';
import { casePrefix, expandText } from './template';

/** Shared by the cases of one run: once the target stops answering, the rest fail at once. */
export interface AbortState {
  consecutiveTransportErrors: number;
  /** The target stopped answering: the rest fail, and nothing more is sent (clean-up included). */
  reason?: string;
  /** The user stopped the run (SIGINT, SIGTERM): the rest are not run, and the clean-up still runs. */
  interrupted?: string;
}

/** A run gives up on the target after this many transport errors in a row. */
export const ABORT_AFTER_TRANSPORT_ERRORS = 3;

export interface CaseEnvironment {
  readonly transport: Transport;
  readonly tokens: TokenProvider;
  readonly applicationId: string;
  readonly foreignApplicationId?: string;
  readonly data: DataFacts;
  readonly strict: boolean;
  readonly abort: AbortState;
}

export function outcomeOf(failures: readonly Failure[], strict: boolean): Outcome {
  if (failures.some((failure) => failure.level === 'MUST')) return 'failed';
  if (failures.length > 0) return strict ? 'failed' : 'warning';
  return 'passed';
}

function result(
  testCase: ConformanceCase,
  started: number,
  fields: Pick<CaseResult, 'outcome' | 'failures'> & { skipReason?: string },
): CaseResult {
  return {
    id: testCase.id,
    key: testCase.key,
    action: testCase.action,
    aspect: testCase.aspect,
    level: testCase.level,
    decision: testCase.decision,
    covers: testCase.covers,
    durationMs: Math.round(performance.now() - started),
    ...fields,
  };
}

const engineFailure = (
  testCase: ConformanceCase,
  check: string,
  message: string,
  request?: string,
): Failure => ({
  ...(request !== undefined && { request }),
  check,
  caseId: testCase.id,
  level: 'MUST',
  message,
  location: 'the target',
});

/** The result of a case that could not run at all (the run could not start): a MUST failure. */
export const notRunResult = (testCase: ConformanceCase, reason: string): CaseResult =>
  result(testCase, performance.now(), {
    outcome: 'failed',
    failures: [engineFailure(testCase, 'start', `not run: ${reason}`)],
  });

/** Every text field of a failure with the run's secrets redacted. */
const redactFailure = (failure: Failure, secrets: readonly string[]): Failure => ({
  ...failure,
  message: redactSecrets(failure.message, secrets),
  ...(failure.expected !== undefined && { expected: redactSecrets(failure.expected, secrets) }),
  ...(failure.actual !== undefined && { actual: redactSecrets(failure.actual, secrets) }),
  ...(failure.request !== undefined && { request: redactSecrets(failure.request, secrets) }),
});

/** Each check of the case; one that throws is a failure carrying its message, never a crash of the run. */
function runChecksSafely(context: CheckContext): Failure[] {
  return context.testCase.checks.flatMap((ref): readonly Failure[] => {
    try {
      return runCheck(context, ref);
    } catch (error) {
      return [
        {
          check: ref.check,
          caseId: context.testCase.id,
          level: 'MUST',
          message: `the check ${ref.check} could not judge the answer: ${(error as Error).message}`,
          location: 'the check',
        },
      ];
    }
  });
}

/** Sends the case's requests in order, then runs its checks; never throws. */
export async function runCase(testCase: ConformanceCase, env: CaseEnvironment): Promise<CaseResult> {
  const started = performance.now();
  const skipped = (skipReason: string) =>
    result(testCase, started, { outcome: 'skipped', failures: [], skipReason });
  const failed = (check: string, message: string, request?: HttpRequest | string) =>
    result(testCase, started, {
      outcome: 'failed',
      failures: [
        redactFailure(
          engineFailure(
            testCase,
            check,
            message,
            typeof request === 'object' ? toCurl(env.transport.baseUrl, request) : request,
          ),
          env.tokens.secrets(),
        ),
      ],
    });
  if (env.abort.reason) return failed('transport', `not run: ${env.abort.reason}`);
  if (env.abort.interrupted) return skipped(`not run: ${env.abort.interrupted}`);
  if (testCase.setup) {
    const state = env.data.pieces[testCase.setup];
    if (state.state === 'ready') return result(testCase, started, { outcome: 'passed', failures: [] });
    if (state.state === 'unavailable') return skipped(state.reason);
    return failed('dataSet', state.reason, state.request);
  }
  const missing = missingPiece(testCase, env.data) ?? undecidable(testCase, env.data);
  if (missing) return skipped(missing);
  const placeholders: Record<string, string> = {
    ...env.data.prefixes,
    case: casePrefix(env.data.prefixes.run, testCase.id),
    application: env.applicationId,
  };
  for (const flow of [
    ...env.data.flows,
    ...env.data.versionFlows,
    ...env.data.crossFlows,
    ...env.data.foreignFlows,
  ])
    placeholders[`id:${flow.key}`] = flow.id;
  const exchanges: Exchange[] = [];
  for (const spec of testCase.requests) {
    let request: HttpRequest | undefined;
    try {
      request = await buildRequest(spec, {
        testCase,
        applicationId: env.applicationId,
        foreignApplicationId: env.foreignApplicationId,
        placeholders,
        tokens: env.tokens,
      });
      const sentAt = Date.now();
      const response = await env.transport.send(request);
      env.abort.consecutiveTransportErrors = 0;
      exchanges.push({ request, response, sentAt });
    } catch (error) {
      if (error instanceof TokenUnavailable) return skipped(error.message);
      if (!(error instanceof TransportError))
        return failed('engine', `the case could not run: ${(error as Error).message}`);
      // A body over the cap was an answer: the target is alive. (A 429 storm counts, so that it ends soon.)
      const answered = error.kind === 'too-large';
      const reason =
        answered || error.kind === 'throttled'
          ? error.message
          : `the target did not answer: ${error.message}`;
      if (answered) env.abort.consecutiveTransportErrors = 0;
      else if (++env.abort.consecutiveTransportErrors >= ABORT_AFTER_TRANSPORT_ERRORS)
        env.abort.reason ??= reason;
      return failed('transport', reason, request);
    }
  }
  const context = {
    testCase,
    exchanges,
    baseUrl: env.transport.baseUrl,
    data: env.data,
    expand: (text: string) => expandText(text, placeholders),
  };
  const secrets = env.tokens.secrets();
  const failures = runChecksSafely(context).map((failure) => redactFailure(failure, secrets));
  return result(testCase, started, { outcome: outcomeOf(failures, env.strict), failures });
}
