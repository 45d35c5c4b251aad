import type { Failure } from '../model/results';
import { importDefaults, importMaps, nothingCreated, postDefaults, roundTrip } from './bodies';
import {
  collectionEcho,
  customNodes,
  itemSet,
  noForeignData,
  pagesPartition,
  pageWindow,
} from './collection';
import type { Check, CheckContext } from './context';
import type { CheckName, CheckRef, RefOf } from './refs';
import { carriesKeys, errorBody, noLeak, schema, status, wwwAuthenticate } from './response';
import { sortedBy } from './sorting';

/** Every named check. Configuration, cases and reports refer to them by these names. */
export const CHECKS: { readonly [K in CheckName]: Check<RefOf<K>> } = {
  status,
  errorBody,
  schema,
  carriesKeys,
  wwwAuthenticate,
  noLeak,
  collectionEcho,
  itemSet,
  sortedBy,
  pageWindow,
  pagesPartition,
  customNodes,
  roundTrip,
  postDefaults,
  importMaps,
  importDefaults,
  nothingCreated,
  noForeignData,
};

export function runCheck(context: CheckContext, ref: CheckRef): readonly Failure[] {
  const status = context.exchanges[ref.at ?? 0]?.response.status;
  if (ref.onStatus && status !== undefined && !ref.onStatus.includes(status)) return [];
  const check = CHECKS[ref.check] as Check;
  return check(context, ref);
}

/** All checks of the case, in order. */
export const runChecks = (context: CheckContext): Failure[] =>
  context.testCase.checks.flatMap((ref) => runCheck(context, ref));

export type { CheckContext, Exchange } from './context';
export type { CheckRef, CheckName, DataSelector, DataSetName } from './refs';
export { CHECK_RULES, levelOf, underDecision, type CheckRule, type RuleLevel } from './levels';
