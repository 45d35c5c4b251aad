import { createHash } from 'node:crypto';
import { isRecord } from '../model/json';
import { resolve, propertiesOf, schemaOf, numberKeyword, child } from './schema-source';

/**
 * What keeps a fuzz run on its own data: every flow it sends is named under its prefix, and the ids an
 * Import bundle gives refer to one another as decision 11 and P4 require (which a JSON Schema cannot say).
 */

const nameMaxLength = (): number => {
  const post = resolve(schemaOf('workflowPost'));
  return numberKeyword(child(post, propertiesOf(post).name), 'maxLength') ?? 255;
};

/** `prefix` + the name, cut so that its length (code points) stays what it was, and at least the prefix. */
export function prefixedName(prefix: string, name: string): string {
  const units = [...name];
  const room = Math.max(units.length - [...prefix].length, 0);
  const named = prefix + units.slice(0, room).join('');
  return [...named].slice(0, Math.max(nameMaxLength(), [...prefix].length)).join('');
}

/** A body whose `name` is text gets the prefix; any other name (a broken one) is left as it is. */
export function underPrefix<T>(prefix: string, body: T): T {
  if (!isRecord(body) || typeof body.name !== 'string') return body;
  return { ...body, name: prefixedName(prefix, body.name) } as T;
}

/** An id of 24 hex digits, a function of the text: distinct texts give distinct ids. */
const hexId = (text: string): string => createHash('sha1').update(text).digest('hex').slice(0, 24);

/**
 * An Import bundle made coherent: each flow its own id, each version on one of the bundle's flows
 * (dropped when there is none), each flow's defaultVersionId one of its own versions or null; names under
 * the prefix.
 */
export function linkedBundle(prefix: string, bundle: unknown): unknown {
  if (!isRecord(bundle)) return bundle;
  const flows = Array.isArray(bundle.flows) ? bundle.flows.filter(isRecord) : [];
  const flowIds = flows.map((_, index) => hexId(`${prefix}flow${index}`));
  const given = Array.isArray(bundle.flowVersions) ? bundle.flowVersions.filter(isRecord) : [];
  const versions =
    flows.length === 0
      ? []
      : given.map((version, index) => ({
          ...version,
          id: hexId(`${prefix}version${index}`),
          flowId: flowIds[index % flows.length],
        }));
  const linkedFlows = flows.map((flow, index) => {
    const own = versions.filter((version) => version.flowId === flowIds[index]);
    const defaultVersionId =
      flow.defaultVersionId === undefined
        ? undefined
        : own.length > 0 && typeof flow.defaultVersionId === 'string'
          ? own[0].id
          : null;
    return underPrefix(prefix, {
      ...flow,
      id: flowIds[index],
      ...(defaultVersionId !== undefined && { defaultVersionId }),
    });
  });
  return {
    ...bundle,
    ...(bundle.flows !== undefined && { flows: linkedFlows }),
    ...(bundle.flowVersions !== undefined && { flowVersions: versions }),
  };
}
