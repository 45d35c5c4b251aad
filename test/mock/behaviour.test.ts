import { expect } from 'chai';
import { behaviourOf } from '../../src/mock/behaviour';
import { FAULT_NAMES } from '../../src/mock/faults';

describe('mock: the faults seam (src/mock/behaviour.ts)', () => {
  const reference = behaviourOf();

  it('without faults the behaviour is the reference: 201 Posts, 0-based pages, exact scopes', () => {
    expect(reference.post.status).to.equal(201);
    expect(reference.paging.firstPage).to.equal(0);
    expect(reference.auth.scopeCheck).to.equal('exact');
    expect(reference.sort.ties).to.equal('idAscending');
  });

  it('every fault changes the behaviour, and no two faults change it alike', () => {
    const changed = new Map<string, string>();
    for (const fault of FAULT_NAMES) {
      const behaviour = behaviourOf([fault]);
      expect(behaviour, fault).not.to.deep.equal(reference);
      const shown = JSON.stringify(behaviour);
      expect(changed.get(shown), `${fault} behaves as ${changed.get(shown)}`).to.equal(undefined);
      changed.set(shown, fault);
    }
  });

  it('an unknown fault name is refused', () => {
    expect(() => behaviourOf(['no-such-fault'])).to.throw('unknown fault "no-such-fault"');
  });
});
