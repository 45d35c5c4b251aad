import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { runTs } from '../support/cli';

/** The code block of docs/mock.md that follows "In process": what a reader copies must run as it is. */
function inProcessSnippet(): string {
  const doc = readFileSync(path.join(PACKAGE_ROOT, 'docs', 'mock.md'), 'utf8');
  const match = /\nIn process[^\n]*\n(?:[^\n]+\n)*\n```ts\n([\s\S]*?)\n```/.exec(doc);
  if (!match) throw new Error('docs/mock.md has no "In process" ts block');
  return match[1];
}

describe('docs: the in-process snippet of docs/mock.md runs', function () {
  this.timeout(60_000);

  it('as a whole script (tsx, from the checkout): the seeded flows, and exit 0', async () => {
    const { code, stdout, stderr } = await runTs(['--eval', inProcessSnippet()]);
    expect(code, stderr).to.equal(0);
    expect(stdout.trim()).to.match(/^GET flows: 200, [1-9]\d* flows$/);
  });
});
