import { UnreachableError, UsageError } from '../errors';
import { showControls } from '../reporters/controls';

export { UnreachableError, UsageError } from '../errors';

/** Why a command could not start against its target: unreachable (exit 3) or refused (exit 2). */
export const startFailure = (message: string, unreachable = false): Error =>
  unreachable ? new UnreachableError(showControls(message)) : new UsageError(showControls(message));
