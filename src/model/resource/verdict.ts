import type { Level } from '../results';
import type { RuleCode } from '../rules';

/**
 * One way an answer differs from what the reference implies: the rule (a short stable code), its level
 * (MUST from the reference, an RFC or HTTP; SHOULD from a decision), a JSON pointer into the body
 * ('' for the status or a header), and where the rule is written.
 */
export interface Difference {
  /** A code of the one registry of rules (src/model/rules.ts). */
  readonly rule: RuleCode;
  readonly level: Level;
  readonly pointer: string;
  readonly message: string;
  readonly location: string;
}

/** The lower of two levels: a comparison that rests on a SHOULD reading is at most SHOULD. */
export const capped = (level: Level, cap: Level): Level => (cap === 'SHOULD' ? 'SHOULD' : level);

export const difference = (
  rule: RuleCode,
  level: Level,
  pointer: string,
  message: string,
  location: string,
): Difference => ({ rule, level, pointer, message, location });
