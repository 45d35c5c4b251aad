/**
 * A mistake in how the command was called or configured: printed as one line, exit code 2. Lives at the
 * bottom of the layers (README "Layers") because the target's configuration, the expectations file and
 * the broker inputs all raise it, and none of them may import the CLI.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
