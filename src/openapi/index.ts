export { buildOpenApiDocument, LOSANT_API_ROOT, SECURITY_SCHEME, type OpenApiDocument } from './document';
export { componentSchemas, COMPONENT_SCHEMAS } from './components';
export { convertSchema, type JsonSchema } from './convert-schema';
export { toYaml } from './yaml';
