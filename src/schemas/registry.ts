import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { SCHEMA_FILES, type SchemaName } from '../../specs/catalog';
import { SCHEMA_DIR } from '../paths';

export interface SchemaViolation {
  /** JSON Pointer into the validated value. */
  readonly instancePath: string;
  /** JSON Pointer into the schema, prefixed with the schema file. */
  readonly schemaPath: string;
  readonly keyword: string;
  readonly message: string;
}

export type Validator = (value: unknown) => readonly SchemaViolation[];

const SCHEMA_ID_BASE = 'https://flows-conformance.dev/schemas/';

export function schemaId(name: SchemaName): string {
  return SCHEMA_ID_BASE + SCHEMA_FILES[name];
}

export function loadSchemaFile(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
}

function createAjv(): Ajv {
  // allErrors stays off: the first violation is enough to refuse, and it keeps validation fast.
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  const files = new Set<string>([...Object.values(SCHEMA_FILES), 'common.json']);
  for (const file of files) ajv.addSchema(loadSchemaFile(file));
  return ajv;
}

let shared: { ajv: Ajv; compiled: Map<SchemaName, ValidateFunction> } | undefined;

function registry() {
  shared ??= { ajv: createAjv(), compiled: new Map() };
  return shared;
}

function toViolation(error: ErrorObject): SchemaViolation {
  return {
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
    keyword: error.keyword,
    message: error.message ?? error.keyword,
  };
}

/** Validation against a schema of specs/schemas, compiled once per process. */
export function validatorFor(name: SchemaName): Validator {
  const { ajv, compiled } = registry();
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.getSchema(schemaId(name));
    if (!validate) throw new Error(`schema ${name} is not registered`);
    compiled.set(name, validate);
  }
  const check = validate;
  return (value) => (check(value) ? [] : (check.errors ?? []).map(toViolation));
}

/** The schema's title (`Workflow Versions`), as case ids and reports name it. */
export const schemaTitle = (name: SchemaName): string =>
  String(loadSchemaFile(SCHEMA_FILES[name]).title ?? name);

/** A one-line description of a violation, for Error bodies and reports. */
export function describeViolation(violation: SchemaViolation): string {
  const where = violation.instancePath === '' ? 'the body' : violation.instancePath;
  return `${where} ${violation.message}`;
}
