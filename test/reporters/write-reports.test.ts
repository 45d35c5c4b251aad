import { expect } from 'chai';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Reporter } from '../../src/engine/results';
import {
  defaultReporters,
  fileReporter,
  jsonReporter,
  markdownReporter,
  redactSecrets,
  writeReports,
} from '../../src/reporters';
import { caseResult, mixedReport, runReport, tempDir } from './report-factory';

const SECRET = 'eyJhbGciOi.secret&token<value>';

function leakyReport() {
  return runReport([
    caseResult('GET flows: leaks', {
      outcome: 'failed',
      failures: [
        {
          check: 'status-code',
          caseId: 'GET flows: leaks',
          level: 'MUST',
          message: `curl -H 'Authorization: Bearer ${SECRET}'\nthe target echoed ${SECRET}`,
          location: 'l',
        },
      ],
    }),
  ]);
}

async function filesIn(dir: string): Promise<Map<string, string>> {
  const names = await readdir(dir);
  return new Map(
    await Promise.all(
      names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const),
    ),
  );
}

const throwingReporter: Reporter = {
  name: 'broken',
  write: async () => {
    throw new Error('disk on fire\nsecond line');
  },
};

describe('reporters: writeReports', () => {
  it('creates the directory and writes every default report', async () => {
    const dir = path.join(await tempDir(), 'nested', 'reports');
    const { files, errors } = await writeReports(mixedReport(), dir);
    expect(errors).to.deep.equal([]);
    expect(files.map((file) => path.basename(file))).to.deep.equal([
      'conformance.json',
      'junit.xml',
      'summary.md',
      'index.html',
    ]);
    expect([...(await filesIn(dir)).keys()].sort()).to.deep.equal([
      'conformance.json',
      'index.html',
      'junit.xml',
      'summary.md',
    ]);
  });

  it('never lets a secret into any file, escaped or not', async () => {
    const dir = await tempDir();
    await writeReports(leakyReport(), dir, defaultReporters(), [SECRET]);
    for (const [name, content] of await filesIn(dir)) {
      expect(content, name).to.not.contain(SECRET);
      expect(content, name).to.not.contain('secret&amp;token');
      expect(content, name).to.contain('[REDACTED]');
    }
  });

  it('the secret does reach the files when it is not passed (the test can see a leak)', async () => {
    const dir = await tempDir();
    await writeReports(leakyReport(), dir, [markdownReporter()]);
    expect((await filesIn(dir)).get('summary.md')).to.contain(SECRET);
  });

  it('scrubs the files of a reporter that writes them itself', async () => {
    const dir = await tempDir();
    const selfWriting: Reporter = {
      name: 'raw',
      write: async (_report, reportDir) => {
        const file = path.join(reportDir, 'raw.txt');
        await writeFile(file, `token=${SECRET}`);
        return [file];
      },
    };
    await writeReports(leakyReport(), dir, [selfWriting], [SECRET]);
    expect((await filesIn(dir)).get('raw.txt')).to.equal('token=[REDACTED]');
  });

  it('scrubs what a reporter renders from outside the report', async () => {
    const dir = await tempDir();
    const withFooter = fileReporter('footer', () => [{ file: 'footer.txt', content: `rendered ${SECRET}` }]);
    await writeReports(leakyReport(), dir, [withFooter], [SECRET]);
    expect((await filesIn(dir)).get('footer.txt')).to.equal('rendered [REDACTED]');
  });

  it('writes the other reports when one throws, and reports the error', async () => {
    const dir = await tempDir();
    const { files, errors } = await writeReports(mixedReport(), dir, [
      throwingReporter,
      jsonReporter(),
      markdownReporter(),
    ]);
    expect(errors).to.deep.equal([{ reporter: 'broken', message: 'disk on fire' }]);
    expect(files.map((file) => path.basename(file))).to.deep.equal(['conformance.json', 'summary.md']);
    expect([...(await filesIn(dir)).keys()].sort()).to.deep.equal(['conformance.json', 'summary.md']);
  });
});

describe('reporters: redactSecrets', () => {
  it('replaces every occurrence, the longer secret first', () => {
    expect(redactSecrets('a abcdef abcd abcdef', ['abcd', 'abcdef'])).to.equal(
      'a [REDACTED] [REDACTED] [REDACTED]',
    );
  });

  it('leaves text alone when no secret, or only a too-short one, is given', () => {
    expect(redactSecrets('class="x"', [])).to.equal('class="x"');
    expect(redactSecrets('class="x"', ['', 'ss'])).to.equal('class="x"');
  });
});

describe('reporters: writeReports redacts credentials by where they stand, no secret given', () => {
  const PASSWORD = 'Pa55-by-structure-9z8y';
  const PLACED = [
    `curl -H 'X-Api-Key: ${PASSWORD}' 'http://127.0.0.1/x?access_token=${PASSWORD}&api_key=${PASSWORD}'`,
    `{"a":{"b":{"credentials":{"password":"${PASSWORD}"}}},"tokens":["${PASSWORD}"],"apiKey":"${PASSWORD}"}`,
    `email=a%40b.c&pwd=${PASSWORD}&pass=${PASSWORD}`,
    `Cookie: sid=${PASSWORD}`,
  ];

  for (const placed of PLACED)
    it(`in every file: ${placed.slice(0, 40)}…`, async () => {
      const dir = await tempDir();
      const id = `GET flows: ${placed}`;
      const report = runReport([
        caseResult(id, {
          outcome: 'failed',
          failures: [{ check: 'status-code', caseId: id, level: 'MUST', message: placed, location: placed }],
        }),
      ]);
      const { files } = await writeReports(report, dir);
      expect(files).to.have.length(4);
      for (const [name, content] of await filesIn(dir)) expect(content, name).not.to.contain(PASSWORD);
    });
});
