import type { CaseResult, Outcome, Reporter, RunEvent } from '../engine/results';
import { showControls } from './controls';
import { countOutcomes, isUnexpectedFailure, OUTCOME_LABELS } from './report-views';
import { skipReasonsLine } from './skip-reasons';
import { summaryLine } from './summary-line';

/** Where progress goes: process.stderr by default, a buffer in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressOptions {
  /** Overrides the stream's own isTTY (`--no-progress-line`, tests). */
  readonly tty?: boolean;
}

const CLEAR_LINE = '\r\u001b[2K';
/** The bar's width: narrower on a narrow terminal, to leave room for the case id. */
const barWidth = (columns: number): number => (columns >= 120 ? 20 : 10);

/**
 * The progress display: on a terminal a progress bar on one line that updates in place (counts and the
 * case just finished), with each failed case printed above it as it fails (`FAIL <case id>`), so the
 * bar never overwrites one; elsewhere (CI logs, pipes) one plain line per case, `PASS <case id>` (a
 * skipped case with its reason: `SKIP <case id> (<reason>)`); and a final summary, with the skipped
 * cases counted by reason (on a terminal too, where no SKIP line is printed).
 */
export class ProgressDisplay implements Reporter {
  readonly name = 'progress';
  private readonly tty: boolean;
  private readonly finished: CaseResult[] = [];
  private caseCount = 0;

  constructor(
    private readonly stream: ProgressStream,
    options: ProgressOptions = {},
  ) {
    this.tty = options.tty ?? stream.isTTY === true;
  }

  onEvent(event: RunEvent): void {
    // Every text but our own CLEAR_LINE goes through showControls: what a target sent cannot act on the terminal.
    switch (event.type) {
      case 'run:start':
        this.caseCount = event.caseCount;
        this.finished.length = 0;
        this.stream.write(`Running ${event.caseCount} cases against ${showControls(event.target)}\n`);
        return;
      case 'case:end':
        this.finished.push(event.result);
        if (this.tty) {
          const kept = isUnexpectedFailure(event.result)
            ? CLEAR_LINE + showControls(`${this.label(event.result)} ${event.result.id}`) + '\n'
            : '';
          this.stream.write(kept + CLEAR_LINE + showControls(this.statusLine(event.result)));
        } else
          this.stream.write(
            showControls(`${this.label(event.result)} ${event.result.id}${this.reason(event.result)}`) + '\n',
          );
        return;
      case 'run:end': {
        const skips = skipReasonsLine(event.report.results);
        this.stream.write(
          (this.tty ? CLEAR_LINE : '') +
            showControls(summaryLine(event.report.summary)) +
            '\n' +
            (skips === undefined ? '' : showControls(skips) + '\n'),
        );
        return;
      }
    }
  }

  /** Progress writes nothing to the report directory. */
  async write(): Promise<readonly string[]> {
    return [];
  }

  private label(result: CaseResult): string {
    return result.outcome === 'failed' && result.expectedFailure ? 'XFAIL' : OUTCOME_LABELS[result.outcome];
  }

  /** A skipped case says why, on its own line: ` (no token for ...)`. */
  private reason(result: CaseResult): string {
    return result.outcome === 'skipped' && result.skipReason ? ` (${result.skipReason.split('\n')[0]})` : '';
  }

  private statusLine(current: CaseResult): string {
    const counts = countOutcomes(this.finished);
    const shown = (outcome: Outcome, word: string) => `${counts[outcome]} ${word}`;
    const done = this.caseCount > 0 ? Math.min(1, this.finished.length / this.caseCount) : 1;
    const columns = this.stream.columns ?? 100;
    const barSize = barWidth(columns);
    const filled = Math.round(done * barSize);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(barSize - filled)}]`;
    const head =
      `${bar} ${this.finished.length}/${this.caseCount} ` +
      [
        shown('passed', 'passed'),
        shown('failed', 'failed'),
        shown('warning', 'warn'),
        shown('skipped', 'skipped'),
      ].join(', ') +
      ' | ';
    const width = Math.max(40, columns - 1);
    const room = width - head.length;
    const id = current.id.length <= room ? current.id : current.id.slice(0, Math.max(0, room - 1)) + '…';
    return head + id;
  }
}

export const progressDisplay = (
  stream: ProgressStream = process.stderr,
  options?: ProgressOptions,
): ProgressDisplay => new ProgressDisplay(stream, options);
