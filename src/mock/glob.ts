/**
 * Decision 6's filter glob: `*` any run of characters (also none), `?` exactly one, whole field,
 * case-insensitive. Matched by a two-pointer wildcard matcher, never a RegExp: a glob comes from the
 * query string, and a backtracking RegExp of n stars costs time exponential in n (the whole server
 * waits). Here a match costs at most (glob tokens × name characters) steps, and a glob with more
 * literal characters than the name has is refused in one step, so a name of L characters costs O(L²)
 * whatever the glob.
 */

export interface GlobOptions {
  readonly caseSensitive?: boolean;
  /** A fault: `?` read as `*`. */
  readonly questionAsStar?: boolean;
}

/** Tokens are code points (case-folded unless case-sensitive), or one of these two. */
const STAR = -1;
const ANY = -2;

/**
 * Where `lower(upper(c))` is not the Unicode simple case folding that a `/iu` RegExp uses (checked
 * over every code point by test/mock/glob.test.ts): dotless ı folds to itself, and three pairs fold
 * together although their case mappings differ.
 */
const FOLD_EXCEPTIONS: ReadonlyMap<number, number> = new Map([
  [0x131, 0x131],
  [0x1fd3, 0x390],
  [0x1fe3, 0x3b0],
  [0xfb05, 0xfb06],
]);

const singleCodePoint = (text: string): number | undefined => {
  const code = text.codePointAt(0);
  return code !== undefined && text.length === (code > 0xffff ? 2 : 1) ? code : undefined;
};

const foldCache = new Map<number, number>();

/** The code point `/iu` treats a code point as (Unicode simple case folding). */
export function foldCase(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  let folded = FOLD_EXCEPTIONS.get(code) ?? foldCache.get(code);
  if (folded === undefined) {
    const char = String.fromCodePoint(code);
    const upper = singleCodePoint(char.toUpperCase());
    folded =
      (upper === undefined ? undefined : singleCodePoint(String.fromCodePoint(upper).toLowerCase())) ??
      singleCodePoint(char.toLowerCase()) ??
      code;
    // Bounded: there are about 3,000 cased code points, and caching the others is harmless.
    if (foldCache.size < 65_536) foldCache.set(code, folded);
  }
  return folded;
}

/** A compiled glob; `steps` counts the comparisons of every `test` so far (for the linearity test). */
export interface GlobMatcher {
  test(text: string): boolean;
  readonly steps: number;
}

export function compileGlob(glob: string, options: GlobOptions = {}): GlobMatcher {
  const { caseSensitive = false, questionAsStar = false } = options;
  const fold = caseSensitive ? (code: number) => code : foldCase;
  const tokens: number[] = [];
  let literals = 0;
  for (const char of glob) {
    const code = char.codePointAt(0)!;
    const token =
      code === 0x2a || (code === 0x3f && questionAsStar) ? STAR : code === 0x3f ? ANY : fold(code);
    if (token === STAR && tokens[tokens.length - 1] === STAR) continue; // `**` is `*`
    if (token !== STAR) literals += 1;
    tokens.push(token);
  }
  let steps = 0;
  return {
    get steps() {
      return steps;
    },
    test(text) {
      steps += 1;
      // Every token but a star takes one code point: a name shorter than that cannot match.
      if (literals > text.length) return false;
      const chars: number[] = [];
      for (const char of text) chars.push(fold(char.codePointAt(0)!));
      if (literals > chars.length) return false;
      // Two pointers; on a mismatch, the last star takes one more character and the match resumes.
      let token = 0;
      let at = 0;
      let star = -1;
      let starAt = 0;
      while (at < chars.length) {
        steps += 1;
        const current = tokens[token];
        if (token < tokens.length && current !== STAR && (current === ANY || current === chars[at])) {
          token += 1;
          at += 1;
        } else if (current === STAR) {
          star = token;
          token += 1;
          starAt = at;
        } else if (star >= 0) {
          token = star + 1;
          starAt += 1;
          at = starAt;
        } else return false;
      }
      while (tokens[token] === STAR) token += 1;
      return token === tokens.length;
    },
  };
}
