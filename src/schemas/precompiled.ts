import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import standaloneCode from 'ajv/dist/standalone';
import { SCHEMA_FILES, type SchemaName } from '../../specs/catalog';
import { createAjv, PRECOMPILED_FILE, precompiledHeader, schemaId, schemasFingerprint } from './registry';

/**
 * Writes every schema's validator as code (ajv standalone) with the schemas' fingerprint, for the
 * registry to load instead of compiling: run by `npm run build` after tsc.
 */
export function writePrecompiledValidators(file: string = PRECOMPILED_FILE): void {
  const ajv = createAjv(true);
  const exports: Record<string, string> = {};
  for (const name of Object.keys(SCHEMA_FILES) as SchemaName[]) {
    ajv.getSchema(schemaId(name));
    exports[name] = schemaId(name);
  }
  const code = standaloneCode(ajv, exports);
  const fingerprint = schemasFingerprint();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${precompiledHeader(fingerprint)}\n${code}\nmodule.exports = { fingerprint: ${JSON.stringify(fingerprint)}, validators: module.exports };\n`,
  );
}
