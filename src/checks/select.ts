import { DEFAULT_FLOW_CLASS } from '../../specs/catalog';
import type { DataFacts, FlowFact, VersionFact } from '../model/data-facts';
import type { DataSelector, DataSetName } from './refs';
import { triggerMatches } from '../model/resource/collection';

const matchesClass = (flow: FlowFact, selector: DataSelector): boolean =>
  selector.flowClass === '*' || flow.flowClass === (selector.flowClass ?? DEFAULT_FLOW_CLASS);

/**
 * Decision 8 (the model's triggerMatches): entries are alternatives;
 * the triggers are those of the flow's default version ("always filters against default flow version").
 */
const matchesTrigger = (flow: FlowFact, selector: DataSelector): boolean =>
  !selector.triggers ||
  selector.triggers.some((entry) =>
    (flow.defaultVersion?.triggers ?? flow.triggers).some((trigger) => triggerMatches(trigger, entry)),
  );

export function selectFlows(flows: readonly FlowFact[], selector: DataSelector): readonly FlowFact[] {
  return flows.filter(
    (flow) =>
      (!selector.keys || selector.keys.includes(flow.key)) &&
      matchesClass(flow, selector) &&
      matchesTrigger(flow, selector),
  );
}

/** The ids a response should hold: flow ids of either data set, or version ids of the versioned one. */
export function selectIds(
  data: DataFacts,
  set: DataSetName,
  selector: DataSelector,
  expand: (t: string) => string,
): string[] {
  return selectServerIds(data, set, selector, expand).map(normalId);
}

function selectServerIds(
  data: DataFacts,
  set: DataSetName,
  selector: DataSelector,
  expand: (t: string) => string,
) {
  if (set === 'flows') return selectFlows(data.flows, selector).map((flow) => flow.id);
  if (set === 'versionFlows') return selectFlows(data.versionFlows, selector).map((flow) => flow.id);
  const flows = selectFlows(data.versionFlows, selector);
  const version = selector.version === undefined ? undefined : expand(selector.version);
  return data.versions
    .filter((item: VersionFact) => flows.some((flow) => flow.key === item.flowKey))
    .filter((item) => version === undefined || item.version === version)
    .map((item) => item.id);
}

/** Which fact an id is, for readable messages. */
export function describeId(data: DataFacts, id: string): string {
  const flow = [...data.flows, ...data.versionFlows].find((candidate) => sameId(candidate.id, id));
  if (flow) return `"${flow.name}"`;
  const version = data.versions.find((candidate) => sameId(candidate.id, id));
  return version ? `version "${version.version}" of ${version.flowKey}` : id;
}

/**
 * Ids are 24 hex digits (schemas.md), and hex is case-insensitive: a server may write them in either
 * case, so ids are compared in lower case.
 */
export const normalId = (id: string): string => id.toLowerCase();

export const sameId = (a: unknown, b: unknown): boolean =>
  typeof a === 'string' && typeof b === 'string' && normalId(a) === normalId(b);

/** An item's id, normalised (see normalId). */
export const itemId = (item: Record<string, unknown>): string =>
  normalId(
    typeof item.id === 'string'
      ? item.id
      : typeof item.flowVersionId === 'string'
        ? item.flowVersionId
        : String(item.id),
  );
