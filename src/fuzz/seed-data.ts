import type { FlowFact, TriggerFact } from '../model/data-facts';
import { isRecord } from '../model/json';
import { normalId } from '../checks/select';
import type { QueryPools } from './query';

/**
 * The flows a run seeds under its own prefix for the Get properties to find, as the server's answers
 * to their Post and Import described them; and the pools of values queries draw from.
 */
export interface SeedFacts {
  /** Version id → the triggers of that version (triggerFilter looks at the default version's). */
  readonly versionTriggers: Map<string, readonly TriggerFact[]>;
  /** Flow id → the flow. */
  readonly flows: Map<string, Record<string, unknown>>;
  readonly pools: { versions: Set<string>; triggerTypes: Set<string>; triggerKeys: Set<string> };
}

export const emptySeed = (): SeedFacts => ({
  versionTriggers: new Map(),
  flows: new Map(),
  pools: { versions: new Set(), triggerTypes: new Set(), triggerKeys: new Set() },
});

const triggersOf = (item: Record<string, unknown>): TriggerFact[] =>
  (Array.isArray(item.triggers) ? item.triggers.filter(isRecord) : []).map((trigger) => ({
    type: String(trigger.type),
    ...(typeof trigger.key === 'string' && { key: trigger.key }),
  }));

function pool(seed: SeedFacts, triggers: readonly TriggerFact[]): void {
  for (const trigger of triggers) {
    seed.pools.triggerTypes.add(trigger.type);
    if (trigger.key !== undefined) seed.pools.triggerKeys.add(trigger.key);
  }
}

/** Records the flows (and versions) a Post or Import answer describes. */
export function recordAnswer(
  seed: SeedFacts,
  flows: readonly unknown[],
  versions: readonly unknown[] = [],
): void {
  for (const version of versions.filter(isRecord)) {
    const triggers = triggersOf(version);
    seed.versionTriggers.set(normalId(String(version.id)), triggers);
    if (typeof version.version === 'string') seed.pools.versions.add(version.version);
    pool(seed, triggers);
  }
  for (const flow of flows.filter(isRecord)) {
    seed.flows.set(normalId(String(flow.id)), flow);
    pool(seed, triggersOf(flow));
  }
}

export const poolsOf = (seed: SeedFacts): QueryPools => ({
  versions: [...seed.pools.versions],
  triggerTypes: [...seed.pools.triggerTypes],
  triggerKeys: [...seed.pools.triggerKeys],
});

/**
 * A returned Workflow as the data facts the checks' selectFlows reads. Its default version's triggers
 * come from the seed; `undefined` when the item names a default version the run does not know (its
 * triggers cannot be judged).
 */
export function flowFact(seed: SeedFacts, item: Record<string, unknown>): FlowFact | undefined {
  const id = normalId(String(item.id));
  const defaultVersionId =
    typeof item.defaultVersionId === 'string' ? normalId(item.defaultVersionId) : undefined;
  const versionTriggers =
    defaultVersionId === undefined ? undefined : seed.versionTriggers.get(defaultVersionId);
  if (defaultVersionId !== undefined && versionTriggers === undefined) return undefined;
  return {
    key: id,
    id,
    name: String(item.name),
    flowClass: String(item.flowClass),
    triggers: triggersOf(item),
    ...(defaultVersionId !== undefined && {
      defaultVersion: { id: defaultVersionId, triggers: versionTriggers ?? [] },
    }),
    customNodeKeys: [],
    createdIndex: 0,
  };
}
