import { randomBytes } from 'node:crypto';
import { interruptibleTransport } from '../http/interruptible-transport';
import type { Transport } from '../http/transport';
import type { TargetConfig } from './config';
import { connectTarget, type ConnectedTarget, type ConnectOptions } from './connect';
import { checkTarget } from './preflight';
import { recordingTransport, removeRunFlows, RunFlows, type CleanUpOutcome } from './run-flows';

/** A run prefix: short, lower-case, no glob characters, unique per run. */
export const runPrefix = (random: string): string => `fc${random.slice(0, 8).toLowerCase()}-`;

/** A fresh run prefix: `fc<8 hex>-`. */
export const newRunPrefix = (): string => runPrefix(randomBytes(4).toString('hex'));

export interface TargetSessionOptions extends ConnectOptions {
  /** The run's name prefix (default: a fresh one), so that a caller can name it before the run ends. */
  readonly prefix?: string;
  /** Aborting it stops what the work sends through `transport` (what is under way completes). */
  readonly signal?: AbortSignal;
}

/**
 * What `run`, `fuzz`, `explore` and `verify` share of a target: the connection, the check that it can
 * be used, the run's prefix, the secrets to redact, the record of the flows the work created, and the
 * end (clean-up of exactly those flows, revocation of the minted tokens, letting go).
 */
export interface TargetSession {
  readonly target: ConnectedTarget;
  /** The principal token: the credential the run was given, or the user token it logged in for. */
  readonly principal: string;
  readonly prefix: string;
  /** The target's transport, recording every flow a creation answered; nothing is sent once interrupted. */
  readonly transport: Transport;
  readonly flows: RunFlows;
  /** The secrets given and minted so far, for the reports to scrub. */
  secrets(): string[];
  /**
   * Removes the flows the work made (unless `keepData`, or with `leftBecause` when the target cannot be
   * asked any more), revokes the minted tokens and lets go; says what it removed and what it left.
   */
  close(options?: { readonly keepData?: boolean; readonly leftBecause?: string }): Promise<CleanUpOutcome>;
}

/** The secrets the configuration gives (admin token, password, tokens file). */
export const givenSecrets = (config: TargetConfig): string[] =>
  [config.adminToken, config.userPassword, ...Object.values(config.tokens)].filter(
    (secret): secret is string => !!secret,
  );

/** Connects and checks the target (TargetUnusable when it cannot be used: nothing is left open then). */
export async function openTargetSession(
  config: TargetConfig,
  options: TargetSessionOptions & { readonly label: string },
): Promise<TargetSession> {
  const prefix = options.prefix ?? newRunPrefix();
  const target = await connectTarget(config, { ...options, label: `${options.label} ${prefix}` });
  let principal: string;
  try {
    principal = await checkTarget(target);
  } catch (error) {
    await target.close();
    throw error;
  }
  const flows = new RunFlows();
  const recording = recordingTransport(target.transport, flows);
  const tokenFor = (applicationId: string) =>
    applicationId === target.applicationId
      ? Promise.resolve(principal)
      : target.tokens.otherApplicationToken('flows.*').catch(() => principal);
  return {
    target,
    principal,
    prefix,
    flows,
    transport: interruptibleTransport(recording, options.signal),
    secrets: () => [...new Set([...givenSecrets(config), ...target.tokens.secrets()])],
    async close(closeOptions = {}) {
      let outcome: CleanUpOutcome = { removed: 0, left: [] };
      if (!closeOptions.keepData && closeOptions.leftBecause !== undefined)
        outcome = { removed: 0, left: flows.all(`not removed: ${closeOptions.leftBecause}`) };
      else if (!closeOptions.keepData)
        // The clean-up goes through the recording transport: never stopped by the interruption it follows.
        outcome = await removeRunFlows({ transport: recording, flows, prefix, tokenFor }).catch(() => ({
          removed: 0,
          left: flows.all('the clean-up failed'),
        }));
      // Minted tokens are revoked whatever happens to the data: --no-cleanup keeps only the flows.
      await target.tokens.revokeMinted().catch(() => undefined);
      await target.close();
      return outcome;
    },
  };
}
