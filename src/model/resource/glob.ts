/**
 * Decision 6's filter glob, the one matcher the mock and every judge use: `*` any run of characters (also none), `?` exactly one, whole field,
 * case-insensitive. Never a RegExp: a glob comes from the query string, and a backtracking RegExp of n
 * stars costs time exponential in n (the whole server waits).
 *
 * The stars cut the glob into segments. The first must match at the start of the name, the last at its
 * end, and each middle one at its leftmost place after the one before: taking the leftmost place never
 * loses a match, so nothing is ever tried twice. A segment without `?` is found by the engine's
 * `indexOf`; one with `?` by a bit-parallel scan (Shift-And) that reads each character of the name once,
 * one machine word per 32 code points of the segment. A name of L code points therefore costs
 * O(L × ⌈k / 32⌉) steps for a longest segment of k code points, at most O(8 L) for a name of the
 * schema's 255, whatever the glob; a glob with more literal characters than the name is refused in one step.
 */

/**
 * Readings a correct server may take of decision 6's finer points (SHOULD): the case, and `?` as `*`.
 * The decision's own is `{}`; the others only lower a difference to SHOULD (and are two of the mock's faults).
 */
export interface GlobReading {
  readonly caseSensitive?: boolean;
  readonly questionAsStar?: boolean;
}

export const OTHER_GLOB_READINGS: readonly GlobReading[] = [
  { caseSensitive: true },
  { questionAsStar: true },
];

/** A segment's tokens are code points (case-folded unless case-sensitive), or this for `?`. */
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

// Not from input: a fixed class of code units (a surrogate or not ASCII).
const SURROGATE = /[\ud800-\udfff]/;
const NOT_ASCII = /[\u0080-\uffff]/;

/** The text as a case-insensitive glob reads it: each code point folded. */
export function foldText(text: string): string {
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  let folded = '';
  for (const char of text) folded += String.fromCodePoint(foldCase(char.codePointAt(0)!));
  return folded;
}

/** A name made ready for globs once (the mock keeps one per stored flow), so a Get never folds it again. */
export interface GlobSubject {
  readonly text: string;
  readonly folded: string;
  /** Whether the text holds a surrogate (then a code unit is not always a code point). */
  readonly surrogates: boolean;
}

export const globSubject = (text: string): GlobSubject => ({
  text,
  folded: foldText(text),
  surrogates: SURROGATE.test(text),
});

/** A run of the glob between stars: code points, or ANY for `?`. */
interface Segment {
  readonly tokens: readonly number[];
  /** The segment as text, when it has no `?` and no surrogate (so `indexOf` finds it in code points). */
  readonly literal: string | undefined;
  /** Shift-And masks: bit i of word ⌊i / 32⌋ set where token i accepts the code point. */
  readonly words: number;
  readonly masks: ReadonlyMap<number, Int32Array>;
  /** The same for the ASCII code points, by code (the common case, without a map look-up). */
  readonly asciiMasks: readonly Int32Array[];
  /** The mask of a code point the segment names nowhere: its `?` positions. */
  readonly anyMask: Int32Array;
}

function segmentOf(tokens: number[]): Segment {
  const words = Math.ceil(tokens.length / 32);
  const anyMask = new Int32Array(words);
  tokens.forEach((token, index) => {
    if (token === ANY) anyMask[index >> 5] |= 1 << (index & 31);
  });
  const masks = new Map<number, Int32Array>();
  tokens.forEach((token, index) => {
    if (token === ANY) return;
    let mask = masks.get(token);
    if (!mask) masks.set(token, (mask = Int32Array.from(anyMask)));
    mask[index >> 5] |= 1 << (index & 31);
  });
  const plain = tokens.every(
    (token) => token !== ANY && (token < 0xd800 || (token > 0xdfff && token <= 0xffff)),
  );
  const asciiMasks = Array.from({ length: 128 }, (_, code) => masks.get(code) ?? anyMask);
  return {
    tokens,
    literal: plain ? String.fromCharCode(...tokens) : undefined,
    words,
    masks,
    asciiMasks,
    anyMask,
  };
}

/** The code points of a name, in a buffer reused across names (no allocation per name). */
let codes = new Int32Array(256);

function fillCodes(text: string, surrogates: boolean): number {
  if (codes.length < text.length) codes = new Int32Array(text.length * 2);
  let count = 0;
  if (!surrogates) for (; count < text.length; count += 1) codes[count] = text.charCodeAt(count);
  else for (const char of text) codes[count++] = char.codePointAt(0)!;
  return count;
}

/** A compiled glob; `steps` counts the characters every `test` so far has read (for the linearity test). */
export interface GlobMatcher {
  test(text: string | GlobSubject): boolean;
  readonly steps: number;
}

export function compileGlob(glob: string, options: GlobReading = {}): GlobMatcher {
  const { caseSensitive = false, questionAsStar = false } = options;
  const fold = caseSensitive ? (code: number) => code : foldCase;
  const runs: number[][] = [[]];
  let literals = 0;
  for (const char of glob) {
    const code = char.codePointAt(0)!;
    if (code === 0x2a || (code === 0x3f && questionAsStar)) runs.push([]);
    else {
      literals += 1;
      runs[runs.length - 1].push(code === 0x3f ? ANY : fold(code));
    }
  }
  const starred = runs.length > 1;
  const [first, ...rest] = runs.map(segmentOf);
  const last = starred ? rest.pop()! : undefined;
  const middle = rest.filter((segment) => segment.tokens.length > 0);
  const astral = runs.some((run) =>
    run.some((token) => token > 0xffff || (token >= 0xd800 && token <= 0xdfff)),
  );
  let steps = 0;

  /** Whether the segment matches the name's code points `codes[at…]`. */
  const matchesAt = (segment: Segment, at: number): boolean => {
    const { tokens } = segment;
    steps += tokens.length;
    for (let index = 0; index < tokens.length; index += 1)
      if (tokens[index] !== ANY && tokens[index] !== codes[at + index]) return false;
    return true;
  };

  /** The end of the leftmost match of the segment in `codes[from…limit)`, or -1 (Shift-And). */
  const scan = (segment: Segment, from: number, limit: number): number => {
    const { words, masks, asciiMasks, anyMask, tokens } = segment;
    const maskOf = (code: number): Int32Array =>
      code < 128 ? asciiMasks[code] : (masks.get(code) ?? anyMask);
    const top = 1 << ((tokens.length - 1) & 31);
    steps += (limit - from) * words;
    if (words === 1) {
      let state = 0;
      for (let at = from; at < limit; at += 1) {
        state = ((state << 1) | 1) & maskOf(codes[at])[0];
        if (state & top) return at + 1;
      }
      return -1;
    }
    const state = new Int32Array(words);
    for (let at = from; at < limit; at += 1) {
      const mask = maskOf(codes[at]);
      let carry = 1;
      for (let word = 0; word < words; word += 1) {
        const next = state[word] >>> 31;
        state[word] = ((state[word] << 1) | carry) & mask[word];
        carry = next;
      }
      if (state[words - 1] & top) return at + 1;
    }
    return -1;
  };

  return {
    get steps() {
      return steps;
    },
    test(name) {
      steps += 1;
      const prepared = typeof name === 'string' ? undefined : name;
      const text = prepared ? prepared.text : (name as string);
      // Every token but a star takes one code point: a name shorter than that cannot match.
      if (literals > text.length) return false;
      const subject = caseSensitive ? text : (prepared?.folded ?? foldText(text));
      const surrogates = prepared ? prepared.surrogates : SURROGATE.test(text);
      // Without surrogates a code unit is a code point, and a segment outside the BMP cannot match.
      if (!surrogates && astral) return false;
      // The code points are read only for a segment `indexOf` cannot find.
      let size = surrogates ? fillCodes(subject, true) : subject.length;
      let filled = surrogates;
      const atCode = (segment: Segment): boolean => {
        if (!surrogates && segment.literal !== undefined) return false;
        if (!filled) size = fillCodes(subject, false);
        filled = true;
        return true;
      };
      if (literals > size) return false;
      if (!last) {
        if (first.tokens.length !== size) return false;
        if (atCode(first)) return matchesAt(first, 0);
        steps += size;
        return subject === first.literal;
      }
      const tailAt = size - last.tokens.length;
      for (const [segment, at] of [
        [first, 0],
        [last, tailAt],
      ] as const) {
        if (atCode(segment)) {
          if (!matchesAt(segment, at)) return false;
        } else {
          steps += segment.tokens.length;
          if (!subject.startsWith(segment.literal!, at)) return false;
        }
      }
      let at = first.tokens.length;
      for (const segment of middle) {
        if (atCode(segment)) at = scan(segment, at, tailAt);
        else {
          const found = subject.indexOf(segment.literal!, at);
          steps += (found < 0 ? tailAt : found) - at + segment.tokens.length;
          at = found < 0 || found + segment.tokens.length > tailAt ? -1 : found + segment.tokens.length;
        }
        if (at < 0) return false;
      }
      return true;
    },
  };
}

export const globMatches = (glob: string, text: string, reading: GlobReading = {}): boolean =>
  compileGlob(glob, reading).test(text);
