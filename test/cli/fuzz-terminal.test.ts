import { expect } from 'chai';
import { Command } from 'commander';
import { fuzzProgress, replayTargetFlags } from '../../src/cli/fuzz-terminal';
import { addTargetOptions } from '../../src/cli/target-options';
import { caseResult } from '../reporters/report-factory';

describe('cli: what fuzz shows on the terminal', () => {
  it('on a TTY a status line updated in place, cleared at the end; elsewhere nothing', () => {
    const written: string[] = [];
    const tty = fuzzProgress({ write: (text: string) => written.push(text), isTTY: true, columns: 200 });
    tty.propertyEnd(caseResult('GET flows: fuzz: a', { outcome: 'failed' }), 1, 2);
    tty.propertyEnd(caseResult('GET flows: fuzz: b', { outcome: 'skipped' }), 2, 2);
    tty.end();
    expect(written[1]).to.equal(
      '\r\u001b[2Kfuzz 2/2 properties: 0 passed, 1 failed, 1 ran no input | GET flows: fuzz: b',
    );
    expect(written.at(-1)).to.equal('\r\u001b[2K');
    const piped: string[] = [];
    const log = fuzzProgress({ write: (text: string) => piped.push(text) });
    log.propertyEnd(caseResult('GET flows: fuzz: a', { outcome: 'passed' }), 1, 1);
    log.end();
    expect(piped).to.deep.equal([]);
  });

  it('the replay repeats the target flags typed, never a secret nor the run’s own bounds', () => {
    const command = addTargetOptions(new Command('fuzz').exitOverride())
      .option('--seed <n>')
      .option('--runs <n>');
    command.parse(
      [
        '--target',
        'http://127.0.0.1:1',
        '--admin-token',
        'sekret',
        '--mock-only-tokens',
        '--seed',
        '3',
        '--runs',
        '9',
      ],
      { from: 'user' },
    );
    expect(replayTargetFlags(command)).to.equal(' --target http://127.0.0.1:1 --mock-only-tokens');
  });
});
