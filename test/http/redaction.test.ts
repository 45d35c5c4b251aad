import { expect } from 'chai';
import { excerpt } from '../../src/http/curl';
import { redactSecrets } from '../../src/http/redact';
import { redactReport } from '../../src/reporters';
import { caseResult, runReport } from '../reporters/report-factory';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2NvcGU6Zmxvd3MuZ2V0.q8N3x7vT2kLm9Rw4';

/** Every piece of the token of PARTIAL_SECRET_MIN (4) characters or more found in the text. */
const tokenPieces = (text: string): string[] => {
  const found: string[] = [];
  for (let start = 0; start + 4 <= TOKEN.length; start++)
    if (text.includes(TOKEN.slice(start, start + 4))) found.push(TOKEN.slice(start, start + 4));
  return found;
};

/** A body whose 500-character excerpt cuts the token after `kept` of its characters. */
const straddling = (kept: number): string => `${'x'.repeat(499 - kept)}${TOKEN} ${'y'.repeat(600)}`;

describe('http: redaction of excerpts cut across a secret', () => {
  for (const kept of [4, 12, TOKEN.length - 1]) {
    it(`cut after ${kept} characters of the token, then redacted (the engine's order): no piece survives`, () => {
      const cut = excerpt(straddling(kept));
      expect(cut.endsWith(`${TOKEN.slice(0, kept)}…`)).to.equal(true);
      const message = redactSecrets(`response: 400 (application/json) ${cut}`, [TOKEN]);
      expect(tokenPieces(message)).to.deep.equal([]);
      expect(message).to.match(/\[REDACTED\]…$/);
    });

    it(`redacted, then cut after ${kept} characters: no piece survives and the cut stays within 500`, () => {
      const cut = excerpt(straddling(kept), 500, [TOKEN]);
      expect(tokenPieces(cut)).to.deep.equal([]);
      expect(cut.length).to.be.at.most(500);
      expect(cut.endsWith('…')).to.equal(true);
    });
  }

  it('the piece after a cut that ends a secret is redacted as well', () => {
    const text = `…${TOKEN.slice(-10)} rest`;
    expect(redactSecrets(text, [TOKEN])).to.equal('…[REDACTED] rest');
  });

  it('a cut next to ordinary text that only shares a few letters with a secret leaves it alone', () => {
    expect(redactSecrets('the word eye…', [TOKEN])).to.equal('the word eye…');
  });

  it('the reports scrub a piece a cut left behind, in every string of a failure', () => {
    const cut = excerpt(straddling(20));
    const report = runReport([
      caseResult('GET flows: cut', {
        outcome: 'failed',
        failures: [{ check: 'status', caseId: 'GET flows: cut', level: 'MUST', message: cut, location: cut }],
      }),
    ]);
    const scrubbed = JSON.stringify(redactReport(report, [TOKEN]));
    expect(tokenPieces(scrubbed)).to.deep.equal([]);
    expect(scrubbed).to.include('[REDACTED]…');
  });
});
