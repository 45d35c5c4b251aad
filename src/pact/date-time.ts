/**
 * The `date-time` format of the schemas as one regular expression, for Pact's `regex` matcher: it
 * accepts exactly what ajv-formats' `date-time` (the format `run` validates with, see
 * src/schemas/registry.ts) accepts, so that `run` and `verify` agree on every instant a server sends.
 *
 * That is RFC 3339 section 5.6 as ajv-formats reads it:
 * - `full-date`: four-digit year, month 01-12, a day that exists in that month (29 February only in
 *   leap years);
 * - the separator `T`, `t`, or a white-space character (RFC 3339 section 5.6 lets applications use a
 *   space "for the sake of readability"; ajv-formats splits on JavaScript's `\s`, so this class lists
 *   exactly those characters, literally, since Rust's `\s` is a different set);
 * - `partial-time`: 00-23, 00-59, seconds 00-59 or the leap second 60, an optional fraction of any
 *   number of digits;
 * - a required offset: `Z`, `z`, or a sign, hours 00-23 and optional minutes 00-59 with an optional
 *   colon (`+05:30`, `+0530`, `+05`: ajv-formats' reading, wider than RFC 3339's `+05:30` only).
 *
 * Digits are `[0-9]` (Rust's `\d` is any Unicode digit; ajv's is ASCII). One known difference, in the
 * safe direction: ajv-formats accepts the leap second only when the instant is 23:59 UTC (and then also
 * with hours up to 47), the regex accepts `:60` at any hour 00-23 (RFC 3339's grammar); a server
 * answering such an instant fails `run`, never only `verify`.
 */
const JS_WHITE_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

const YEAR = '[0-9]{4}';
const LEAP_YEAR = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const MONTH_DAY =
  '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
const FULL_DATE = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
const SEPARATOR = `[Tt${JS_WHITE_SPACE}]`;
const PARTIAL_TIME = '(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?';
const OFFSET = '(?:[Zz]|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)';

export const DATE_TIME_PATTERN = `^${FULL_DATE}${SEPARATOR}${PARTIAL_TIME}${OFFSET}$`;
