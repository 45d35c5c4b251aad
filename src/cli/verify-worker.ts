/**
 * The verification in a process of its own (see isolated-verification.ts): the Pact core writes its
 * report straight to this process's stdout, which the parent reads, redacts and makes inert.
 */
import { embeddedMock } from '../mock/embedded';
import type { VerificationJob } from '../pact/verification';
import { TargetUnusable } from '../target/preflight';
import { loadVerification } from './commands/pact-modules';
import type { InterruptMessage, WorkerAnswer } from './isolated-verification';

const controller = new AbortController();
let answered = false;
// The terminal's Ctrl-C reaches this process too: the parent decides, and says so by a message.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
// The parent gone (a second Ctrl-C) ends this process as well; the exit handlers still run.
process.on('disconnect', () => {
  if (!answered) process.exit(130);
});

process.once('message', (job: Omit<VerificationJob, 'connect' | 'onSecrets' | 'signal'>) => {
  let secrets: readonly string[] = [];
  const answer = (message: WorkerAnswer) => {
    answered = true;
    process.send?.(message, () => process.disconnect());
  };
  process.on('message', (message: Partial<InterruptMessage>) => {
    if (typeof message.interrupt === 'string') controller.abort(message.interrupt);
  });
  loadVerification()
    .runVerification({
      ...job,
      connect: { startEmbedded: embeddedMock() },
      onSecrets: (handled) => (secrets = handled),
      signal: controller.signal,
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
