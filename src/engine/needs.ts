import type { ConformanceCase } from './case';
import type { DataFacts, DataPiece } from '../model/data-facts';

/** The piece of the data set each placeholder (and each data set a check reads) stands for. */
const PLACEHOLDER_PIECES: readonly (readonly [RegExp, DataPiece])[] = [
  [/\{(data|DATA|id:[^}]+)\}/, 'posted'],
  [/\{(versions|VERSIONS)\}/, 'imported'],
  [/\{vcustom\}/, 'versionCustomNodes'],
  [/\{cross\}/, 'crossApplication'],
];

/** What a case reads of the data set: what it declares, else what its requests and checks name. */
export function needsOf(testCase: ConformanceCase): readonly DataPiece[] {
  if (testCase.needs) return testCase.needs;
  const text = JSON.stringify([testCase.requests, testCase.checks]);
  const pieces = new Set<DataPiece>();
  for (const [pattern, piece] of PLACEHOLDER_PIECES) if (pattern.test(text)) pieces.add(piece);
  for (const check of testCase.checks) {
    if ('set' in check && check.set === 'flows') pieces.add('posted');
    if ('set' in check && (check.set === 'versions' || check.set === 'versionFlows')) pieces.add('imported');
  }
  return [...pieces];
}

/** Why a case cannot run on this data set (a piece it needs is missing), or undefined. */
export function missingPiece(testCase: ConformanceCase, data: DataFacts): string | undefined {
  for (const piece of needsOf(testCase)) {
    const state = data.pieces[piece];
    if (state.state !== 'ready') return `needs data whose set-up did not succeed: ${state.reason}`;
  }
  return undefined;
}

/** Why a case cannot tell right from wrong on this data set, or undefined. */
export function undecidable(testCase: ConformanceCase, data: DataFacts): string | undefined {
  if (testCase.precondition !== 'tiesDecidable') return undefined;
  const ties = tiedFlows(data);
  const ids = ties.map((flow) => flow.id.toLowerCase());
  const inCreationOrder = ids.every((id, index) => index === 0 || ids[index - 1] < id);
  return inCreationOrder
    ? 'the ids of the tied flows follow their creation order, so ties by id cannot be told from ties in creation order on this server'
    : undefined;
}

/** The flows of the read data set that share their name, in creation order. */
export function tiedFlows(data: DataFacts) {
  const byName = new Map<string, DataFacts['flows'][number][]>();
  for (const flow of data.flows) byName.set(flow.name, [...(byName.get(flow.name) ?? []), flow]);
  const largest = [...byName.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return [...largest].sort((a, b) => a.createdIndex - b.createdIndex);
}
