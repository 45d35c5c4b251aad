import { readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isRecord } from '../model/json';
import { REPORT_SCHEMA_FILE } from '../paths';

/**
 * The format of conformance.json, written in it and checked by its readers: a new optional field keeps
 * it; a field removed, renamed or given another meaning makes it `@2` (docs/reports.md "Format").
 */
export const REPORT_FORMAT = 'flows-conformance/run@1';

let validator: ValidateFunction | undefined;

/** Compiled on first use: only `merge` and `compare` read reports. */
function validateReport(value: unknown): ErrorObject | undefined {
  if (!validator) {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(REPORT_SCHEMA_FILE, 'utf8')) as object);
  }
  return validator(value) ? undefined : (validator.errors ?? [])[0];
}

/** An ajv error as `<JSON pointer> <what is wrong>`; a missing property gets its own pointer. */
function describe(error: ErrorObject): string {
  const missing =
    error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
  if (missing !== undefined) return `${error.instancePath}/${missing} is missing`;
  const allowed =
    error.keyword === 'enum'
      ? `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
      : '';
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${allowed}`;
}

/**
 * Why a parsed conformance.json is not a report this version reads, naming the first problem by its JSON
 * pointer; undefined when it is one.
 */
export function reportFormatProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not a JSON object';
  if (value.format === undefined)
    return `/format is missing: not a conformance.json, or one written before format versions (run the suite again)`;
  if (value.format !== REPORT_FORMAT)
    return `/format is ${JSON.stringify(value.format)}, and this version reads ${REPORT_FORMAT}`;
  const error = validateReport(value);
  return error && describe(error);
}
