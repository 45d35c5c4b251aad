/**
 * Decision 6 as the model reads it: `*` any run of characters (also none), `?` exactly one, the whole
 * field, case-insensitive (Unicode simple case folding, as `/iu` does). Written from the decision's words
 * as a RegExp, independently of the mock's matcher, so that the two can be compared (the model is the
 * oracle). Consecutive stars are one star, which keeps the RegExp free of nested quantifiers.
 */
/** The syntax characters a `u` RegExp lets one escape (`*` and `?` are the glob's own). */
const SPECIAL = /[\\^$.|+()[\]{}/]/g;

/**
 * Readings a correct server may take of decision 6's finer points (SHOULD): the case, and `?`. The
 * model's own is the decision's; the others only lower a difference to SHOULD.
 */
export interface GlobReading {
  readonly caseSensitive?: boolean;
  readonly questionAsStar?: boolean;
}

export const OTHER_GLOB_READINGS: readonly GlobReading[] = [
  { caseSensitive: true },
  { questionAsStar: true },
];

export function globPattern(glob: string, reading: GlobReading = {}): RegExp {
  let source = '';
  const stars = reading.questionAsStar ? glob.replace(/\?/g, '*') : glob;
  for (const char of stars.replace(/\*+/g, '*')) {
    if (char === '*') source += '[^]*';
    else if (char === '?') source += '[^]';
    else source += char.replace(SPECIAL, '\\$&');
  }
  return new RegExp(`^${source}$`, reading.caseSensitive ? 'u' : 'iu');
}

export const globMatches = (glob: string, text: string, reading: GlobReading = {}): boolean =>
  globPattern(glob, reading).test(text);
