import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { DATE_TIME_PATTERN } from '../../src/pact/date-time';
import { runTs } from '../support/cli';
import { INSTANT_TABLE, REGEX_WIDER_THAN_AJV } from './support/date-time-table';

/** ajv-formats' `date-time`, set up as src/schemas/registry.ts sets it up for the run. */
function ajvDateTime(): (instant: string) => boolean {
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  const validate = ajv.compile({ type: 'string', format: 'date-time' });
  return (instant) => validate(instant);
}

const label = (instant: string): string => JSON.stringify(instant);

describe('pact date-time matcher: RFC 3339 as the run reads it', () => {
  const ajvAccepts = ajvDateTime();
  const regex = new RegExp(DATE_TIME_PATTERN);

  it('agrees with ajv-formats (the run) on every instant of the table', () => {
    for (const row of INSTANT_TABLE) {
      expect(ajvAccepts(row.instant), `ajv-formats on ${label(row.instant)} (${row.why})`).to.equal(
        row.valid,
      );
      expect(regex.test(row.instant), `the regex on ${label(row.instant)} (${row.why})`).to.equal(row.valid);
    }
  });

  it('is wider than ajv-formats only on leap seconds away from 23:59 UTC', () => {
    for (const instant of REGEX_WIDER_THAN_AJV) {
      expect(regex.test(instant), label(instant)).to.equal(true);
      expect(ajvAccepts(instant), label(instant)).to.equal(false);
    }
  });

  it("gives the same verdicts in Pact's own verifier (Rust regex engine) as in the table", async function () {
    this.timeout(60_000);
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'flows-date-time-'));
    try {
      const instants = INSTANT_TABLE.map((row) => row.instant);
      const script = path.join(__dirname, 'support', 'verify-instants.ts');
      const child = await runTs([script, workDir, JSON.stringify(instants)]);
      const result = JSON.parse(readFileSync(path.join(workDir, 'failed.json'), 'utf8')) as {
        error?: string;
        failed: string[];
      };
      expect(result.error, child.stderr).to.equal(undefined);
      const refused = new Set(result.failed);
      for (const [index, row] of INSTANT_TABLE.entries())
        expect(!refused.has(`instant ${index}`), `Pact on ${label(row.instant)} (${row.why})`).to.equal(
          row.valid,
        );
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
