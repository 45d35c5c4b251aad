import type { ActionSpec, QueryParameter } from '../../specs/catalog';
import type { QueryPairs } from '../model/query-codec';

export type { QueryPairs };

export interface QueryCase {
  /** `sortField=name`, or the required part only (`version=myVersion`), or '' for none. */
  readonly label: string;
  readonly pairs: QueryPairs;
}

const pairsOf = (text: string): QueryPairs => [...new URLSearchParams(text)];
export const queryText = (pairs: QueryPairs): string =>
  pairs.map(([name, value]) => `${name}=${value}`).join('&');

/** Parameters that only mean something together: a filter names its field (flows-actions.md#get-query-params). */
const COMPANIONS: Readonly<Record<string, string>> = { filter: 'filterField', filterField: 'filter' };

const parameterOf = (pairName: string): string => pairName.replace(/\[.*$/, '');

function inCatalogOrder(action: ActionSpec, pairs: QueryPairs): QueryPairs {
  const rank = (name: string) => action.query.findIndex((parameter) => parameter.name === parameterOf(name));
  return [...pairs].sort((a, b) => rank(a[0]) - rank(b[0]));
}

const requiredPairs = (action: ActionSpec): QueryPairs =>
  action.query.filter((parameter) => parameter.required).flatMap((parameter) => pairsOf(parameter.example));

function variantsOf(parameter: QueryParameter): readonly string[] {
  return parameter.value.kind === 'enum'
    ? parameter.value.acceptedValues.map((value) => `${parameter.name}=${value}`)
    : [parameter.example];
}

/**
 * The documented queries of an action's success interactions: none (the required part only), then
 * each accepted value of every enum parameter and the reference's example of every other one.
 */
export function successQueries(action: ActionSpec): readonly QueryCase[] {
  const required = requiredPairs(action);
  const cases = new Map<string, QueryCase>();
  const add = (pairs: QueryPairs) => {
    const ordered = inCatalogOrder(action, pairs);
    const label = queryText(ordered);
    if (!cases.has(label)) cases.set(label, { label, pairs: ordered });
  };
  add(required);
  for (const parameter of action.query.filter((candidate) => !candidate.required)) {
    const companion = action.query.find((candidate) => candidate.name === COMPANIONS[parameter.name]);
    for (const variant of variantsOf(parameter))
      add([...required, ...pairsOf(variant), ...(companion ? pairsOf(companion.example) : [])]);
  }
  return [...cases.values()];
}

/** The required part with one pair replaced or added (`sortField=bogus`, the catalog's 400 recipe). */
export function queryWith(action: ActionSpec, name: string, value: string): QueryCase {
  const pairs = inCatalogOrder(action, [
    ...requiredPairs(action).filter(([pairName]) => parameterOf(pairName) !== name),
    [name, value],
  ]);
  return { label: queryText(pairs), pairs };
}

export const requiredQuery = (action: ActionSpec): QueryCase => {
  const pairs = requiredPairs(action);
  return { label: queryText(pairs), pairs };
};
