/** Instants and whether a `date-time` (RFC 3339 as ajv-formats reads it) is what each one is. */
export interface InstantRow {
  readonly instant: string;
  readonly valid: boolean;
  readonly why: string;
}

export const INSTANT_TABLE: readonly InstantRow[] = [
  { instant: '2016-06-13T04:00:00.000Z', valid: true, why: "the reference's example" },
  { instant: '2026-11-29T19:39:04.819+00:00', valid: true, why: 'numeric zero offset' },
  { instant: '2026-11-29T19:39:04Z', valid: true, why: 'no fraction' },
  { instant: '2026-11-29T19:39:04.8Z', valid: true, why: 'one fraction digit' },
  { instant: '2026-11-29T19:39:04.123456789Z', valid: true, why: 'nine fraction digits' },
  { instant: '2026-11-29T19:39:04.1234567890123Z', valid: true, why: 'a fraction of any length' },
  { instant: '2026-11-29T14:09:04-05:30', valid: true, why: 'negative offset with minutes' },
  { instant: '2026-11-29T23:59:59+23:59', valid: true, why: 'largest offset' },
  { instant: '2026-11-29T19:39:04-00:00', valid: true, why: 'unknown local offset (RFC 3339 4.3)' },
  { instant: '2026-11-29t19:39:04z', valid: true, why: 'lower-case t and z (RFC 3339 5.6 NOTE)' },
  { instant: '2026-11-29 19:39:04Z', valid: true, why: 'space separator (RFC 3339 5.6 NOTE, ajv-formats)' },
  { instant: '2026-11-29\t19:39:04Z', valid: true, why: 'tab separator (ajv-formats splits on \\s)' },
  { instant: '2026-11-29\u00a019:39:04Z', valid: true, why: 'no-break space separator (JavaScript \\s)' },
  { instant: '2026-11-29T19:39:04+0530', valid: true, why: 'offset without colon (ajv-formats)' },
  { instant: '2026-11-29T19:39:04+05', valid: true, why: 'offset without minutes (ajv-formats)' },
  { instant: '2024-02-29T00:00:00Z', valid: true, why: '29 February of a leap year' },
  { instant: '2000-02-29T00:00:00Z', valid: true, why: '29 February of a 400-year' },
  { instant: '2016-12-31T23:59:60Z', valid: true, why: 'leap second at 23:59 UTC' },
  { instant: '2016-12-31T18:59:60.5-05:00', valid: true, why: 'leap second at 23:59 UTC, offset' },
  { instant: '0000-01-01T00:00:00Z', valid: true, why: 'year 0000' },
  { instant: '2026-11-29T19:39:04', valid: false, why: 'no offset' },
  { instant: '2026-11-29T19:39:04.819', valid: false, why: 'fraction, no offset' },
  { instant: '2026-13-29T19:39:04Z', valid: false, why: 'month 13' },
  { instant: '2026-00-29T19:39:04Z', valid: false, why: 'month 00' },
  { instant: '2026-11-31T19:39:04Z', valid: false, why: '31 November' },
  { instant: '2026-11-00T19:39:04Z', valid: false, why: 'day 00' },
  { instant: '2023-02-29T00:00:00Z', valid: false, why: '29 February of a common year' },
  { instant: '1900-02-29T00:00:00Z', valid: false, why: '29 February of a century that is no leap year' },
  { instant: '2026-11-29T24:00:00Z', valid: false, why: 'hour 24' },
  { instant: '2026-11-29T19:60:04Z', valid: false, why: 'minute 60' },
  { instant: '2026-11-29T19:39:61Z', valid: false, why: 'second 61' },
  { instant: '2026-11-29T19:39:04+24:00', valid: false, why: 'offset hour 24' },
  { instant: '2026-11-29T19:39:04+05:60', valid: false, why: 'offset minute 60' },
  { instant: '2026-11-29T19:39:04+5:30', valid: false, why: 'one-digit offset hour' },
  { instant: '2026-11-29T19:39:04Zjunk', valid: false, why: 'trailing garbage' },
  { instant: ' 2026-11-29T19:39:04Z', valid: false, why: 'leading space' },
  { instant: '2026-11-29T19:39:04Z\n', valid: false, why: 'trailing newline' },
  { instant: '2026-11-29T19:39:04.Z', valid: false, why: 'empty fraction' },
  { instant: '2026-11-29T19:39Z', valid: false, why: 'no seconds' },
  { instant: '2026-11-29', valid: false, why: 'a date alone' },
  { instant: '2026-11-29TT19:39:04Z', valid: false, why: 'two separators' },
  { instant: '2026-11-29X19:39:04Z', valid: false, why: 'separator X' },
  { instant: '2026-11-29\u008519:39:04Z', valid: false, why: 'NEL separator (Rust \\s, not JavaScript)' },
  { instant: '26-11-29T19:39:04Z', valid: false, why: 'two-digit year' },
  { instant: '2026-11-29T19:39:04\u0660Z', valid: false, why: 'an Arabic-Indic digit' },
  { instant: '\u0662\u0660\u0662\u0666-11-29T19:39:04Z', valid: false, why: 'Arabic-Indic year digits' },
  { instant: '1480448344819', valid: false, why: 'epoch milliseconds as text' },
];

/**
 * Where the regex and ajv-formats differ on purpose (src/pact/date-time.ts): leap seconds that are not
 * at 23:59 UTC, which the regex accepts (RFC 3339's grammar) and ajv-formats refuses, so a server that
 * sends one fails `run` as well.
 */
export const REGEX_WIDER_THAN_AJV: readonly string[] = ['2016-12-31T22:59:60Z', '2026-06-30T12:00:60+00:00'];
