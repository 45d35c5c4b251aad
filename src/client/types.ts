import type { FILTER_FIELDS, FLOW_CLASSES, SORT_DIRECTIONS, SORT_FIELDS } from '../../specs/catalog';

/**
 * The bodies a Flows API client reads and sends, typed after specs/schemas (what a consumer relies
 * on; every key optional where the schema does not require it).
 */
export type FlowClass = (typeof FLOW_CLASSES)[number];
export type SortField = (typeof SORT_FIELDS)[number];
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export type FilterField = (typeof FILTER_FIELDS)[number];

export interface Trigger {
  readonly type: string;
  readonly key?: string;
  readonly config?: Record<string, unknown>;
  readonly meta?: Record<string, unknown>;
  readonly outputIds?: readonly (readonly string[])[];
}

export interface FlowNode {
  readonly type: string;
  readonly id?: string;
  readonly config?: Record<string, unknown>;
  readonly meta?: Record<string, unknown>;
  readonly outputIds?: readonly (readonly string[])[];
}

export interface Global {
  readonly key: string;
  readonly json: string;
}

export interface Stats {
  readonly runCount?: number;
  readonly errorCount?: number;
  readonly byVersion?: Record<string, { readonly runCount?: number; readonly errorCount?: number }>;
}

export interface Workflow {
  readonly id: string;
  readonly flowId?: string;
  readonly applicationId: string;
  readonly creationDate: string;
  readonly lastUpdated: string;
  readonly name: string;
  readonly description?: string;
  readonly enabled?: boolean;
  readonly flowClass?: FlowClass;
  readonly defaultVersionId?: string;
  readonly triggers?: readonly Trigger[];
  readonly nodes?: readonly FlowNode[];
  readonly globals?: readonly Global[];
  readonly stats?: Stats;
  readonly [key: string]: unknown;
}

export interface WorkflowVersion {
  readonly id: string;
  readonly flowVersionId?: string;
  readonly flowId: string;
  readonly applicationId: string;
  readonly creationDate: string;
  readonly lastUpdated: string;
  readonly version: string;
  readonly notes?: string;
  readonly enabled?: boolean;
  readonly triggers?: readonly Trigger[];
  readonly nodes?: readonly FlowNode[];
  readonly globals?: readonly Global[];
  readonly [key: string]: unknown;
}

/** The query echo every collection response carries (spec README, API-wide conventions). */
export interface CollectionEcho {
  readonly count: number;
  readonly totalCount: number;
  readonly perPage: number;
  readonly page: number;
  readonly sortField?: string;
  readonly sortDirection?: SortDirection;
  readonly filter?: string;
  readonly filterField?: string;
  readonly applicationId?: string;
  readonly flowClass?: FlowClass;
}

export interface Workflows extends CollectionEcho {
  readonly items: readonly Workflow[];
  readonly customNodes?: readonly Workflow[];
}

export interface WorkflowVersions extends CollectionEcho {
  readonly items: readonly WorkflowVersion[];
  readonly customNodes?: readonly Workflow[];
}

export interface WorkflowPost {
  readonly name: string;
  readonly description?: string;
  readonly enabled?: boolean;
  readonly flowClass?: FlowClass;
  readonly triggers?: readonly Trigger[];
  readonly nodes?: readonly FlowNode[];
  readonly globals?: readonly Global[];
  readonly [key: string]: unknown;
}

export interface WorkflowImport {
  readonly flows?: readonly (Partial<Workflow> & { readonly name: string })[];
  readonly flowVersions?: readonly (Partial<WorkflowVersion> & { readonly version: string })[];
}

export interface WorkflowImportResult {
  readonly flows: readonly Workflow[];
  readonly flowVersions: readonly WorkflowVersion[];
  readonly importedFlowIdMap: Readonly<Record<string, string>>;
  readonly importedVersionIdMap: Readonly<Record<string, string>>;
}

/** The Error body of every refusal. */
export interface ErrorBody {
  readonly type?: string;
  readonly message?: string;
}
