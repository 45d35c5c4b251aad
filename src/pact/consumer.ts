import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathFor, pathValuesByKey, providerStateTemplate } from '../../specs/catalog';
import { PACT_DUMMY_TOKEN } from '../../specs/catalog/provider-states';
import { FlowsApiError, FlowsClient } from '../client';
import { callThroughClient } from './client-calls';
import type { PactCase } from './interactions';
import { ANSWER_KEYS } from '../../specs/catalog';
import { matcherFor } from './schema-matchers';

import { pactFileName, type PactNames } from './defaults';

export {
  DEFAULT_CONSUMER,
  DEFAULT_PACT_DIR,
  DEFAULT_PROVIDER,
  pactFileName,
  type PactNames,
} from './defaults';

/** Any bearer token; the example is a dummy, so no real credential ever enters a pact. */
export const AUTHORIZATION_MATCHER = MatchersV3.regex('^Bearer \\S+$', `Bearer ${PACT_DUMMY_TOKEN}`);

/** What the typed client gave back: a typed result, or the refusal it threw. */
export type ClientOutcome = { readonly result: unknown } | { readonly refusal: FlowsApiError };

/**
 * The path with its parameters injected from the provider states (the application id), so a real
 * server's ids fit; a value the case sends on purpose (`literalPath`) stays as it is.
 */
function pathMatcher(pactCase: PactCase) {
  const stateParams = Object.assign({}, ...pactCase.states.map((state) => state.params)) as Record<
    string,
    string
  >;
  const literal = pactCase.literalPath ?? {};
  return MatchersV3.fromProviderState(
    providerStateTemplate(pactCase.action, literal),
    pathFor(pactCase.action, { ...pathValuesByKey(pactCase.action, stateParams), ...literal }),
  );
}

const MATCH_RECORDING_GRACE_MS = 25;

/** Registers one interaction on the pact and drives it through the typed client. */
export async function runPactCase(pact: PactV4, pactCase: PactCase): Promise<ClientOutcome> {
  let interaction = pact.addInteraction();
  for (const state of pactCase.states) interaction = interaction.given(state.name, { ...state.params });
  const outcome = await interaction
    .uponReceiving(pactCase.description)
    .withRequest(pactCase.action.method, pathMatcher(pactCase), (request) => {
      request.headers({ Accept: 'application/json', Authorization: AUTHORIZATION_MATCHER });
      if (pactCase.query.length > 0) request.query(Object.fromEntries(pactCase.query));
      if (pactCase.requestBody !== undefined) request.jsonBody(pactCase.requestBody);
    })
    .willRespondWith(pactCase.status, (response) =>
      response.jsonBody(matcherFor(pactCase.responseSchema, pactCase.responseExample)),
    )
    .executeTest(async (mockServer): Promise<ClientOutcome> => {
      const client = new FlowsClient({ baseUrl: mockServer.url, token: PACT_DUMMY_TOKEN });
      try {
        return { result: await callThroughClient(client, pactCase) };
      } catch (error) {
        if (error instanceof FlowsApiError) return { refusal: error };
        throw error;
      } finally {
        // The Rust mock server records a match on its own task after answering; give it a moment,
        // or pact-js may read "expected but not received" for a request that was served
        // (a known race of the Rust mock server: pact-foundation/pact-js#1835). pact-js 17 reads the
        // matches itself after this callback and exposes no condition to wait on, hence a grace.
        await sleep(MATCH_RECORDING_GRACE_MS); // wait-ok
      }
    });
  if (!outcome) throw new Error(`${pactCase.description}: the interaction gave no outcome`);
  return outcome;
}

/** What the consumer reads, checked on the client's outcome: the expected status, the read keys. */
export function outcomeProblems(pactCase: PactCase, outcome: ClientOutcome): string[] {
  if ('refusal' in outcome) {
    if (pactCase.status < 300)
      return [`expected ${pactCase.status}, the client threw ${outcome.refusal.message}`];
    const problems = outcome.refusal.status === pactCase.status ? [] : [`status ${outcome.refusal.status}`];
    if (typeof outcome.refusal.body?.type !== 'string') problems.push('the Error body has no type');
    return problems;
  }
  if (pactCase.status >= 300) return [`expected a ${pactCase.status} refusal, the client got a result`];
  const body = outcome.result as Record<string, unknown>;
  const reads = ANSWER_KEYS[pactCase.responseSchema] ?? [];
  return reads
    .filter((key) => key in (pactCase.responseExample as object) && !(key in body))
    .map((key) => `no ${key}`);
}

export interface PactRun extends PactNames {
  readonly pactDir: string;
  readonly cases: readonly PactCase[];
}

export interface PactRunResult {
  readonly file: string;
  readonly interactions: number;
  readonly failures: readonly string[];
  readonly durationMs: number;
}

/**
 * Writes the pact file afresh: every case, one interaction each, through the typed client. The file is
 * whole or not there: Pact writes it into a folder of its own beside the target, and it is renamed into
 * place only when every interaction was recorded (a rename within one file system is atomic).
 */
export async function writePacts(run: PactRun): Promise<PactRunResult> {
  const started = Date.now();
  const file = path.join(run.pactDir, pactFileName(run));
  mkdirSync(run.pactDir, { recursive: true });
  const scratch = mkdtempSync(path.join(run.pactDir, '.writing-'));
  try {
    const result = await recordPacts(run, scratch);
    if (result.failures.length === 0) renameSync(path.join(scratch, pactFileName(run)), file);
    return { file, ...result, durationMs: Date.now() - started };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function recordPacts(run: PactRun, dir: string) {
  const pact = new PactV4({
    consumer: run.consumer,
    provider: run.provider,
    dir,
    logLevel: 'error',
  });
  const failures: string[] = [];
  for (const pactCase of run.cases) {
    try {
      const problems = outcomeProblems(pactCase, await runPactCase(pact, pactCase));
      failures.push(...problems.map((problem) => `${pactCase.description}: ${problem}`));
    } catch (error) {
      failures.push(`${pactCase.description}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { interactions: run.cases.length, failures };
}
