import { summarize } from '../engine/runner';
import type { CaseResult, RunReport } from '../engine/results';
import { Redactor } from '../http/redact';
import type { ExchangeRecord } from './har';

/** Bodies kept for the HAR, in all; beyond it exchanges are still judged and listed, without bodies. */
const HAR_BODY_BUDGET_BYTES = 256 * 1024 * 1024;

/**
 * What the proxy has seen: the exchanges (for the HAR), the results of the judged ones (for the
 * reports) and every secret that went by (for redaction). Bounded in count and in body bytes.
 */
export class TrafficLog {
  readonly records: ExchangeRecord[] = [];
  readonly results: CaseResult[] = [];
  /** Every secret that went by, in a store bounded in size (see Redactor). */
  readonly redactor = new Redactor();
  private bodyBytes = 0;
  dropped = 0;
  readonly startedAt = new Date().toISOString();
  private readonly started = performance.now();

  constructor(
    private readonly target: string,
    private readonly maxExchanges: number,
  ) {}

  addSecret(secret: string | undefined): void {
    this.redactor.add(secret);
  }

  get secrets(): string[] {
    return this.redactor.secrets;
  }

  /** Secrets out of a text that leaves the proxy (a header, an Error body). */
  redact(text: string): string {
    return this.redactor.redact(text);
  }

  addRecord(record: ExchangeRecord): void {
    if (this.records.length >= this.maxExchanges) {
      this.dropped += 1;
      return;
    }
    const bytes = (record.request.body?.length ?? 0) + (record.response?.body?.length ?? 0);
    if (this.bodyBytes + bytes > HAR_BODY_BUDGET_BYTES) {
      record.request.body = undefined;
      if (record.response) record.response.body = undefined;
      record.comment = [record.comment, 'bodies left out: the HAR body budget is spent']
        .filter(Boolean)
        .join('; ');
    } else this.bodyBytes += bytes;
    this.records.push(record);
  }

  addResult(result: CaseResult): void {
    if (this.results.length < this.maxExchanges) this.results.push(result);
  }

  report(): RunReport {
    return {
      summary: summarize(this.results, {
        durationMs: Math.round(performance.now() - this.started),
        target: this.target,
        strict: false,
        startedAt: this.startedAt,
        staleExpectations: [],
      }),
      results: this.results,
    };
  }
}
