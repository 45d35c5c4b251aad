import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { SCHEMA_FILES, type SchemaName } from '../../specs/catalog';
import { PACKAGE_ROOT, SCHEMA_DIR } from '../paths';

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

const SCHEMA_FILE_SET = [...new Set<string>([...Object.values(SCHEMA_FILES), 'common.json'])].sort();

/** `source`: keep each validator's code, for `npm run build` to write them out (precompiled.ts). */
export function createAjv(source = false): Ajv {
  // allErrors stays off: the first violation is enough to refuse, and it keeps validation fast.
  const ajv = new Ajv({ strict: false, allErrors: false, code: { source } });
  addFormats(ajv);
  for (const file of SCHEMA_FILE_SET) ajv.addSchema(loadSchemaFile(file));
  return ajv;
}

/** A digest of every schema file: precompiled validators are used only while it is unchanged. */
export function schemasFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of SCHEMA_FILE_SET) hash.update(file).update(readFileSync(path.join(SCHEMA_DIR, file)));
  return hash.digest('hex');
}

/** Where `npm run build` writes the validators as code (compiling them all costs ~0.5 s per process). */
export const PRECOMPILED_FILE = path.join(PACKAGE_ROOT, 'dist', 'schemas', 'validators.js');

export interface PrecompiledValidators {
  readonly fingerprint: string;
  readonly validators: Partial<Record<SchemaName, ValidateFunction>>;
}

/** The validators written by the build, when they were written from the schemas as they are now. */
export function loadPrecompiled(
  file: string = PRECOMPILED_FILE,
): PrecompiledValidators['validators'] | undefined {
  if (!existsSync(file)) return undefined;
  // The first line names the fingerprint, so that stale code is never even loaded.
  const firstLine = readFileSync(file, 'utf8').split('\n', 1)[0];
  if (firstLine !== precompiledHeader(schemasFingerprint())) return undefined;
  return (module.require(file) as PrecompiledValidators).validators;
}

export const precompiledHeader = (fingerprint: string): string => `// schemas ${fingerprint}`;

let shared:
  | {
      ajv: Ajv | undefined;
      compiled: Map<SchemaName, ValidateFunction>;
      ready: PrecompiledValidators['validators'];
    }
  | undefined;

function registry() {
  shared ??= { ajv: undefined, compiled: new Map(), ready: loadPrecompiled() ?? {} };
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
  const state = registry();
  let validate = state.compiled.get(name) ?? state.ready[name];
  if (!validate) {
    state.ajv ??= createAjv();
    validate = state.ajv.getSchema(schemaId(name));
    if (!validate) throw new Error(`schema ${name} is not registered`);
    state.compiled.set(name, validate);
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
