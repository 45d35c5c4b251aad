import { expect } from 'chai';
import { buildProgram } from '../../src/cli/main';
import { EXAMPLES } from '../../src/cli/examples';
import { runMain } from '../support/in-process-cli';

/** The words of an example line, quotes removed (the examples quote only plain words). */
const wordsOf = (line: string): string[] => line.split(' ').map((word) => word.replace(/^'|'$/g, ''));

describe('cli: every command’s --help ends with examples that it accepts', () => {
  const program = buildProgram();

  it('every command has examples, and every example names a command that exists', () => {
    expect(Object.keys(EXAMPLES).sort()).to.deep.equal(
      program.commands.map((command) => command.name()).sort(),
    );
  });

  for (const [name, lines] of Object.entries(EXAMPLES))
    it(`${name}: each example uses only flags the command has`, () => {
      const command = program.commands.find((candidate) => candidate.name() === name);
      const flags = new Set(command?.options.map((option) => option.long));
      for (const line of lines) {
        const [bin, commandName, ...rest] = wordsOf(line);
        expect([bin, commandName], line).to.deep.equal(['flows-conformance', name]);
        for (const word of rest.filter((candidate) => candidate.startsWith('--')))
          expect(flags.has(word), `${line}: ${word}`).to.equal(true);
      }
    });

  it('--help prints them', async () => {
    const result = await runMain(['explore', '--help']);
    expect(result.stdout).to.include('Examples:\n  $ flows-conformance explore\n');
  });
});
