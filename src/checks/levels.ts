import type { DecisionKey } from '../../specs/catalog';
import { CHECK_RULE_ENTRIES, type RuleEntry } from '../model/rules';
import type { Level } from '../model/results';
import type { CheckName, CheckRef } from './refs';

export type { RuleLevel } from '../model/rules';
export type CheckRule = RuleEntry;

/**
 * The level of each check's own rule, wherever it runs (never the level of the case around it), from the
 * one registry of rules (src/model/rules.ts). Typed by CheckName: a check added to refs.ts without a rule
 * there does not compile.
 */
export const CHECK_RULES: { readonly [K in CheckName]: CheckRule } = CHECK_RULE_ENTRIES;

/** A ref's level: SHOULD when it rests on a decision (its own or its check's), MUST otherwise. */
export const levelOf = (ref: Pick<CheckRef, 'check' | 'decision'>): Level =>
  ref.decision !== undefined || CHECK_RULES[ref.check].level === 'SHOULD' ? 'SHOULD' : 'MUST';

/**
 * The ref as a case resting on `decision` runs it: a check whose rule is a decision, or whose expectation
 * follows the request, names the case's decision unless it names its own; a MUST rule stays MUST.
 */
export function underDecision<R extends CheckRef>(ref: R, decision: DecisionKey | undefined): R {
  if (decision === undefined || ref.decision !== undefined) return ref;
  return CHECK_RULES[ref.check].level === 'MUST' ? ref : { ...ref, decision };
}
