import { PARTIAL_SECRET_MIN, redactCutEdges, reversedSecret, type SecretAutomata } from './cut-edges';
import { SecretAutomaton, replaceSpans } from './secret-automaton';
import { REDACTED, redactByStructure } from './secret-names';

export { REDACTED, isSecretName, redactHeaderValue } from './secret-names';

/**
 * Secrets shorter than this would blank out ordinary words; the tokens and passwords redacted are
 * longer. The same bound as a piece of a secret at a cut, so that a whole secret is never spared where
 * a piece of one would not be.
 */
const MIN_SECRET_LENGTH = PARTIAL_SECRET_MIN;

/**
 * What the store of secrets to search for may hold, in UTF-16 code units (the automaton's alphabet):
 * past it a new secret is still redacted wherever it stands under a secret's name, not by value.
 */
export const SECRET_STORE_UNITS = 256 * 1024;

/** One secret longer than this is not searched for by value (nobody's token is); see SECRET_STORE_UNITS. */
export const MAX_SECRET_LENGTH = 4096;

/**
 * Every secret a run knows or saw, and the one redaction of every output: by structure (credentials
 * under a secret's name) and by value (every secret held, and a piece of one a cut left behind), each in
 * one pass over the text whatever the number of secrets. The automata are built again only after a
 * secret was added.
 */
export class Redactor {
  private readonly held = new Set<string>();
  private units = 0;
  /** Secrets not held: the store was full, or one was too long. */
  dropped = 0;
  private automata?: SecretAutomata;

  constructor(
    secrets: Iterable<string> = [],
    private readonly capacity = SECRET_STORE_UNITS,
  ) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH || this.held.has(secret)) return;
    if (secret.length > MAX_SECRET_LENGTH || this.units + secret.length > this.capacity) {
      this.dropped += 1;
      return;
    }
    this.held.add(secret);
    this.units += secret.length;
    this.automata = undefined;
  }

  get secrets(): string[] {
    return [...this.held];
  }

  /** Secrets by value only: for text whose structure is the suite's own (a curl command it built). */
  redactValues(text: string): string {
    if (this.held.size === 0) return text;
    const automata = this.built();
    const whole = replaceSpans(text, automata.forward.spans(text), REDACTED);
    return redactCutEdges(whole, automata, REDACTED);
  }

  /** Secrets by structure, then by value. */
  redact(text: string): string {
    return this.redactValues(redactByStructure(text));
  }

  private built(): SecretAutomata {
    if (this.automata) return this.automata;
    const secrets = this.secrets;
    let ends: SecretAutomaton | undefined;
    this.automata = {
      forward: new SecretAutomaton(secrets),
      ends: () => (ends ??= new SecretAutomaton(secrets.map(reversedSecret))),
      longest: secrets.reduce((most, secret) => Math.max(most, secret.length), 0),
    };
    return this.automata;
  }
}

/**
 * Every occurrence of every secret replaced by the mark, and the piece of one that a cut (`…`) left
 * behind, so that an excerpt cut before redaction leaks nothing; every credential under a secret's name
 * too. For many texts and one set of secrets, hold a Redactor.
 */
export function redactSecrets(text: string, secrets: Iterable<string> | Redactor): string {
  return redactorOf(secrets).redact(text);
}

export const redactorOf = (secrets: Iterable<string> | Redactor): Redactor =>
  secrets instanceof Redactor ? secrets : new Redactor(secrets);
