import type { ActionSpec } from './actions';

/**
 * Facts of a collection page the judges (the model, the checks, fuzz) and the mock derive from the
 * catalog rather than write down again: what a page echoes, and which parameters need others.
 */

/** The field a page echoes from its path (spec README, API-wide conventions). */
export const ECHOED_PATH_FIELD = 'applicationId';

/** The query parameters a page of `action` echoes for a request that gave `given` (by `echo`). */
export const echoedParameters = (action: ActionSpec, given: ReadonlySet<string>): string[] =>
  action.query
    .filter(
      (parameter) =>
        parameter.echo === 'always' || (parameter.echo === 'whenGiven' && given.has(parameter.name)),
    )
    .map((parameter) => parameter.name);

/** The parameters `name` has no effect without (its `needs`). */
export const companionsOf = (action: ActionSpec, name: string): readonly string[] =>
  action.query.find((parameter) => parameter.name === name)?.needs ?? [];
