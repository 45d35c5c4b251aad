import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_FILES, type ActionSpec, type SchemaName } from '../../specs/catalog';
import { FIXTURE_DIR } from '../paths';

/** The reference's example bodies (fixtures/reference-examples), by schema or by file. */
export function referenceExample(file: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'reference-examples', file), 'utf8')) as unknown;
}

export const schemaExample = (schema: SchemaName): unknown => referenceExample(SCHEMA_FILES[schema]);

/** The Error body example of each refusal; `type` as servers commonly name it (matched by type only). */
const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'Validation',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
};

export function errorExample(status: number): unknown {
  const base = schemaExample('error') as { type: string; message: string };
  if (status === 404) return base;
  return { type: ERROR_TYPES[status] ?? base.type, message: `Example message of a ${status} answer` };
}

/** The request body of the action's success interaction: the reference's own example. */
export const validRequestBody = (action: ActionSpec): unknown =>
  action.requestBody ? referenceExample(action.requestBody.exampleFixture) : undefined;
