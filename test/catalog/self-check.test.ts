import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import {
  ACTIONS,
  DECISIONS,
  SCHEMA_FILES,
  SCHEMA_REFERENCE_ANCHORS,
  referenceRows,
  type SchemaName,
} from '../../specs/catalog';
import { FIXTURE_DIR, SCHEMA_DIR } from '../../src/paths';
import { validatorFor } from '../../src/schemas/registry';

const SCHEMA_NAMES = Object.keys(SCHEMA_FILES) as SchemaName[];

describe('catalog: the suite checks itself', () => {
  for (const name of SCHEMA_NAMES) {
    it(`schema ${name}: ${SCHEMA_FILES[name]} exists and compiles`, () => {
      expect(existsSync(path.join(SCHEMA_DIR, SCHEMA_FILES[name])), SCHEMA_FILES[name]).to.equal(true);
      expect(() => validatorFor(name)).to.not.throw();
    });
  }

  it('every schema anchor names a catalog schema', () => {
    for (const name of Object.keys(SCHEMA_REFERENCE_ANCHORS)) expect(SCHEMA_NAMES).to.include(name);
  });

  for (const action of ACTIONS) {
    it(`${action.id}: every response names an existing schema, one success, no repeated status`, () => {
      for (const response of action.responses)
        expect(SCHEMA_NAMES, `status ${response.status}`).to.include(response.schema);
      const statuses = action.responses.map((response) => response.status);
      expect(new Set(statuses).size, 'repeated status').to.equal(statuses.length);
      expect(statuses.filter((status) => status < 300)).to.have.length(1);
    });

    it(`${action.id}: the request body names an existing schema and example fixture`, () => {
      if (!action.requestBody) return expect(action.method).to.equal('GET');
      expect(SCHEMA_NAMES).to.include(action.requestBody.schema);
      const example = path.join(FIXTURE_DIR, 'reference-examples', action.requestBody.exampleFixture);
      expect(existsSync(example), example).to.equal(true);
    });

    it(`${action.id}: every decision it names exists`, () => {
      for (const decision of action.decisions) expect(DECISIONS, decision).to.have.property(decision);
    });

    it(`${action.id}: no query parameter or scope is listed twice`, () => {
      const names = action.query.map((parameter) => parameter.name);
      expect(new Set(names).size).to.equal(names.length);
      expect(new Set(action.acceptedScopes).size).to.equal(action.acceptedScopes.length);
    });
  }

  it('action ids are unique', () => {
    const ids = ACTIONS.map((action) => action.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('reference row ids are unique across all actions', () => {
    const ids = ACTIONS.flatMap((action) => referenceRows(action).map((row) => row.id));
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated).to.deep.equal([]);
  });

  it('decision ids are unique', () => {
    const ids = Object.values(DECISIONS).map((decision) => decision.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });
});
