import { apiConventions, type DecisionKey } from '../../specs/catalog';
import type { Level } from '../model/results';
import type { CheckName, CheckRef } from './refs';

/**
 * The level of each check's own rule, wherever it runs (never the level of the case around it):
 * - `MUST`: the reference, an RFC or HTTP semantics states the rule, whatever the case's premise;
 * - `SHOULD`: only a decision states it, and each ref names which (`decision`);
 * - `expectation`: MUST, but what it expects (a status, the items, their order, a page's counts) follows
 *   from the request the case sends; where that request rests on a decision, so does the expectation,
 *   and the ref names the decision (SHOULD). specs/cases/build.ts `makeCase` derives it from the case's.
 */
export type RuleLevel = Level | 'expectation';

export interface CheckRule {
  readonly level: RuleLevel;
  /** Where the rule is stated. */
  readonly rule: string;
}

/** Typed by CheckName: a check added to refs.ts without a rule here does not compile. */
export const CHECK_RULES: { readonly [K in CheckName]: CheckRule } = {
  status: { level: 'expectation', rule: 'flows-actions.md: the statuses of each action' },
  errorBody: { level: 'MUST', rule: `schemas.md#error; ${apiConventions('errors are JSON')}` },
  schema: { level: 'MUST', rule: 'specs/schemas: the schema of the status received' },
  carriesKeys: { level: 'MUST', rule: `${apiConventions()}; decisions 10 and 11 for created documents` },
  wwwAuthenticate: { level: 'MUST', rule: 'RFC 7235 §3.1, RFC 6750 §3' },
  noLeak: { level: 'MUST', rule: `${apiConventions('a token reaches its own application')}` },
  collectionEcho: { level: 'MUST', rule: apiConventions('collection responses echo the query') },
  itemSet: { level: 'expectation', rule: 'flows-actions.md: the query parameters' },
  sortedBy: { level: 'expectation', rule: 'flows-actions.md: sortField, sortDirection' },
  pageWindow: { level: 'expectation', rule: 'flows-actions.md: page, perPage; the collection echo' },
  pagesPartition: { level: 'MUST', rule: 'flows-actions.md: page (from 0), perPage: pages repeat no item' },
  customNodes: { level: 'SHOULD', rule: 'docs/reference-decisions.md decision 9; docs/decisions.md P3' },
  roundTrip: { level: 'MUST', rule: 'flows-actions.md#post-body: what is stored is what is read' },
  postDefaults: { level: 'SHOULD', rule: 'docs/reference-decisions.md decision 10' },
  importMaps: {
    level: 'MUST',
    rule: 'schemas.md#workflow-import-result: the maps agree with the documents (fresh ids: decision 11, SHOULD)',
  },
  importDefaults: { level: 'SHOULD', rule: 'docs/reference-decisions.md decisions 11 and 14' },
  nothingCreated: { level: 'MUST', rule: 'RFC 9110 §15.5: a request refused with a 4xx changes no state' },
  noForeignData: { level: 'MUST', rule: apiConventions('a token reaches its own application') },
};

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
