import { actionById, type ActionId, type QueryParameter } from './actions';

/** A query parameter of an action; throws when the catalog gives the action none of that name. */
export function queryParameter(actionId: ActionId, name: string): QueryParameter {
  const found = actionById(actionId).query.find((parameter) => parameter.name === name);
  if (!found) throw new Error(`the catalog gives ${actionId} no query parameter ${name}`);
  return found;
}

/** The default of parameter `name` of an action, as the reference writes it ('' where it gives none). */
export const parameterDefault = (actionId: ActionId, name: string): string =>
  queryParameter(actionId, name).default;

/** The accepted values of an enum parameter; throws for a parameter that is no enum. */
export function acceptedValuesOf(actionId: ActionId, name: string): readonly string[] {
  const { value } = queryParameter(actionId, name);
  if (value.kind !== 'enum') throw new Error(`${actionId}'s ${name} is no enum`);
  return value.acceptedValues;
}

/** Decision 7: the flowClass of a Get that names none. */
export const DEFAULT_FLOW_CLASS = parameterDefault('flows.get', 'flowClass');
