import { connectTarget, type ConnectedTarget, type ConnectOptions, type TargetConfig } from '../target';
import { checkTarget, TargetUnusable } from '../target/preflight';
import { shownOutcome, writeVerificationReport } from './verification-report';
import { verifyPacts, type PactSource, type VerificationRun } from './verify';
import type { VerificationOutcome } from './verifier-output';
import { removeFlow } from '../target/flow-removal';
import { givenSecrets } from '../target/session';

export interface VerificationJob {
  readonly config: TargetConfig;
  readonly provider: string;
  readonly source: PactSource;
  readonly publish?: VerificationRun['publish'];
  /** How to start the embedded server (src/mock/embedded.ts), and faults for the tests. */
  readonly connect?: ConnectOptions;
  /** Told every secret the verification handled (given and minted), once it is over, for redaction. */
  readonly onSecrets?: (secrets: readonly string[]) => void;
  /** Aborting it stops the verification (see VerificationRun.signal). */
  readonly signal?: AbortSignal;
}

export interface VerificationJobResult {
  readonly target: string;
  readonly outcome: VerificationOutcome;
  readonly reports: readonly string[];
}

const describeSource = (source: PactSource): string =>
  source.kind === 'files' ? source.pactUrls.join(', ') : source.brokerUrl;

/** Removes a flow an interaction created, with the principal token. */
const flowRemover = (target: ConnectedTarget) => async (flowId: string) => {
  await removeFlow(target.transport, target.applicationId, await target.tokens.principalToken(), flowId);
};

/**
 * Connects to the target (or starts the embedded mock), checks that it can be used (else TargetUnusable,
 * with the reports saying why), verifies the pacts against it with its own
 * credentials, writes pact-verification.json and pact-junit.xml into the report dir, and lets go.
 */
export async function runVerification(job: VerificationJob): Promise<VerificationJobResult> {
  const startedAt = new Date().toISOString();
  const target = await connectTarget(job.config, { label: 'flows-conformance verify', ...job.connect });
  const secrets = () => [...new Set([...givenSecrets(job.config), ...target.tokens.secrets()])];
  const reportOf = (outcome: VerificationOutcome) => ({
    provider: job.provider,
    target: target.label,
    source: describeSource(job.source),
    startedAt,
    outcome,
  });
  try {
    try {
      await checkTarget(target);
    } catch (error) {
      // The Verifier is not started against a target that cannot be used (it would hang on an
      // unreachable one): the reports say why, and the caller exits 3 (unreachable) or 2 (refused).
      if (!(error instanceof TargetUnusable)) throw error;
      const outcome = {
        passed: false,
        failures: [],
        output: [],
        interactions: [],
        error: error.message,
        durationMs: 0,
      };
      await writeVerificationReport(reportOf(outcome), job.config.reportDir, secrets());
      throw error;
    }
    const outcome = await verifyPacts({
      provider: job.provider,
      target: {
        baseUrl: target.transport.baseUrl,
        applicationId: target.applicationId,
        tokens: target.tokens,
        removeFlow: job.config.cleanup ? flowRemover(target) : undefined,
      },
      source: job.source,
      publish: job.publish,
      timeoutMs: job.config.timeoutMs,
      signal: job.signal,
    });
    // What the caller prints is what the reports hold: no secret, no control character.
    return {
      target: target.label,
      outcome: shownOutcome(outcome, secrets()),
      reports: await writeVerificationReport(reportOf(outcome), job.config.reportDir, secrets()),
    };
  } finally {
    job.onSecrets?.(secrets());
    // Minted tokens are revoked whatever happens to the data, as run, fuzz and explore do.
    await target.tokens.revokeMinted().catch(() => undefined);
    await target.close();
  }
}
