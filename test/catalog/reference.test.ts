import { expect } from 'chai';
import { ACTIONS, type ActionSpec } from '../../specs/catalog';
import { referenceActions } from '../../src/reference/reference-data';
import { compareActionWithReference, describeMismatch } from '../../src/reference/catalog-agreement';

const referenceFor = (action: ActionSpec) =>
  referenceActions().find((candidate) => candidate.anchor === action.referenceAnchor);

describe('catalog: agreement with flows-actions.md', () => {
  it('the catalog has exactly the actions of the reference', () => {
    expect(ACTIONS.map((action) => action.referenceAnchor)).to.have.members(
      referenceActions().map((action) => action.anchor),
    );
  });

  for (const action of ACTIONS) {
    it(`${action.id}: method, path and its components, scopes, query table, request body and statuses match the reference`, () => {
      const reference = referenceFor(action);
      if (!reference)
        expect.fail(`${action.id}: no section of flows-actions.md has anchor ${action.referenceAnchor}`);
      const mismatches = compareActionWithReference(action, reference);
      expect(mismatches.map(describeMismatch)).to.deep.equal([]);
    });
  }
});

describe('catalog: the agreement check fails on a mutated catalog', () => {
  const get = ACTIONS.find((action) => action.id === 'flows.get') as ActionSpec;
  const post = ACTIONS.find((action) => action.id === 'flows.post') as ActionSpec;
  const rowsOf = (action: ActionSpec) =>
    compareActionWithReference(
      action,
      referenceFor(action) as NonNullable<ReturnType<typeof referenceFor>>,
    ).map((mismatch) => mismatch.row);

  it('a missing scope is named by its row', () => {
    expect(
      rowsOf({ ...get, acceptedScopes: get.acceptedScopes.filter((scope) => scope !== 'flows.*') }),
    ).to.deep.equal(['flows.get scope flows.*']);
  });

  it('an extra scope is named by its row', () => {
    expect(rowsOf({ ...get, acceptedScopes: [...get.acceptedScopes, 'flows.post'] })).to.deep.equal([
      'flows.get scope flows.post',
    ]);
  });

  it('a wrong, missing or extra path component, or a pattern refusing the example, is named by its row', () => {
    const [application] = get.pathParameters;
    expect(
      rowsOf({ ...get, pathParameters: [{ ...application, description: 'ID of the app' }] }),
    ).to.deep.equal(['flows.get path APPLICATION_ID']);
    expect(rowsOf({ ...get, pathParameters: [] })).to.deep.equal(['flows.get path APPLICATION_ID']);
    expect(
      rowsOf({ ...get, pathParameters: [application, { ...application, name: 'FLOW_ID' }] }),
    ).to.deep.equal(['flows.get path FLOW_ID']);
    expect(rowsOf({ ...get, pathParameters: [{ ...application, pattern: '^[a-f\\d]{12}$' }] })).to.deep.equal(
      ['flows.get path APPLICATION_ID'],
    );
  });

  it('a wrong default, example or accepted value is named by its query row', () => {
    const query = get.query.map((parameter) =>
      parameter.name === 'sortDirection'
        ? { ...parameter, default: 'desc', value: { kind: 'enum' as const, acceptedValues: ['asc'] } }
        : parameter,
    );
    expect(rowsOf({ ...get, query })).to.deep.equal([
      'flows.get query sortDirection',
      'flows.get query sortDirection',
    ]);
  });

  it('reordered query parameters are a mismatch', () => {
    expect(rowsOf({ ...get, query: [...get.query].reverse() })).to.deep.equal(['flows.get query']);
  });

  it('a wrong status schema or description is named by its rows', () => {
    const responses = post.responses.map((response) =>
      response.status === 201
        ? { ...response, schema: 'workflows' as const, description: 'Created' }
        : response,
    );
    expect(rowsOf({ ...post, responses })).to.deep.equal([
      'flows.post status 201',
      'flows.post responseBody 201',
    ]);
  });

  it('a wrong request body schema is named by its row', () => {
    expect(
      rowsOf({ ...post, requestBody: { schema: 'workflow', exampleFixture: 'workflow-post.json' } }),
    ).to.deep.equal(['flows.post requestBody']);
  });

  it('a request body example that is not the reference one is a mismatch', () => {
    expect(
      rowsOf({ ...post, requestBody: { schema: 'workflowPost', exampleFixture: 'workflow.json' } }),
    ).to.deep.equal(['flows.post requestBody']);
  });
});
