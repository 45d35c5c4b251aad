import { ALL_CASES } from '../../specs/cases';
import {
  createMockServer,
  MOCK_APPLICATION_ID,
  MOCK_OTHER_APPLICATION_ID,
  type FaultName,
  type MockServer,
} from '../../src/mock';
import { embeddedMock } from '../../src/mock/embedded';
import { runConformance, runConformanceWithSecrets } from '../../src/engine/runner';
import type { CaseResult, RunEvent, RunReport } from '../../src/engine/results';
import { resolveTargetConfig, type RawTargetConfig } from '../../src/target/config';
import { runCli, type ChildResult } from '../support/cli';

export const ADMIN_TOKEN = 'runner-test-admin-token-0123456789';

/** One whole-suite run against the embedded mock with `faults`, through loopback or in process. */
export const runSuite = (faults: readonly FaultName[], inProcess: boolean, layer: RawTargetConfig = {}) =>
  runConformance({
    config: resolveTargetConfig([{ adminToken: ADMIN_TOKEN, ...layer }]),
    cases: ALL_CASES,
    startEmbedded: embeddedMock({ faults }),
    inProcess,
  });

/** Whole-suite runs shared by the test files of one mocha process (the mutation and fault tests). */
const runs = new Map<string, Promise<RunReport>>();

/**
 * The suite against the embedded mock, possibly with faults, in process (light-my-request, as
 * `npm run mutants` runs it); one run per distinct argument set. test/runner/in-process.test.ts shows a
 * run through a loopback socket gives the same outcomes.
 */
export function runOnMock(faults: FaultName[] = [], layer: RawTargetConfig = {}): Promise<RunReport> {
  const key = JSON.stringify([[...faults].sort(), layer]);
  let run = runs.get(key);
  if (!run) {
    run = runSuite(faults, true, layer);
    runs.set(key, run);
  }
  return run;
}

/** A mock listening on loopback, to be reached as a URL (directly or through a proxy). */
export async function listeningMock(faults: FaultName[] = []): Promise<{ mock: MockServer; url: string }> {
  const mock = await createMockServer({ adminToken: ADMIN_TOKEN, faults });
  return { mock, url: await mock.listen(0, '127.0.0.1') };
}

/**
 * `flows-conformance verify` (the built CLI) against a mock with `faults` listening on loopback, given as
 * `--target` with the admin token in the environment: what a provider's CI runs.
 */
export async function verifyListeningMock(
  faults: FaultName[],
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ChildResult> {
  const { mock, url } = await listeningMock(faults);
  const target = ['--target', url, '--application-id', MOCK_APPLICATION_ID, '--mock-only-tokens'];
  return runCli(['verify', ...target, ...args], {
    FLOWS_CONFORMANCE_ADMIN_TOKEN: ADMIN_TOKEN,
    ...env,
  }).finally(() => mock.close());
}

/** Target options for a URL that is (or fronts) the mock. */
export const urlLayer = (url: string, extra: RawTargetConfig = {}): RawTargetConfig => ({
  baseUrl: url,
  applicationId: MOCK_APPLICATION_ID,
  otherApplicationId: MOCK_OTHER_APPLICATION_ID,
  adminToken: ADMIN_TOKEN,
  mockOnlyTokens: true,
  ...extra,
});

export const runOnUrl = async (
  url: string,
  extra: RawTargetConfig = {},
  listeners: ((event: RunEvent) => void)[] = [],
) => (await startRunOnUrl(url, extra, listeners)).report;

/** The whole outcome, with `startError` when the run could not start. */
export const startRunOnUrl = (
  url: string,
  extra: RawTargetConfig = {},
  listeners: ((event: RunEvent) => void)[] = [],
) =>
  runConformanceWithSecrets({
    config: resolveTargetConfig([urlLayer(url, extra)]),
    cases: ALL_CASES,
    listeners,
  });

export const byId = (report: RunReport, id: string): CaseResult => {
  const result = report.results.find((candidate) => candidate.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
};

export const notPassed = (report: RunReport): string[] =>
  report.results.filter((result) => result.outcome !== 'passed').map((result) => result.id);
