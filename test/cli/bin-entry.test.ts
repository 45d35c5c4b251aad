import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN_ENTRY, ensureBuilt } from '../support/built-cli';

/** Node running `script`; what it wrote on stderr. */
function stderrOf(script: string, env: NodeJS.ProcessEnv = {}): string {
  const child = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  expect(child.status, child.stderr).to.equal(0);
  return child.stderr;
}

/** `flows-conformance --version` through the bin, then `after`, in one process. */
const throughBin = (after: string) =>
  `process.argv = ${JSON.stringify(['node', BIN_ENTRY, '--version'])}; require(${JSON.stringify(BIN_ENTRY)}); ${after}`;

const CALLS_UTIL_EXTEND = "require('node:util')._extend({}, { a: 1 });";

describe('cli: the bin entry', function () {
  this.timeout(30_000);
  before(ensureBuilt);

  it("hides http-proxy's util._extend deprecation (DEP0060), which Node alone prints", () => {
    expect(stderrOf(CALLS_UTIL_EXTEND), 'plain Node').to.include('DEP0060');
    expect(stderrOf(throughBin(CALLS_UTIL_EXTEND)), 'through the bin').to.not.include('DEP0060');
  });

  it('still prints every other warning', () => {
    const stderr = stderrOf(
      throughBin("process.emitWarning('still shown', 'DeprecationWarning', 'DEP9999');"),
    );
    expect(stderr).to.include('[DEP9999] DeprecationWarning: still shown');
  });

  it("fills Node's compile cache, so later starts skip compiling", () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'fc-compile-cache-'));
    try {
      stderrOf(throughBin(''), { NODE_COMPILE_CACHE: cache });
      expect(readdirSync(cache, { recursive: true }).length).to.be.greaterThan(0);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
