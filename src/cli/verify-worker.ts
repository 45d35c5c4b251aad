/**
 * The verification in a process of its own (see isolated-verification.ts): the Pact core writes its
 * report straight to this process's stdout, which the parent reads, redacts and makes inert.
 */
import { embeddedMock } from '../mock/embedded';
import type { VerificationJob } from '../pact/verification';
import { TargetUnusable } from '../target/preflight';
import { loadVerification } from './commands/pact-modules';
import type { WorkerAnswer } from './isolated-verification';

process.once('message', (job: Omit<VerificationJob, 'connect' | 'onSecrets'>) => {
  let secrets: readonly string[] = [];
  const answer = (message: WorkerAnswer) => process.send?.(message, () => process.disconnect());
  loadVerification()
    .runVerification({
      ...job,
      connect: { startEmbedded: embeddedMock() },
      onSecrets: (handled) => (secrets = handled),
    })
    .then(
      (result) => answer({ result, secrets }),
      (error: unknown) =>
        answer({
          error: {
            message: error instanceof Error ? error.message : String(error),
            unusable: error instanceof TargetUnusable,
            unreachable: error instanceof TargetUnusable && error.unreachable,
          },
          secrets,
        }),
    );
});
