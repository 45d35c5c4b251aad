import SwaggerParser from '@apidevtools/swagger-parser';
import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { invalidBodies, referenceExample, referenceExampleStems, schemaNameOf } from '../../fixtures';
import { ACTIONS } from '../../specs/catalog';
import { runOpenApi } from '../../src/cli/commands/openapi';
import { buildOpenApiDocument, SECURITY_SCHEME } from '../../src/openapi';
import { validatorFor } from '../../src/schemas/registry';
import { convertedValidators } from './support';

type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  parameters: Record<string, unknown>[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
};

const operationOf = (
  document: ReturnType<typeof buildOpenApiDocument>,
  pathTemplate: string,
  method: string,
) => document.paths[pathTemplate]?.[method.toLowerCase()] as Operation | undefined;

describe('openapi: the exported document', () => {
  const document = buildOpenApiDocument();

  it('passes swagger-parser validate() as OpenAPI 3.1', async () => {
    const validated = (await SwaggerParser.validate(structuredClone(document) as never)) as {
      openapi: string;
    };
    expect(validated.openapi).to.equal('3.1.0');
  });

  it('written as YAML, parses to the same document and validates', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-')), 'flows.yaml');
    await runOpenApi({ out: file, format: 'yaml' });
    expect(await SwaggerParser.parse(file)).to.deep.equal(document);
    await SwaggerParser.validate(file);
  });

  it('written as JSON with --out, is the document', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-')), 'flows.json');
    await runOpenApi({ out: file, format: 'json' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).to.deep.equal(document);
  });

  it('has one operation per catalog action and no other', () => {
    const operations = Object.values(document.paths).flatMap((item) => Object.keys(item));
    expect(operations).to.have.length(ACTIONS.length);
    const ids = ACTIONS.map(
      (action) => operationOf(document, action.pathTemplate, action.method)?.operationId,
    );
    expect(ids).to.deep.equal(['flowsGet', 'flowsGetByVersion', 'flowsImport', 'flowsPost']);
  });

  for (const action of ACTIONS)
    describe(`${action.method} ${action.pathTemplate} (${action.id})`, () => {
      const operation = () => operationOf(document, action.pathTemplate, action.method) as Operation;

      it('accepts exactly the catalog scopes through the bearer scheme', () => {
        expect(operation().security).to.deep.equal([{ [SECURITY_SCHEME]: [...action.acceptedScopes] }]);
      });

      it('documents every catalog status with its schema', () => {
        for (const response of action.responses)
          expect(
            operation().responses[String(response.status)]?.content['application/json'].schema,
          ).to.deep.equal({ $ref: `#/components/schemas/${response.schema}` });
      });

      it('has every catalog path parameter (with its pattern) and query parameter as typed', () => {
        const byName = new Map(operation().parameters.map((parameter) => [parameter.name, parameter]));
        for (const parameter of action.pathParameters)
          expect(byName.get(parameter.name), parameter.name).to.deep.include({
            in: 'path',
            required: true,
            description: parameter.description,
            schema: { type: 'string', pattern: parameter.pattern },
            example: parameter.example,
          });
        expect(byName.size).to.equal(action.query.length + action.pathParameters.length);
        for (const parameter of action.query) {
          const documented = byName.get(parameter.name) as { schema: Record<string, unknown> } & Record<
            string,
            unknown
          >;
          expect(documented, parameter.name).to.include({ in: 'query', required: parameter.required });
          const { value } = parameter;
          if (value.kind === 'enum') expect(documented.schema.enum).to.deep.equal(value.acceptedValues);
          if (value.kind === 'nonNegativeInteger')
            expect(documented.schema).to.include({ type: 'integer', minimum: value.minimum ?? 0 });
          if (value.kind === 'boolean') expect(documented.schema.type).to.equal('boolean');
          if (value.kind === 'triggerFilter') {
            expect(documented).to.include({ style: 'deepObject', explode: true });
            expect(documented.schema).to.deep.equal({ $ref: `#/components/schemas/${value.schema}` });
          }
          if (parameter.default !== '') expect(String(documented.schema.default)).to.equal(parameter.default);
          else expect(documented.schema).not.to.have.property('default');
        }
      });

      if (action.requestBody)
        it('takes the catalog request body, with the reference example', () => {
          const body = operation().requestBody?.content['application/json'] as unknown as {
            schema: unknown;
            examples: { reference: { value: unknown } };
          };
          expect(body.schema).to.deep.equal({ $ref: `#/components/schemas/${action.requestBody?.schema}` });
          expect(body.examples.reference.value).to.deep.equal(
            JSON.parse(
              readFileSync(
                path.join('fixtures', 'reference-examples', action.requestBody?.exampleFixture ?? ''),
                'utf8',
              ),
            ),
          );
        });
    });

  it('keeps no draft-04 keyword and no reference outside the document', () => {
    const text = JSON.stringify(document.components);
    expect(text).not.to.match(/"(definitions|\$schema|\$id)":/);
    for (const schema of Object.values((document.components as { schemas: Record<string, object> }).schemas))
      expect(schema).not.to.have.property('id');
    const refs = [...text.matchAll(/"\$ref":"([^"]*)"/g)].map((match) => match[1]);
    expect(refs).to.have.length.above(0);
    for (const ref of refs) expect(ref).to.match(/^#\/components\/schemas\/[A-Za-z]+$/);
  });
});

describe('openapi: converted schemas judge bodies as the draft-04 ones do', () => {
  const converted = convertedValidators();

  for (const stem of referenceExampleStems()) {
    const schema = schemaNameOf(stem);
    it(`${schema} accepts the reference example`, () => {
      expect(validatorFor(schema)(referenceExample(stem))).to.deep.equal([]);
      expect(converted(schema)(referenceExample(stem))).to.deep.equal([]);
    });
    for (const fixture of invalidBodies(stem))
      it(`${schema} refuses ${fixture.rule}`, () => {
        expect(validatorFor(schema)(fixture.body)).to.have.length.above(0);
        expect(converted(schema)(fixture.body)).to.have.length.above(0);
      });
  }
});
