import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument, type OpenApiDocument } from '../../src/openapi';
import type { Validator } from '../../src/schemas/registry';

const DOCUMENT_ID = 'https://flows-conformance.dev/openapi.json';

/** The exported document's component schemas, compiled as 2020-12 (the dialect OpenAPI 3.1 gives them). */
export function convertedValidators(document: OpenApiDocument = buildOpenApiDocument()) {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  return (component: string): Validator => {
    const validate = ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${component}`);
    if (!validate) throw new Error(`no component schema ${component}`);
    return (value) =>
      validate(value)
        ? []
        : (validate.errors ?? []).map((error) => ({
            instancePath: error.instancePath,
            schemaPath: error.schemaPath,
            keyword: error.keyword,
            message: error.message ?? error.keyword,
          }));
  };
}
