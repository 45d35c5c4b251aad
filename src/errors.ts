/**
 * A mistake in how the command was called or configured: printed as one line, exit code 2. Lives at the
 * bottom of the layers (README "Layers") because the target's configuration, the expectations file and
 * the broker inputs all raise it, and none of them may import the CLI.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The target or the broker cannot be reached, or stopped answering mid-run: one line, exit code 3, so
 * that CI can tell a server that is down from a mistake in the call (2) and from a broken contract (1).
 */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
}

/** The exit codes of every command (README "Exit codes"). */
export const EXIT_CODES = { passed: 0, broken: 1, usage: 2, unreachable: 3, interrupted: 130 } as const;
