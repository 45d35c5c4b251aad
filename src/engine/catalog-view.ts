import { actionById, pathFor, type QueryParameter } from '../../specs/catalog';

/** The flow classes the catalog accepts for Get's `flowClass` (clean-up walks each). */
const flowClassParameter = actionById('flows.get').query.find(
  (parameter) => parameter.name === 'flowClass',
) as QueryParameter;

export const FLOW_CLASSES_OF_GET: readonly string[] =
  flowClassParameter.value.kind === 'enum' ? flowClassParameter.value.acceptedValues : ['cloud'];

export { actionById, pathFor };
