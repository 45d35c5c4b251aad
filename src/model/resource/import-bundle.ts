import { describeViolation, validatorFor } from '../../schemas/registry';
import { isObjectId } from './object-id';

type BodyFields = Readonly<Record<string, unknown>>;

export interface ImportBundle {
  readonly flows: readonly BodyFields[];
  readonly flowVersions: readonly BodyFields[];
}

/** The id a bundle gives an item (lower-cased), if it gives a well-formed one. */
export const givenId = (item: BodyFields): string | undefined =>
  isObjectId(item.id) ? item.id.toLowerCase() : undefined;

/** The first reason the bundle cannot be imported, or undefined (decision 11: schema, then references). */
export function importProblem(body: unknown): string | undefined {
  const violations = validatorFor('workflowImport')(body);
  if (violations.length > 0) return `Invalid import body: ${describeViolation(violations[0])}`;
  const { flows = [], flowVersions = [] } = body as Partial<ImportBundle>;
  const flowIds = new Set<string>();
  for (const flow of flows) {
    const id = givenId(flow);
    if (id === undefined) continue;
    if (flowIds.has(id)) return `Invalid import body: flow id ${id} is given twice`;
    flowIds.add(id);
  }
  const versionFlow = new Map<string, string>();
  for (const [index, version] of flowVersions.entries()) {
    const flowId = typeof version.flowId === 'string' ? version.flowId.toLowerCase() : undefined;
    if (flowId === undefined || !flowIds.has(flowId)) {
      return `Invalid import body: /flowVersions/${index}/flowId refers to no flow of the bundle`;
    }
    const id = givenId(version);
    if (id === undefined) continue;
    if (versionFlow.has(id)) return `Invalid import body: flow version id ${id} is given twice`;
    versionFlow.set(id, flowId);
  }
  for (const [index, flow] of flows.entries()) {
    const defaultVersionId = flow.defaultVersionId;
    if (typeof defaultVersionId !== 'string') continue;
    // A flow without a given id owns no version of the bundle: any defaultVersionId of it dangles (P4).
    const owner = versionFlow.get(defaultVersionId.toLowerCase());
    if (owner === undefined || owner !== givenId(flow)) {
      return `Invalid import body: /flows/${index}/defaultVersionId refers to no version of that flow in the bundle`;
    }
  }
  return undefined;
}
