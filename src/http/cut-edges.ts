/** The mark a cut leaves in an excerpt (see `excerpt` in curl.ts). */
export const CUT_MARK = '…';

/** A piece of a secret this long at a cut is taken as recognisable; shorter ones are mere chance. */
export const PARTIAL_SECRET_MIN = 4;

/** The longest k ≥ PARTIAL_SECRET_MIN with `head` ending in the first k characters of `secret`. */
function prefixAtEnd(head: string, secret: string): number {
  for (let k = Math.min(secret.length - 1, head.length); k >= PARTIAL_SECRET_MIN; k--)
    if (head.endsWith(secret.slice(0, k))) return k;
  return 0;
}

/** The longest k ≥ PARTIAL_SECRET_MIN with `tail` starting with the last k characters of `secret`. */
function suffixAtStart(tail: string, secret: string): number {
  for (let k = Math.min(secret.length - 1, tail.length); k >= PARTIAL_SECRET_MIN; k--)
    if (tail.startsWith(secret.slice(-k))) return k;
  return 0;
}

/**
 * A secret cut in two by an excerpt survives in part on each side of the cut mark, out of reach of a
 * whole-secret search: the piece before a mark that begins a secret, and the piece after one that ends
 * a secret, are replaced too. Whole secrets must already be gone.
 */
export function redactCutEdges(text: string, secrets: readonly string[], replacement: string): string {
  if (!text.includes(CUT_MARK) || secrets.length === 0) return text;
  return text
    .split(CUT_MARK)
    .map((piece, index, pieces) => {
      let out = piece;
      if (index < pieces.length - 1) {
        const cut = Math.max(0, ...secrets.map((secret) => prefixAtEnd(out, secret)));
        if (cut > 0) out = out.slice(0, out.length - cut) + replacement;
      }
      if (index > 0) {
        const cut = Math.max(0, ...secrets.map((secret) => suffixAtStart(out, secret)));
        if (cut > 0) out = replacement + out.slice(cut);
      }
      return out;
    })
    .join(CUT_MARK);
}
