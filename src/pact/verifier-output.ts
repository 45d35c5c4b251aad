/** The verifier's JSON result (pact_ffi `pactffi_verifier_json`), reduced to what reports need. */
export interface InteractionFailure {
  /** The interaction's description (the verifier's `Verifying a pact between ... - ` prefix removed). */
  readonly interaction: string;
  readonly messages: readonly string[];
}

/** Every interaction the verifier ran, from its output: description and time taken. */
export interface InteractionRun {
  readonly description: string;
  readonly durationMs: number;
}

export interface VerificationOutcome {
  readonly passed: boolean;
  readonly failures: readonly InteractionFailure[];
  /** The verifier's own text output, one line each (ANSI stripped). */
  readonly output: readonly string[];
  readonly interactions: readonly InteractionRun[];
  /** Set when the verifier could not run at all (no pacts, bad URL, ...). */
  readonly error?: string;
  /** The target stopped answering during the verification (reset, closed, timed out): where and why. */
  readonly targetFailure?: string;
  /** The user stopped the verification (SIGINT, SIGTERM): the interactions after it were not sent. */
  readonly interrupted?: string;
  /** 3xx answers the verification did not follow (their Location removed), one line each. */
  readonly refusedRedirects?: readonly string[];
  /** Provider states that could not be set up (a token that cannot be had, ...), each with the reason. */
  readonly stateErrors?: readonly { readonly state: string; readonly reason: string }[];
  readonly durationMs: number;
}

interface RawMismatch {
  readonly type?: string;
  readonly path?: string;
  readonly mismatch?: string;
  readonly description?: string;
  readonly message?: string;
  readonly mismatches?: readonly RawMismatch[];
}

interface RawResult {
  readonly result?: boolean;
  readonly output?: readonly string[];
  readonly errors?: readonly { readonly interaction?: string; readonly mismatch?: RawMismatch }[];
}

/** The colour and weight sequences (SGR) the verifier writes, removed. */
// eslint-disable-next-line no-control-regex
export const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

function messagesOf(mismatch: RawMismatch | undefined): string[] {
  if (!mismatch) return [];
  if (mismatch.mismatches) return mismatch.mismatches.flatMap(messagesOf);
  const text = mismatch.mismatch ?? mismatch.description ?? mismatch.message ?? mismatch.type;
  if (!text) return [];
  return [stripAnsi(mismatch.path ? `${mismatch.path}: ${text}` : text)];
}

export function parseVerifierJson(json: unknown, durationMs: number): VerificationOutcome {
  let raw: RawResult | undefined;
  try {
    raw = (typeof json === 'string' ? JSON.parse(json) : json) as RawResult;
  } catch {
    raw = undefined;
  }
  if (!raw || typeof raw.result !== 'boolean')
    return {
      passed: false,
      failures: [],
      output: [],
      interactions: [],
      error: String(json).split('\n')[0],
      durationMs,
    };
  const output = (raw.output ?? []).flatMap((chunk) => stripAnsi(chunk).split('\n'));
  const interactions = interactionsOf(output);
  const failures = (raw.errors ?? []).map((error) => ({
    interaction: descriptionOf(error.interaction ?? '(unnamed interaction)', interactions),
    messages: messagesOf(error.mismatch),
  }));
  return { passed: raw.result && failures.length === 0, failures, output, interactions, durationMs };
}

const HEADER = /^ {2}(\S.*) \(([\dhms ]+) loading, ([\dhms ]+) verification\)$/;
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** `1s 99ms` → 1099. */
const millisecondsOf = (text: string): number =>
  [...text.matchAll(/(\d+)(ms|h|m|s)/g)].reduce(
    (sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit],
    0,
  );

function interactionsOf(output: readonly string[]): InteractionRun[] {
  const runs: InteractionRun[] = [];
  for (const line of output) {
    const match = HEADER.exec(line);
    if (match)
      runs.push({ description: match[1], durationMs: millisecondsOf(match[2]) + millisecondsOf(match[3]) });
  }
  return runs;
}

/** `Verifying a pact between A and B Given s - description` → `description`. */
function descriptionOf(name: string, runs: readonly InteractionRun[]): string {
  const known = runs.find((run) => name.endsWith(` - ${run.description}`) || name === run.description);
  if (known) return known.description;
  const cut = name.lastIndexOf(' - ');
  return cut >= 0 ? name.slice(cut + 3) : name;
}
