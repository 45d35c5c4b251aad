/**
 * Decision 6 as the model reads it: `*` any run of characters (also none), `?` exactly one, the whole
 * field, case-insensitive (Unicode simple case folding, as `/iu` does). Written from the decision's words
 * as a RegExp, independently of the mock's matcher, so that the two can be compared (the model is the
 * oracle). Consecutive stars are one star, which keeps the RegExp free of nested quantifiers.
 */
/** The syntax characters a `u` RegExp lets one escape (`*` and `?` are the glob's own). */
const SPECIAL = /[\\^$.|+()[\]{}/]/g;

export function globPattern(glob: string): RegExp {
  let source = '';
  for (const char of glob.replace(/\*+/g, '*')) {
    if (char === '*') source += '[^]*';
    else if (char === '?') source += '[^]';
    else source += char.replace(SPECIAL, '\\$&');
  }
  return new RegExp(`^${source}$`, 'iu');
}

export const globMatches = (glob: string, text: string): boolean => globPattern(glob).test(text);
