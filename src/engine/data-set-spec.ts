import type { JsonValue } from '../model/json';

/**
 * The suite's own data, created on the target at the start of a run (Post for the read data set, Import
 * for the versioned one) under the run's prefix, and removed at the end. Cases name these flows by key.
 */
export interface DataFlowSpec {
  readonly key: string;
  /** Appended to the data set's prefix. */
  readonly name: string;
  readonly flowClass: 'cloud' | 'edge' | 'customNode' | 'experience';
  readonly triggers?: readonly { readonly type: string; readonly key?: string }[];
  /** Nodes; `{id:<key>}` is the id of a flow created before this one. */
  readonly nodes?: readonly JsonValue[];
  /** Versioned data set: the name of the flow's version (FLOW_VERSIONS) that is its default (P4). */
  readonly defaultVersion?: string;
}

export type TriggerSpec = NonNullable<DataFlowSpec['triggers']>[number];

const CUSTOM_NODE_CONFIG = { outputCount: 1, resultMode: 'none', fields: [] } as const;

/** The name, after the `{data}` prefix, of the flows that tie on every name sort. */
export const TIE_NAME = 'tie';
/** Eight: random ids follow their creation order once in 8! = 40,320 runs (then the case is skipped). */
export const TIE_KEYS = ['tie1', 'tie2', 'tie3', 'tie4', 'tie5', 'tie6', 'tie7', 'tie8'] as const;

/** Read data set, `{data}` prefix, created in this order. Names after the prefix: letters only. */
export const DATA_FLOWS: readonly DataFlowSpec[] = [
  { key: 'custom', name: 'custom', flowClass: 'customNode' },
  { key: 'alpha', name: 'alpha', flowClass: 'cloud', triggers: [{ type: 'webhook', key: 'keyone' }] },
  { key: 'bravo', name: 'Bravo', flowClass: 'cloud', triggers: [{ type: 'timer' }] },
  {
    key: 'charlie',
    name: 'charlie',
    flowClass: 'cloud',
    triggers: [{ type: 'webhook', key: 'keytwo' }],
    nodes: [{ id: 'n1', type: 'CustomNode', config: { flowId: '{id:custom}' } }],
  },
  // Equal names but for case: the tie-break of decision 5 orders them by id.
  { key: 'echo', name: 'echo', flowClass: 'cloud' },
  { key: 'echoUpper', name: 'Echo', flowClass: 'cloud' },
  { key: 'abc', name: 'abc', flowClass: 'cloud' },
  { key: 'axc', name: 'axc', flowClass: 'cloud' },
  { key: 'abcd', name: 'abcd', flowClass: 'cloud' },
  { key: 'edge', name: 'edge', flowClass: 'edge' },
  { key: 'experience', name: 'experience', flowClass: 'experience' },
  // Equal names, created one after another: ties that only the id may order (decision 5). Unless the
  // server's ids follow creation order, a server that keeps ties in creation order shows it here.
  ...TIE_KEYS.map((key) => ({ key, name: TIE_NAME, flowClass: 'cloud' as const })),
];

export const customNodeConfigFor = (flow: DataFlowSpec) =>
  flow.flowClass === 'customNode' ? { customNodeConfig: CUSTOM_NODE_CONFIG } : {};

/** Versioned data set, `{versions}` prefix, imported as one bundle. */
export const VERSION_FLOWS: readonly DataFlowSpec[] = [
  { key: 'one', name: 'one', flowClass: 'cloud', triggers: [{ type: 'webhook', key: 'keyone' }] },
  { key: 'two', name: 'Two', flowClass: 'cloud' },
  { key: 'vedge', name: 'edge', flowClass: 'edge' },
  // Its default version's trigger differs from its own and from its other version's (decision 8).
  {
    key: 'three',
    name: 'three',
    flowClass: 'cloud',
    triggers: [{ type: 'webhook', key: 'keyown' }],
    defaultVersion: '3.1',
  },
];

/** Version names, appended to the `{versions}` prefix. */
export interface FlowVersionSpec {
  readonly flowKey: string;
  readonly version: string;
  readonly triggers?: readonly TriggerSpec[];
}

export const FLOW_VERSIONS: readonly FlowVersionSpec[] = [
  { flowKey: 'one', version: '1.0' },
  { flowKey: 'one', version: '2.0' },
  { flowKey: 'two', version: '1.0' },
  { flowKey: 'vedge', version: '1.0' },
  { flowKey: 'three', version: '3.0', triggers: [{ type: 'webhook', key: 'keyold' }] },
  { flowKey: 'three', version: '3.1', triggers: [{ type: 'webhook', key: 'keydefault' }] },
];

/**
 * `versionCustomNodes`, `{vcustom}` prefix: a flow imported with one version whose node uses the
 * custom-node flow of the read data set (`{id:custom}`), which is the flow's default version.
 */
export const VERSION_CUSTOM_USER: DataFlowSpec = {
  key: 'vcustomUser',
  name: 'user',
  flowClass: 'cloud',
  nodes: [{ id: 'n1', type: 'CustomNode', config: { flowId: '{id:custom}' } }],
};
export const VERSION_CUSTOM_VERSION = '1.0';

/**
 * `crossApplication`, `{cross}` prefix: a custom-node flow Posted in the other application, and a flow of
 * this application whose node names it (`{id:crossCustom}`). customNodes may only hold flows of the
 * application asked for.
 */
export const CROSS_CUSTOM: DataFlowSpec = { key: 'crossCustom', name: 'custom', flowClass: 'customNode' };
export const CROSS_USER: DataFlowSpec = {
  key: 'crossUser',
  name: 'user',
  flowClass: 'cloud',
  nodes: [{ id: 'n1', type: 'CustomNode', config: { flowId: '{id:crossCustom}' } }],
};

/** The cloud flows of the read data set, which a Get without flowClass returns. */
export const CLOUD_DATA_FLOW_COUNT = DATA_FLOWS.filter((flow) => flow.flowClass === 'cloud').length;

/** Page size of the paging cases: the cloud flows make several pages, 2 cloud versions of 1.0 make 2. */
export const PAGE_SIZE = { flows: 3, versions: 1 } as const;
