import fc from 'fast-check';

/**
 * One Unicode code point, from every range a JSON string may hold: mostly printable ASCII (its syntax
 * characters `.`, `*`, `?`, `$`, ... more often still), then the rest of the Basic Multilingual Plane, emoji, and any supplementary-plane
 * code point. Lone surrogates are left out: they are not text, and a JSON body cannot carry them.
 * Lengths are counted in code points, as JSON Schema's maxLength counts them.
 */
/** Characters with a meaning in paths, queries, globs, regular expressions and templates: drawn more often. */
const SYNTAX = [...'.$[]*?/\\"\'%&=#:{}<>|+~^`'].map((char) => char.codePointAt(0) as number);

export const codePoint: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 2, arbitrary: fc.constantFrom(...SYNTAX) },
    { weight: 1, arbitrary: fc.integer({ min: 0x00, max: 0x1f }) },
    { weight: 3, arbitrary: fc.integer({ min: 0x7f, max: 0xd7ff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xffff }) },
    { weight: 2, arbitrary: fc.integer({ min: 0x1f300, max: 0x1faff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }) },
  )
  .map((code) => String.fromCodePoint(code));

export const codePointLength = (text: string): number => [...text].length;

/** Beyond this many code points a string of an exact length is a short random text repeated. */
const SHORT = 64;

/**
 * Drawn as `start`, shrunk as `range` shrinks it (towards its bound nearest zero): a value generated on a
 * bound that shrinking can still move off.
 */
class StartingAt extends fc.Arbitrary<number> {
  constructor(
    private readonly start: number,
    private readonly range: fc.Arbitrary<number>,
  ) {
    super();
  }
  generate(): fc.Value<number> {
    return new fc.Value(this.start, undefined);
  }
  canShrinkWithoutContext(value: unknown): value is number {
    return this.range.canShrinkWithoutContext(value);
  }
  shrink(value: number, context: unknown): fc.Stream<fc.Value<number>> {
    return this.range.shrink(value, context);
  }
}

/**
 * A string of exactly `length` code points when drawn (random up to SHORT, else a random text of 1..8
 * repeated), whose length shrinks down to `minLength`: a failure found at maxLength is shown as the
 * shortest string that still fails, not as the longest one.
 */
function exactLength(length: number, minLength: number): fc.Arbitrary<string> {
  const kept = new StartingAt(length, fc.integer({ min: minLength, max: length }));
  const text =
    length <= SHORT
      ? fc.string({ unit: codePoint, minLength: length, maxLength: length })
      : fc.string({ unit: codePoint, minLength: 1, maxLength: 8 });
  return fc.tuple(kept, text).map(([size, drawn]) => {
    const units = [...drawn];
    return Array.from({ length: size }, (_, index) => units[index % units.length]).join('');
  });
}

/**
 * A string of minLength..maxLength code points. Most are short (fast-check's size), and some sit exactly
 * on a bound: an off-by-one at maxLength is found only by a string of exactly that length. Long bounds
 * (a 32,767-character description) are drawn rarely, so that a body holding many stays small.
 */
export function unicodeString(minLength = 0, maxLength = 64): fc.Arbitrary<string> {
  const bounds = [...new Set([minLength, maxLength])].map((length) => ({
    weight: length > 1024 ? 1 : 10,
    arbitrary: exactLength(length, minLength),
  }));
  if (minLength > SHORT) return fc.oneof(...bounds);
  const short = fc.string({ unit: codePoint, minLength, maxLength: Math.min(maxLength, SHORT) });
  return fc.oneof({ weight: 80, arbitrary: short }, ...bounds);
}

/** Object keys: any text but `__proto__`, which a JSON object of JavaScript cannot carry as data. */
export const objectKey = (maxLength = 16): fc.Arbitrary<string> =>
  unicodeString(1, maxLength).filter((key) => key !== '__proto__');

/** A JSON scalar: null, a boolean, a number (finite), any Unicode string. */
export const jsonScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  unicodeString(0, 24),
);

/** Any JSON value two levels deep. */
export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: jsonScalar },
  { weight: 1, arbitrary: fc.array(jsonScalar, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(objectKey(), jsonScalar, { maxKeys: 3, noNullPrototype: true }),
  },
);

/** Deepest nesting generated for a free object (`{"type": "object"}`): below any server's sane limit. */
export const MAX_GENERATED_NESTING = 32;

/**
 * A free object (a node's `config`, `meta`): flat and wide, or one key nested up to
 * MAX_GENERATED_NESTING levels. Shrinking lowers the depth to the least that still fails.
 */
export const freeObject: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(objectKey(), jsonValue, { maxKeys: 4, noNullPrototype: true }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: MAX_GENERATED_NESTING }), objectKey(4), jsonScalar)
      .map(([depth, key, leaf]) => {
        let value: Record<string, unknown> = { [key]: leaf };
        for (let level = 1; level < depth; level += 1) value = { [key]: value };
        return value;
      }),
  },
);
