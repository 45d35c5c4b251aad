import { expect } from 'chai';
import { resultsCell } from '../../src/reporters/html-parts';

describe('reporters: a results cell with no case', () => {
  it('is a red "uncovered" badge where a case is due', () =>
    expect(resultsCell([])).to.equal('<span class="badge uncovered">uncovered</span>'));

  it('is plain muted words where none need be (a decision whose rules run at MUST, a scope)', () => {
    const cell = resultsCell([], 'no case of its own', false);
    expect(cell).to.equal('<span class="muted">no case of its own</span>');
    expect(cell).to.not.include('badge');
  });
});
