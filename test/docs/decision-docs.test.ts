import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DECISIONS, type Decision } from '../../specs/catalog';
import { PACKAGE_ROOT } from '../../src/paths';

/**
 * A decision that a warning, a skip or a report cites (`docs/reference-decisions.md decision 4`,
 * `docs/decisions.md P1`) resolves to a heading of a file that the repository and the package both hold.
 */
const packagedFiles = (
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { files: string[] }
).files;

/** `### 4. Paging` for D4, `## P1. ...` for P1: the number the citations use, then the title. */
const headingOf = (decision: Decision): RegExp =>
  new RegExp(`^#{2,3} ${decision.id.replace(/^D/, '')}\\. \\S`, 'm');

const decisionsWithoutHeading = (text: string, decisions: readonly Decision[]): string[] =>
  decisions.filter((decision) => !headingOf(decision).test(text)).map((decision) => decision.id);

const ALL: readonly Decision[] = Object.values(DECISIONS);
const SOURCES = [...new Set(ALL.map((decision) => decision.source))];

describe('docs: every cited decision resolves to a file of the package', () => {
  for (const source of SOURCES) {
    const decisions = ALL.filter((decision) => decision.source === source);

    it(`${source}: in the package's files, with a heading for each of ${decisions.map((decision) => decision.id).join(', ')}`, () => {
      expect(packagedFiles).to.include(source);
      const text = readFileSync(path.join(PACKAGE_ROOT, source), 'utf8');
      expect(decisionsWithoutHeading(text, decisions)).to.deep.equal([]);
    });
  }

  it('a doc that lost a heading is caught, by the decision it lost', () => {
    const text = readFileSync(path.join(PACKAGE_ROOT, DECISIONS.paging.source), 'utf8');
    const withoutPaging = text.replace(/^### 4\. Paging$/m, '### Paging');
    expect(withoutPaging).to.not.equal(text);
    expect(
      decisionsWithoutHeading(
        withoutPaging,
        ALL.filter((d) => d.source === DECISIONS.paging.source),
      ),
    ).to.deep.equal(['D4']);
  });

  it('decisions 1-15 of the reference are all there, numbered as the reference numbers them', () => {
    const numbers = ALL.filter((decision) => decision.id.startsWith('D')).map((decision) => decision.id);
    expect(numbers).to.deep.equal(Array.from({ length: 15 }, (_, index) => `D${index + 1}`));
  });
});
