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
}

export interface VersionFact {
  readonly id: string;
  readonly flowKey: string;
  readonly version: string;
  readonly triggers: readonly TriggerFact[];
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
