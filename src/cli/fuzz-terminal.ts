import type { Command } from 'commander';
import type { CaseResult } from '../engine/results';
import { shellQuote } from '../http/curl';
import { showControls, type ProgressStream } from '../reporters';

/** Flags a replay does not repeat: its own (given anew), the bounds of the run, and the secrets. */
const NOT_REPLAYED = new Set(['seed', 'path', 'grep', 'runs', 'duration', 'adminToken', 'userPassword']);

/**
 * The target flags the run was given on its command line (` --target URL --application-id ID …`), for
 * the replay command; secrets are never among them (they come from the environment, as before).
 */
export function replayTargetFlags(command: Command): string {
  const words: string[] = [];
  for (const option of command.options) {
    const name = option.attributeName();
    if (NOT_REPLAYED.has(name) || command.getOptionValueSource(name) !== 'cli') continue;
    const value: unknown = command.getOptionValue(name);
    if (typeof value === 'boolean') words.push(option.long ?? '');
    else words.push(option.long ?? '', shellWord(String(value)));
  }
  return words.map((word) => ` ${word}`).join('');
}

/** A plain word (a URL, an id) bare, anything else quoted. */
const shellWord = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : shellQuote(text));

const CLEAR_LINE = '\r\u001b[2K';

/**
 * On a terminal, one status line updated in place as each property ends (`fuzz 3/10 properties: 2
 * passed, 1 failed | <property>`), cleared at the end; elsewhere nothing (the closing lines say it all).
 */
export function fuzzProgress(stream: ProgressStream & { isTTY?: boolean }) {
  const counts = { passed: 0, failed: 0, warning: 0, skipped: 0 };
  let shown = false;
  return {
    propertyEnd: (result: CaseResult, done: number, total: number): void => {
      counts[result.outcome] += 1;
      if (stream.isTTY !== true) return;
      shown = true;
      const line =
        `fuzz ${done}/${total} properties: ${counts.passed} passed, ${counts.failed} failed` +
        `${counts.skipped > 0 ? `, ${counts.skipped} ran no input` : ''} | ${result.id}`;
      const width = Math.max(40, (stream.columns ?? 100) - 1);
      stream.write(CLEAR_LINE + showControls(line.length <= width ? line : `${line.slice(0, width - 1)}…`));
    },
    end: (): void => {
      if (shown) stream.write(CLEAR_LINE);
    },
  };
}
