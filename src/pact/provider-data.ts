import { DEFAULT_FLOW_CLASS, FLOW_CLASSES, queryParameter } from '../../specs/catalog';
import type { WorkflowImport } from '../client';
import { decodeQueryText } from '../model/query-codec';
import { schemaExample } from './examples';

/**
 * The flows that `application ... has flows` sets up through Import, derived from the catalog's
 * query examples so that every documented query of the pacts finds at least one item: a flow of
 * each flowClass, named like the reference's example flow (which `filter=my*flow` matches), each
 * with a version named as the `version` example, the cloud one with the trigger of the
 * `triggerFilter` example.
 */
const exampleValue = (name: string): unknown =>
  decodeQueryText(queryParameter('flows.getByVersion', name).example)[name];

/** A 24-hex id of the bundle (Import maps it to a fresh one). */
const bundleId = (kind: number, index: number): string =>
  `5f0000000000000000000${kind}${String(index).padStart(2, '0')}`;

export function providerDataBundle(): WorkflowImport {
  const name = (schemaExample('workflow') as { name: string }).name;
  const trigger = (exampleValue('triggerFilter') as { type: string; key?: string }[])[0];
  const version = String(exampleValue('version'));
  const flows = FLOW_CLASSES.map((flowClassName, index) => ({
    id: bundleId(1, index),
    name,
    flowClass: flowClassName as never,
    triggers: flowClassName === DEFAULT_FLOW_CLASS ? [{ type: trigger.type, key: trigger.key }] : [],
    nodes: [],
    globals: [],
  }));
  const flowVersions = flows.map((flow, index) => ({ id: bundleId(2, index), flowId: flow.id, version }));
  return { flows, flowVersions };
}
