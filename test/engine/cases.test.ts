import { expect } from 'chai';
import { ACTIONS, actionById, referenceRows } from '../../specs/catalog';
import { ALL_CASES, CASES_BY_ACTION, caseLabel } from '../../specs/cases';
import { CHECKS } from '../../src/checks';

describe('engine: the case tables check themselves', () => {
  it('case ids are unique, short facts prefixed by their action', () => {
    const ids = ALL_CASES.map((testCase) => testCase.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const testCase of ALL_CASES)
      expect(testCase.id.startsWith(`${caseLabel(actionById(testCase.action))}: `), testCase.id).to.equal(
        true,
      );
    expect(caseLabel(actionById('flows.getByVersion'))).to.equal('GET flows/version');
  });

  it('every action has cases of every aspect', () => {
    for (const action of ACTIONS) {
      const aspects = new Set(CASES_BY_ACTION[action.id].map((testCase) => testCase.aspect));
      expect([...aspects].sort(), action.id).to.deep.equal(
        // Set-up cases belong to the writes that make the data set.
        ['auth', 'body', 'query', 'schema', 'setup', 'status'].filter(
          (aspect) => !['body', 'setup'].includes(aspect) || action.requestBody,
        ),
      );
    }
  });

  it('every reference row is covered by some case, and every covered id is a row', () => {
    const covered = new Set(ALL_CASES.flatMap((testCase) => testCase.covers));
    const rows = ACTIONS.flatMap((action) => referenceRows(action).map((row) => row.id));
    expect(rows.filter((row) => !covered.has(row))).to.deep.equal([]);
    expect([...covered].filter((id) => !rows.includes(id))).to.deep.equal([]);
  });

  it('a SHOULD case names its decision; every check is a known one; exchanges exist', () => {
    for (const testCase of ALL_CASES) {
      if (testCase.level === 'SHOULD') expect(testCase.decision, testCase.id).to.be.a('string');
      for (const ref of testCase.checks) {
        expect(CHECKS, testCase.id).to.have.property(ref.check);
        expect(ref.at ?? 0, testCase.id).to.be.below(testCase.requests.length);
      }
    }
  });
});
