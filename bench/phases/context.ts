import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACTIONS, type ActionId } from '../../specs/catalog';
import { MOCK_APPLICATION_ID } from '../../src/mock';
import type { Figure } from '../report';

/** What every phase shares: where it may write scratch files, and where figures and notes go. */
export interface BenchContext {
  readonly scratch: string;
  readonly figures: Figure[];
  readonly notes: string[];
  /** Whether the run is cut short (--quick): fewer runs and smaller counts, for trying the bench out. */
  readonly quick: boolean;
}

export const newContext = (quick: boolean): BenchContext => ({
  scratch: mkdtempSync(path.join(tmpdir(), 'flows-bench-')),
  figures: [],
  notes: [],
  quick,
});

/** The catalog's path of an action, for the bench application. */
export const pathOf = (action: ActionId, applicationId: string = MOCK_APPLICATION_ID): string =>
  ACTIONS.find((candidate) => candidate.id === action)!.pathTemplate.replace(
    '{APPLICATION_ID}',
    applicationId,
  );

export const log = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};
