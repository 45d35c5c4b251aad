import type { ActionId } from '../catalog';
import type { ConformanceCase } from '../../src/engine/case';
import { GET_CASES } from './get';
import { GET_BY_VERSION_CASES } from './get-by-version';
import { IMPORT_CASES } from './import';
import { POST_CASES } from './post';

/** The case table of each action: the conformance suite. */
export const CASES_BY_ACTION: Readonly<Record<ActionId, readonly ConformanceCase[]>> = {
  'flows.get': GET_CASES,
  'flows.getByVersion': GET_BY_VERSION_CASES,
  'flows.import': IMPORT_CASES,
  'flows.post': POST_CASES,
};

export const ALL_CASES: readonly ConformanceCase[] = Object.values(CASES_BY_ACTION).flat();

export { caseLabel } from './build';
