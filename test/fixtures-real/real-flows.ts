import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR } from '../../src/paths';
import { isJsonObject, type JsonObject } from '../../src/model/json';
import { effectiveSchema } from '../../src/reference/fidelity';
import { resolvePointer } from '../../src/model/json-pointer';
import type { SchemaName } from '../../specs/catalog';
import { REAL_FLOWS_DIR } from '../support/shared-dir';

/** Real Losant UI exports are read where they are (../shared/fixtures-real/flows), never copied. */
export { REAL_FLOWS_DIR };

export interface RealFlow {
  readonly file: string;
  readonly flow: JsonObject;
}

export type RealFlowExpectation =
  | { readonly valid: true }
  | {
      readonly valid: false;
      readonly keyword: string;
      readonly instancePath: string;
      readonly reason: string;
    };

/** The exports' file names; none on a clone without ../shared (the tests are skipped then). */
export const realFlowFiles = (): string[] =>
  (existsSync(REAL_FLOWS_DIR) ? readdirSync(REAL_FLOWS_DIR) : [])
    .filter((name) => name.endsWith('.json'))
    .sort();

export function readRealFlow(file: string): RealFlow {
  const flow: unknown = JSON.parse(readFileSync(path.join(REAL_FLOWS_DIR, file), 'utf8'));
  if (!isJsonObject(flow)) throw new Error(`${file}: not a JSON object`);
  return { file, flow };
}

export const readRealFlowExpectations = (): Record<string, RealFlowExpectation> =>
  JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'real-flows-expectations.json'), 'utf8')) as Record<
    string,
    RealFlowExpectation
  >;

/** The property names a schema defines at `pointer` (its `properties`), read from the schema files. */
export function definedKeys(schema: SchemaName, pointer = ''): readonly string[] {
  const properties = resolvePointer(effectiveSchema(schema), `${pointer}/properties`);
  if (!isJsonObject(properties)) throw new Error(`${schema} defines no properties at ${pointer || '(root)'}`);
  return Object.keys(properties);
}

/** `flow` keeping only `keys`: what a user re-creating an exported flow would send. */
export const reducedTo = (flow: JsonObject, keys: readonly string[]): JsonObject =>
  Object.fromEntries(Object.entries(flow).filter(([key]) => keys.includes(key)));
