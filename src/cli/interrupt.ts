import type { RunSummary } from '../engine/results';

/** The exit code of a command stopped by SIGINT or SIGTERM, as shells give it (128 + SIGINT's 2). */
export const INTERRUPTED_EXIT_CODE = 130;

export interface Interrupt {
  /** Aborted on the first SIGINT or SIGTERM, with the signal's name as its reason. */
  readonly signal: AbortSignal;
  /** Stops listening: the process's default handling of the signals comes back. */
  dispose(): void;
}

/**
 * The first SIGINT or SIGTERM asks the command to stop sending, clean up and write its reports; a
 * second one exits at once, saying what is left behind (`leftBehind`, known only to the command).
 */
export function onInterrupt(command: string, leftBehind: () => string): Interrupt {
  const controller = new AbortController();
  const handle = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      process.stderr.write(
        `flows-conformance: ${signal}: stopping ${command}: no new requests, removing what it created (at most 10 s), then the reports; ${signal} again exits at once\n`,
      );
      controller.abort(signal);
      return;
    }
    process.stderr.write(`flows-conformance: ${signal} again: exiting now; ${leftBehind()}\n`);
    process.exit(INTERRUPTED_EXIT_CODE);
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handle);
      process.off('SIGTERM', handle);
    },
  };
}

/** `onInterrupt` for a command that creates flows under `prefix` on the target at `baseUrl`. */
export const onRunInterrupt = (command: string, baseUrl: string | undefined, prefix: string): Interrupt =>
  onInterrupt(command, () =>
    baseUrl === undefined
      ? 'the embedded mock goes with it'
      : `the run's flows that were not removed are named ${prefix}*`,
  );

/** If the run was interrupted: says so, sets exit code 130, and is true. */
export function endsInterrupted(summary: RunSummary, prefix: string): boolean {
  if (!summary.interrupted) return false;
  process.stderr.write(
    `flows-conformance: ${summary.interrupted}: the reports hold what ran; the run's flows were named ${prefix}*\n`,
  );
  process.exitCode = INTERRUPTED_EXIT_CODE;
  return true;
}
