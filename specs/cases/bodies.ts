import { actionById, requestBodyRow, type ActionId } from '../catalog';
import { invalidBodies, schemaStemOf, validBodies } from '../../fixtures';
import type { CheckRef } from '../../src/checks';
import type { ConformanceCase } from '../../src/engine/case';
import type { JsonValue } from '../../src/model/json';
import { badRequestChecks, badRequestCovers, FOLLOW_UP, makeCase, successChecks } from './build';

type Json = { [key: string]: JsonValue };
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A fixture body renamed under the case's prefix, so that a follow-up Get sees whatever it created.
 * Names the broken rule is about stay as they are; `confined` says whether anything was renamed.
 */
export function confine(
  actionId: ActionId,
  body: unknown,
  brokenAt = '\u0000',
): { body: JsonValue; confined: boolean } {
  const copy = structuredClone(body) as JsonValue;
  const rename = (target: Json, at: string, name: string): boolean => {
    if (typeof target.name !== 'string' || brokenAt.startsWith(at)) return false;
    target.name = name;
    return true;
  };
  if (!isObject(copy)) return { body: copy, confined: false };
  if (actionId === 'flows.post') return { body: copy, confined: rename(copy, '/name', '{case}body') };
  const flows = Array.isArray(copy.flows) ? copy.flows : [];
  const renamed = flows.map(
    (flow, index) => isObject(flow) && rename(flow, `/flows/${index}/name`, `{case}flow${index}`),
  );
  return { body: copy, confined: renamed.some(Boolean) };
}

/** Each valid fixture of the request body's schema is accepted. */
export function validBodyCases(actionId: ActionId): ConformanceCase[] {
  const action = actionById(actionId);
  if (!action.requestBody) return [];
  return validBodies(schemaStemOf(action.requestBody.schema)).map((fixture) =>
    makeCase({
      action: actionId,
      fact: `valid body "${fixture.rule}" is accepted`,
      aspect: 'body',
      // Valid only by a decision, if one is named: a server reading the reference otherwise may refuse it.
      decision: fixture.decision,
      covers: [requestBodyRow(action)],
      requests: [{ body: confine(actionId, fixture.body).body }],
      checks: successChecks(actionId),
    }),
  );
}

/** Each invalid fixture is refused with 400 and an Error body, and creates nothing (a 4xx changes no state). */
export function invalidBodyCases(actionId: ActionId): ConformanceCase[] {
  const action = actionById(actionId);
  if (!action.requestBody) return [];
  return invalidBodies(schemaStemOf(action.requestBody.schema)).map((fixture) => {
    const { body, confined } = confine(actionId, fixture.body, fixture.instancePath);
    const checks: CheckRef[] = [...badRequestChecks];
    if (confined) checks.push({ check: 'nothingCreated', at: 1 });
    return makeCase({
      action: actionId,
      fact: `invalid body "${fixture.rule}" is refused`,
      aspect: 'body',
      covers: [requestBodyRow(action), ...badRequestCovers(actionId)],
      requests: confined ? [{ body }, FOLLOW_UP] : [{ body }],
      checks,
    });
  });
}
