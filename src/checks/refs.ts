import type { DecisionKey, SchemaName } from '../../specs/catalog';
import type { Level } from '../model/results';

/** `flows`: the read data set; `versionFlows` and `versions`: the flows and versions of the versioned one. */
export type DataSetName = 'flows' | 'versionFlows' | 'versions';

/** Which flows or versions of the data set a response should hold. */
export interface DataSelector {
  /** Keys of data-set flows (src/engine/data-set-spec.ts); omitted: every flow passing the other fields. */
  readonly keys?: readonly string[];
  /** `*`: every class. Omitted: `cloud` (decision 7). */
  readonly flowClass?: string;
  /** Flows with a trigger matching every given field of at least one entry (decision 8). */
  readonly triggers?: readonly { readonly type?: string; readonly key?: string }[];
  /** Versioned data set: versions with exactly this version name (template). */
  readonly version?: string;
}

/** A check that needs nothing but the exchange. */
type NoParams = Record<never, never>;

type Sort = { readonly field: string; readonly direction: 'asc' | 'desc' };

/** Parameters of each named check; a case lists the checks it runs as data. */
export interface CheckParams {
  readonly status: { readonly expect: readonly number[] };
  readonly errorBody: { readonly type?: string };
  readonly schema: { readonly schema: SchemaName };
  readonly carriesKeys: { readonly schema: SchemaName };
  readonly wwwAuthenticate: NoParams;
  /** `hidesApplication`: not even the id of the application asked for may appear. */
  readonly noLeak: { readonly hidesApplication?: boolean };
  readonly collectionEcho: { readonly expect: Readonly<Record<string, string | number>> };
  readonly itemSet: {
    readonly set: DataSetName;
    readonly where: DataSelector;
    /** `includes`: other items may come too (a request that is not confined to the suite's data). */
    readonly mode?: 'exactly' | 'includes';
  };
  readonly sortedBy: Sort & { readonly set: 'flows' | 'versions'; readonly exact: boolean };
  readonly pageWindow: {
    readonly perPage: number;
    readonly set: 'flows' | 'versions';
    readonly where: DataSelector;
  };
  readonly pagesPartition: { readonly set: 'flows' | 'versions'; readonly where: DataSelector };
  readonly customNodes: { readonly present: boolean };
  readonly roundTrip: { readonly fetchedAt: number };
  readonly postDefaults: NoParams;
  readonly importMaps: NoParams;
  readonly importDefaults: NoParams;
  /** `at`: the follow-up Get; `refusedAt`: the write it follows (default 0). */
  readonly nothingCreated: { readonly refusedAt?: number };
  readonly noForeignData: NoParams;
}

export type CheckName = keyof CheckParams;

interface CommonRef {
  /** Index of the exchange this check looks at (default 0). */
  readonly at?: number;
  /**
   * The decision this ref's expectation rests on: the ref is then SHOULD, whatever its case (its level
   * is `levelOf`, src/checks/levels.ts).
   */
  readonly decision?: DecisionKey;
  /** Not read: src/proxy's rules still spell the level `levelOf` gives them beside their decision. */
  readonly level?: Level;
  /** Run only when the exchange's status is one of these (a rule about one kind of answer). */
  readonly onStatus?: readonly number[];
}

export type CheckRef = { [K in CheckName]: CommonRef & { readonly check: K } & CheckParams[K] }[CheckName];

export type RefOf<K extends CheckName> = Extract<CheckRef, { check: K }>;
