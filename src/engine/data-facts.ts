/** The suite's own data on the target, as created: what checks compare responses against. */
export interface TriggerFact {
  readonly type: string;
  readonly key?: string;
}

export interface FlowFact {
  /** Key in specs/cases/dataset.ts. */
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly flowClass: string;
  readonly triggers: readonly TriggerFact[];
  /** Keys of the custom-node flows its nodes reference (decision 9). */
  readonly customNodeKeys: readonly string[];
}

export interface VersionFact {
  readonly id: string;
  readonly flowKey: string;
  readonly version: string;
}

export interface DataFacts {
  /** Placeholder values: `data`, `versions`, `run`. */
  readonly prefixes: Readonly<Record<string, string>>;
  readonly flows: readonly FlowFact[];
  /** Flows of the versioned data set (a name prefix of their own). */
  readonly versionFlows: readonly FlowFact[];
  readonly versions: readonly VersionFact[];
  /** Set when the data set could not be created: cases that read it fail with this. */
  readonly setupError?: string;
}
