import { expect } from 'chai';
import request from 'supertest';
import { actionById, pathFor, type QueryParameter } from '../../specs/catalog';
import { createMockServer, MOCK_APPLICATION_ID, type MockServer } from '../../src/mock';
import type { JsonObject } from '../../src/model/json';
import { describeViolation, validatorFor } from '../../src/schemas/registry';
import { skipWithoutShared } from '../support/shared-dir';
import { definedKeys, readRealFlow, realFlowFiles, reducedTo, type RealFlow } from './real-flows';

/**
 * Each real export, re-created as a user would (reduced to the keys the request body schema defines),
 * is created by the mock exactly when the schemas accept it: Post one by one, Import one by one, and
 * Import as one all-or-nothing bundle (decision 11).
 */

const ADMIN_TOKEN = 'test-admin-token';
const FLOWS_PATH = pathFor(actionById('flows.get'), { APPLICATION_ID: MOCK_APPLICATION_ID });
const IMPORT_PATH = pathFor(actionById('flows.import'), { APPLICATION_ID: MOCK_APPLICATION_ID });
const FLOW_CLASSES = (
  actionById('flows.get').query.find((parameter) => parameter.name === 'flowClass') as QueryParameter
).value as { readonly acceptedValues: readonly string[] };
const DEFAULT_FLOW_CLASS = 'cloud';

const POST_KEYS = definedKeys('workflowPost');
/** Workflow Import's flow keys, decision 14's read-only ones included (the schema file defines them). */
const IMPORT_FLOW_KEYS = definedKeys('workflowImport', '/properties/flows/items');

const REAL_FLOWS: readonly RealFlow[] = realFlowFiles().map(readRealFlow);
const postBody = ({ flow }: RealFlow) => reducedTo(flow, POST_KEYS);
const importBundle = (flows: readonly RealFlow[]) => ({
  flows: flows.map(({ flow }) => reducedTo(flow, IMPORT_FLOW_KEYS)),
  flowVersions: [],
});

const acceptedBy = (schema: 'workflowPost' | 'workflowImport', body: unknown) =>
  validatorFor(schema)(body).length === 0;
const expectedStatus = (accepted: boolean) => (accepted ? 201 : 400);
const importAcceptsAlone = (flow: RealFlow) => acceptedBy('workflowImport', importBundle([flow]));

type FlowCounts = Record<string, number>;

/** How many flows of each class the mock's application holds (Get's totalCount per flowClass). */
async function flowCounts(mock: MockServer): Promise<FlowCounts> {
  const counts: FlowCounts = {};
  for (const flowClass of FLOW_CLASSES.acceptedValues) {
    const response = await request(mock.server)
      .get(FLOWS_PATH)
      .query({ flowClass, perPage: 1 })
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    counts[flowClass] = response.body.totalCount as number;
  }
  return counts;
}

/** The counts per flowClass that creating `flows` adds. */
function countsAdding(before: FlowCounts, flows: readonly JsonObject[]): FlowCounts {
  const after = { ...before };
  for (const flow of flows) {
    const flowClass = typeof flow.flowClass === 'string' ? flow.flowClass : DEFAULT_FLOW_CLASS;
    after[flowClass] += 1;
  }
  return after;
}

const send = (mock: MockServer, path: string, body: unknown) =>
  request(mock.server)
    .post(path)
    .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
    .send(body as object);

const verdict = (accepted: boolean, schemaViolations: string) =>
  accepted ? '201, created' : `400, nothing created (${schemaViolations})`;

describe('real flows: the mock creates them exactly when the schemas accept them', () => {
  skipWithoutShared('realFlows');
  let mock: MockServer;

  before(async () => {
    mock = await createMockServer({ adminToken: ADMIN_TOKEN });
  });

  after(async () => {
    // Not made when the real workflows are missing and the suite was skipped.
    if (mock) await mock.close();
  });

  for (const realFlow of REAL_FLOWS) {
    const body = postBody(realFlow);
    const accepted = acceptedBy('workflowPost', body);
    const why = validatorFor('workflowPost')(body).map(describeViolation).join('; ');

    it(`${realFlow.file}: Post of its Workflow Post keys answers ${verdict(accepted, why)}`, async () => {
      const before = await flowCounts(mock);
      const response = await send(mock, FLOWS_PATH, body);
      expect(response.status, JSON.stringify(response.body)).to.equal(expectedStatus(accepted));
      if (accepted) {
        expect(validatorFor('workflow')(response.body).map(describeViolation)).to.deep.equal([]);
        expect(response.body.name).to.equal(body.name);
      }
      expect(await flowCounts(mock)).to.deep.equal(accepted ? countsAdding(before, [body]) : before);
    });
  }

  for (const realFlow of REAL_FLOWS) {
    const bundle = importBundle([realFlow]);
    const accepted = importAcceptsAlone(realFlow);
    const why = validatorFor('workflowImport')(bundle).map(describeViolation).join('; ');

    it(`${realFlow.file}: Import of it alone answers ${verdict(accepted, why)}`, async () => {
      const before = await flowCounts(mock);
      const response = await send(mock, IMPORT_PATH, bundle);
      expect(response.status, JSON.stringify(response.body)).to.equal(expectedStatus(accepted));
      if (accepted) expect(response.body.flows).to.have.length(1);
      expect(await flowCounts(mock)).to.deep.equal(accepted ? countsAdding(before, bundle.flows) : before);
    });
  }

  const importsAlone = REAL_FLOWS.filter(importAcceptsAlone);

  it('the real flows include some that Import refuses, so the whole bundle must be refused', () => {
    expect(importsAlone.length).to.be.within(1, REAL_FLOWS.length - 1);
  });

  it('Import of every real flow as one bundle is 201 iff each flow imports alone; else 400 and nothing created', async () => {
    const bundle = importBundle(REAL_FLOWS);
    const accepted = acceptedBy('workflowImport', bundle);
    expect(accepted, 'the bundle schema verdict is the conjunction of the flows').to.equal(
      importsAlone.length === REAL_FLOWS.length,
    );
    const before = await flowCounts(mock);
    const response = await send(mock, IMPORT_PATH, bundle);
    expect(response.status, JSON.stringify(response.body)).to.equal(expectedStatus(accepted));
    expect(await flowCounts(mock)).to.deep.equal(accepted ? countsAdding(before, bundle.flows) : before);
  });

  it('Import of the real flows that import alone, as one bundle, is 201 and creates each of them', async () => {
    const bundle = importBundle(importsAlone);
    expect(acceptedBy('workflowImport', bundle)).to.equal(true);
    const before = await flowCounts(mock);
    const response = await send(mock, IMPORT_PATH, bundle);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
    expect(validatorFor('workflowImportResult')(response.body).map(describeViolation)).to.deep.equal([]);
    expect(Object.keys(response.body.importedFlowIdMap as object)).to.have.length(
      bundle.flows.filter((flow) => typeof flow.id === 'string').length,
    );
    expect(await flowCounts(mock)).to.deep.equal(countsAdding(before, bundle.flows));
  });
});
