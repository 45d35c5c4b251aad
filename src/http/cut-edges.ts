import type { SecretAutomaton } from './secret-automaton';

/** The mark a cut leaves in an excerpt (see `excerpt` in curl.ts). */
export const CUT_MARK = '…';

/** A piece of a secret this long at a cut is taken as recognisable; shorter ones are mere chance. */
export const PARTIAL_SECRET_MIN = 4;

const reversed = (text: string): string => text.split('').reverse().join('');

/** The secrets as automata both ways: `ends` over the secrets reversed finds a secret's end at a start. */
export interface SecretAutomata {
  readonly forward: SecretAutomaton;
  readonly ends: () => SecretAutomaton;
  readonly longest: number;
}

/**
 * A secret cut in two by an excerpt survives in part on each side of the cut mark, out of reach of a
 * whole-secret search: the piece before a mark that begins a secret, and the piece after one that ends
 * a secret, are replaced too. Whole secrets must already be gone. Linear in the text.
 */
export function redactCutEdges(text: string, automata: SecretAutomata, replacement: string): string {
  if (!text.includes(CUT_MARK) || automata.longest === 0) return text;
  return text
    .split(CUT_MARK)
    .map((piece, index, pieces) => {
      let out = piece;
      if (index < pieces.length - 1) {
        const cut = automata.forward.prefixAtEnd(out.slice(-automata.longest));
        if (cut >= PARTIAL_SECRET_MIN) out = out.slice(0, out.length - cut) + replacement;
      }
      if (index > 0) {
        const cut = automata.ends().prefixAtEnd(reversed(out.slice(0, automata.longest)));
        if (cut >= PARTIAL_SECRET_MIN) out = replacement + out.slice(cut);
      }
      return out;
    })
    .join(CUT_MARK);
}

export const reversedSecret = reversed;
