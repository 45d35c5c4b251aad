import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { createMockServer, MOCK_APPLICATION_ID } from '../../src/mock';
import { PACKAGE_ROOT } from '../../src/paths';
import { HAR_FILE, writeProxyReports } from '../../src/proxy';
import { cliArgv } from '../support/built-cli';
import { proxiedMock } from './support';

const SET = ['conformance.json', 'junit.xml', 'summary.md', 'index.html', HAR_FILE];
const OLD = 'a report of an earlier run';

/** A report folder holding an earlier set, each file saying so. */
function folderWithAnEarlierSet(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'proxy-set-'));
  for (const file of SET) writeFileSync(path.join(dir, file), OLD);
  return dir;
}

/** How many files of the set are the earlier run's: 0 (the new set) or all of them (the old one), never a mix. */
const earlierFiles = (dir: string): number =>
  SET.filter((file) => readFileSync(path.join(dir, file), 'utf8') === OLD).length;

describe('proxy: the reports and the HAR are one set (issue 20)', function () {
  this.timeout(90_000);

  it('replaces the earlier set whole and leaves no staging folder', async () => {
    const dir = folderWithAnEarlierSet();
    const proxied = await proxiedMock();
    try {
      await fetch(`${proxied.url}/applications/${MOCK_APPLICATION_ID}/flows`, {
        headers: { authorization: `Bearer ${proxied.mock.tokenFor(['flows.get'])}` },
      });
      let staged = '';
      let seenWhileStaging = -1;
      await writeProxyReports(proxied.proxy.log, dir, '0.0.0-test', (folder) => {
        staged = folder;
        seenWhileStaging = earlierFiles(dir);
      });
      expect(seenWhileStaging).to.equal(SET.length);
      expect(earlierFiles(dir)).to.equal(0);
      expect(readdirSync(dir).sort()).to.deep.equal([...SET].sort());
      expect(staged.startsWith(dir)).to.equal(true);
    } finally {
      await proxied.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a second SIGTERM while writing leaves the earlier set or the new one, never an old HAR beside new reports', async () => {
    const dir = folderWithAnEarlierSet();
    const mock = await createMockServer();
    try {
      const target = await mock.listen(0, '127.0.0.1');
      const child = spawn(
        process.execPath,
        cliArgv(['proxy', '--target', target, '--port', '0', '--report-dir', dir]),
        { cwd: PACKAGE_ROOT },
      );
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(stdout);
          if (match) resolve(match[1]);
        });
        child.on('exit', () => reject(new Error(`the proxy exited before listening: ${stdout}`)));
      });
      const token = mock.tokenFor(['flows.get']);
      for (let index = 0; index < 50; index += 1)
        await fetch(`${url}/applications/${MOCK_APPLICATION_ID}/flows`, {
          headers: { authorization: `Bearer ${token}` },
        });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      child.kill('SIGTERM');
      const code = await exited;
      expect([0, 130]).to.include(code);
      expect(earlierFiles(dir)).to.be.oneOf([0, SET.length]);
      expect(readdirSync(dir).sort()).to.deep.equal([...SET].sort());
      if (code === 130) expect(stderr).to.match(/keeps the last complete set|the reports are in/);
    } finally {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
