import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { COMMANDS, commandsFor } from '../../src/cli/commands';
import { PACKAGE_ROOT } from '../../src/paths';
import { BIN_ENTRY, ensureBuilt } from '../support/built-cli';

const argv = (...args: string[]) => ['node', 'flows-conformance', ...args];

/** The modules a built `flows-conformance <args>` has loaded by the time it exits. */
function loadedPackages(args: readonly string[]): string[] {
  ensureBuilt();
  const script = [
    `process.argv = ${JSON.stringify(['node', BIN_ENTRY, ...args])};`,
    `require(${JSON.stringify(path.join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js'))}).main(process.argv)`,
    `.then(() => console.log(JSON.stringify(Object.keys(require.cache))));`,
  ].join('\n');
  const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const files = JSON.parse(output.trim().split('\n').pop()!) as string[];
  return [
    ...new Set(
      files.map((file) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1]).filter((name) => !!name),
    ),
  ] as string[];
}

describe('cli: a command loads only its own modules', function () {
  this.timeout(30_000);

  it('the command a line names is the only one registered', () => {
    expect(commandsFor(argv('publish', '--broker-url', 'http://127.0.0.1:9'))).to.have.length(1);
    expect(commandsFor(argv('can-i-deploy', '--version', '1'))).to.have.length(1);
  });

  it('--help, help and a mistyped name register every command; --version alone none', () => {
    for (const line of [argv('--help'), argv('help', 'run'), argv('rnu'), argv()])
      expect(commandsFor(line), line.join(' ')).to.have.length(COMMANDS.length);
    expect(commandsFor(argv('--version'))).to.deep.equal([]);
  });

  it('publish --help loads neither the mock server, the HTTP client, the Pact core nor fast-check', () => {
    const loaded = loadedPackages(['publish', '--help']);
    expect(loaded).to.include('commander');
    for (const heavy of ['fastify', 'undici', '@pact-foundation/pact', 'fast-check', 'supertest'])
      expect(loaded, heavy).to.not.include(heavy);
  });

  it('run --help loads what run needs (the mock server), which publish does not', () => {
    expect(loadedPackages(['run', '--help'])).to.include('fastify');
  });
});
