import { expect } from 'chai';
import { validatorFor, describeViolation } from '../../src/schemas/registry';
import { skipWithoutShared } from '../support/shared-dir';
import { readRealFlow, readRealFlowExpectations, realFlowFiles, REAL_FLOWS_DIR } from './real-flows';

describe('real flows: each export validates as a Workflow, or fails for its recorded reason', () => {
  skipWithoutShared('realFlows');
  const files = realFlowFiles();
  const expectations = readRealFlowExpectations();

  it(`every file of ${REAL_FLOWS_DIR} has an expectation, and every expectation a file`, () => {
    expect(files, 'files without an expectation').to.have.members(Object.keys(expectations));
  });

  it('the exports include both valid and invalid ones (the test can tell them apart)', () => {
    const outcomes = new Set(Object.values(expectations).map((expectation) => expectation.valid));
    expect([...outcomes]).to.have.members([true, false]);
  });

  for (const file of files) {
    const expectation = expectations[file];
    const outcome =
      expectation?.valid === false
        ? `fails ${expectation.keyword} at ${expectation.instancePath}`
        : 'validates';
    it(`${file}: ${outcome}`, () => {
      if (!expectation) expect.fail(`${file} has no entry in fixtures/real-flows-expectations.json`);
      const violations = validatorFor('workflow')(readRealFlow(file).flow);
      if (expectation.valid) {
        expect(violations.map(describeViolation)).to.deep.equal([]);
      } else {
        expect(expectation.reason, 'a recorded reason').to.not.equal('');
        expect(violations.map(({ keyword, instancePath }) => ({ keyword, instancePath }))).to.deep.include({
          keyword: expectation.keyword,
          instancePath: expectation.instancePath,
        });
      }
    });
  }
});
