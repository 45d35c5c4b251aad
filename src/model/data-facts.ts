/** The suite's own data on the target, as created: what checks compare responses against. */
export interface TriggerFact {
  readonly type: string;
  readonly key?: string;
}

export interface FlowFact {
  /** Key in src/engine/data-set-spec.ts. */
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly flowClass: string;
  /** Its own triggers, as created. */
  readonly triggers: readonly TriggerFact[];
  /**
   * Versioned data set: its default version as the server's Import answer reported it (P4), and that
   * version's triggers, which are what triggerFilter looks at (decision 8). Absent: no default version
   * of the data set, so its own triggers count.
   */
  readonly defaultVersion?: { readonly id: string; readonly triggers: readonly TriggerFact[] };
  /** Keys of the custom-node flows its nodes reference (decision 9). */
  readonly customNodeKeys: readonly string[];
  /** Its place in the order the suite created the flows of its data set (0 first). */
  readonly createdIndex: number;
}

export interface VersionFact {
  readonly id: string;
  readonly flowKey: string;
  readonly version: string;
  readonly triggers: readonly TriggerFact[];
}

/**
 * The pieces of the data set, each set up on its own, so that a gap in one (a server without Import's id
 * maps, say) fails its own set-up case and skips only the cases that need it:
 * - `posted`: the read data set, made by Post (`{data}`);
 * - `imported`: the versioned data set, made by one Import (`{versions}`);
 * - `versionCustomNodes`: an imported flow whose version uses the custom-node flow of `posted` (`{vcustom}`);
 * - `crossApplication`: a custom-node flow Posted in the other application, and a flow of this one whose
 *   node names it (`{cross}`).
 */
export type DataPiece = 'posted' | 'imported' | 'versionCustomNodes' | 'crossApplication';

export const DATA_PIECES: readonly DataPiece[] = [
  'posted',
  'imported',
  'versionCustomNodes',
  'crossApplication',
];

/** How a piece's set-up went: done, failed (a finding: its set-up case fails), or not possible here (skipped). */
export type PieceState =
  | { readonly state: 'ready' }
  /** `request`: the last request the set-up sent, as curl. */
  | { readonly state: 'failed'; readonly reason: string; readonly request?: string }
  | { readonly state: 'unavailable'; readonly reason: string };

export interface DataFacts {
  /** Placeholder values: `data`, `versions`, `vcustom`, `cross`, `run`. */
  readonly prefixes: Readonly<Record<string, string>>;
  readonly flows: readonly FlowFact[];
  /** Flows of the versioned data set (`imported` and `versionCustomNodes`). */
  readonly versionFlows: readonly FlowFact[];
  readonly versions: readonly VersionFact[];
  /** Flows of `crossApplication` in this application. */
  readonly crossFlows: readonly FlowFact[];
  /** The flows the suite created in the other application (key, id): none may show in this one's answers. */
  readonly foreignFlows: readonly { readonly key: string; readonly id: string }[];
  readonly pieces: Readonly<Record<DataPiece, PieceState>>;
}

/** Facts of no data set (a fuzz input, an exchange of real traffic), every piece in the given state. */
export const noDataFacts = (state: PieceState): DataFacts => ({
  prefixes: {},
  flows: [],
  versionFlows: [],
  versions: [],
  crossFlows: [],
  foreignFlows: [],
  pieces: Object.fromEntries(DATA_PIECES.map((piece) => [piece, state])) as Record<DataPiece, PieceState>,
});
