import { expect } from 'chai';
import { CHECKS } from '../../src/checks';
import { pointerShape, RULES } from '../../src/model/rules';

describe('model: the one registry of rules', () => {
  it('holds every check under its own name, and each rule its level and where it is stated', () => {
    expect(Object.keys(RULES)).to.include.members(Object.keys(CHECKS));
    for (const [code, entry] of Object.entries(RULES)) {
      expect(['MUST', 'SHOULD', 'expectation'], code).to.include(entry.level);
      expect(entry.rule, code).to.match(/\S/);
    }
  });

  it('a pointer’s shape has its array indexes as *, and keeps its keys', () => {
    expect(pointerShape('/items/12/name')).to.equal('/items/*/name');
    expect(pointerShape('/items/3')).to.equal('/items/*');
    expect(pointerShape('/totalCount')).to.equal('/totalCount');
    expect(pointerShape('/nodes/0/config/1x')).to.equal('/nodes/*/config/1x');
  });
});
