import type { ActionId } from '../catalog';
import type { ConformanceCase } from '../../src/engine/case';
import type { DataPiece } from '../../src/model/data-facts';
import { makeCase } from './build';

/**
 * One set-up case per piece of the data set (src/engine/data-set-spec.ts): it fails, with the reason, when
 * its piece could not be made, and the cases that need the piece are skipped with that reason.
 */
const SETUPS: readonly { piece: DataPiece; action: ActionId; fact: string }[] = [
  { piece: 'posted', action: 'flows.post', fact: 'set-up: the read data set is created by Post' },
  {
    piece: 'crossApplication',
    action: 'flows.post',
    fact: 'set-up: a flow using a custom node of another application is created by Post',
  },
  { piece: 'imported', action: 'flows.import', fact: 'set-up: the versioned data set is created by Import' },
  {
    piece: 'versionCustomNodes',
    action: 'flows.import',
    fact: 'set-up: a flow whose version uses a custom node is created by Import',
  },
];

export const setupCases = (actionId: ActionId): ConformanceCase[] =>
  SETUPS.filter((setup) => setup.action === actionId).map((setup) =>
    makeCase({
      action: actionId,
      fact: setup.fact,
      aspect: 'setup',
      setup: setup.piece,
      requests: [],
      checks: [],
    }),
  );
