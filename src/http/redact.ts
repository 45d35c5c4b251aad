import { PARTIAL_SECRET_MIN, redactCutEdges } from './cut-edges';

/** The one mark a secret leaves wherever it is shown: curl commands, failure messages, report files. */
export const REDACTED = '[REDACTED]';
const REDACTED_BEARER = `Bearer ${REDACTED}`;

/**
 * Secrets shorter than this would blank out ordinary words; the tokens and passwords redacted are
 * longer. The same bound as a piece of a secret at a cut, so that a whole secret is never spared where
 * a piece of one would not be.
 */
const MIN_SECRET_LENGTH = PARTIAL_SECRET_MIN;

/** The secrets worth searching for, longest first, so that a secret holding another is replaced whole. */
export function usableSecrets(secrets: Iterable<string>): string[] {
  return [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/**
 * Every occurrence of every secret replaced by the mark, and the piece of one that a cut (`…`) left
 * behind, so that an excerpt cut before redaction leaks nothing.
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  const usable = usableSecrets(secrets);
  let out = text;
  for (const secret of usable) out = out.split(secret).join(REDACTED);
  return redactCutEdges(out, usable, REDACTED);
}

/** The Authorization header shown without its credential; every other header as it is. */
export function redactHeaderValue(name: string, value: string): string {
  if (name.toLowerCase() !== 'authorization') return value;
  return /^bearer\s/i.test(value) ? REDACTED_BEARER : REDACTED;
}
