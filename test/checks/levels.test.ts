import { expect } from 'chai';
import { ALL_CASES } from '../../specs/cases';
import { makeCase } from '../../specs/cases/build';
import { CHECK_RULES, CHECKS, levelOf, runCheck, type CheckRef } from '../../src/checks';
import { failure } from '../../src/checks/context';
import { context, exchange } from './support';

/** The level a failure of this ref in this case carries: what the reports and the outcome read. */
const effectiveLevel = (testCase: (typeof ALL_CASES)[number], ref: CheckRef) =>
  failure({ ...context([ref], []), testCase }, ref, 'a problem', 'what was expected', 'where').level;

describe('checks: a check’s level follows its rule, never its case', () => {
  it('every named check has a rule with a level and where it is stated', () => {
    expect(Object.keys(CHECK_RULES).sort()).to.deep.equal(Object.keys(CHECKS).sort());
    for (const [name, rule] of Object.entries(CHECK_RULES)) {
      expect(['MUST', 'SHOULD', 'expectation'], name).to.include(rule.level);
      expect(rule.rule, name).to.match(/\S/);
    }
  });

  it('every check of every case: MUST unless it names a decision; a decision’s rule always names one', () => {
    const wrong: string[] = [];
    let should = 0;
    for (const testCase of ALL_CASES)
      for (const ref of testCase.checks) {
        const expected = ref.decision === undefined ? 'MUST' : 'SHOULD';
        if (effectiveLevel(testCase, ref) !== expected) wrong.push(`${testCase.id}: ${ref.check}`);
        if (CHECK_RULES[ref.check].level === 'SHOULD' && ref.decision === undefined)
          wrong.push(`${testCase.id}: ${ref.check} names no decision`);
        if (ref.level !== undefined) wrong.push(`${testCase.id}: ${ref.check} spells a level`);
        if (expected === 'SHOULD') should += 1;
      }
    expect(wrong).to.deep.equal([]);
    expect(should, 'some checks do rest on a decision').to.be.above(0);
  });

  it('a case’s level sums up its checks’: SHOULD only when every check is', () => {
    for (const testCase of ALL_CASES)
      expect(testCase.level, testCase.id).to.equal(
        testCase.checks.length > 0 && testCase.checks.every((ref) => levelOf(ref) === 'SHOULD')
          ? 'SHOULD'
          : 'MUST',
      );
  });

  it('makeCase gives the case’s decision to what it decides, and only to that', () => {
    const testCase = makeCase({
      action: 'flows.import',
      fact: 'a refusal only a decision asks for',
      aspect: 'body',
      decision: 'importResult',
      requests: [{ body: {} }, { action: 'flows.get' }],
      checks: [
        { check: 'status', expect: [400] },
        { check: 'nothingCreated', at: 1 },
        { check: 'importDefaults' },
      ],
    });
    expect(testCase.checks.map(levelOf)).to.deep.equal(['SHOULD', 'MUST', 'SHOULD']);
    expect(testCase.checks.map((ref) => ref.decision)).to.deep.equal([
      'importResult',
      undefined,
      'importResult',
    ]);
    const decided = makeCase({
      action: 'flows.get',
      fact: 'a valid query whose items a decision reads',
      aspect: 'query',
      decision: 'filterGlobbing',
      decides: ['itemSet'],
      requests: [{}],
      checks: [
        { check: 'status', expect: [200] },
        { check: 'itemSet', set: 'flows', where: { keys: [] } },
      ],
    });
    expect(decided.checks.map(levelOf)).to.deep.equal(['MUST', 'SHOULD']);
    expect(decided.level).to.equal('MUST');
  });

  it('a failing MUST rule in a SHOULD case fails at MUST: a 400 that still created flows', () => {
    const ref = { check: 'nothingCreated', at: 1 } as const;
    const shouldCase = context([ref], [], 'SHOULD');
    const refused = exchange(400, { type: 'Validation', message: 'no' });
    const [broken] = runCheck(
      { ...shouldCase, exchanges: [refused, exchange(200, { items: [{ name: 'fcx-c-x' }] })] },
      ref,
    );
    expect(broken.level).to.equal('MUST');
  });
});
