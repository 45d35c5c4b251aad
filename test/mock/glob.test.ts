import { expect } from 'chai';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileGlob, foldCase, globSubject, type GlobReading } from '../../src/model/resource/glob';
import { PACKAGE_ROOT } from '../../src/paths';

/**
 * The RegExp the mock used to build from a glob: the oracle of the semantics (decision 6), only ever run
 * here on short globs, where its backtracking is harmless.
 */
function oracle(glob: string, { caseSensitive = false, questionAsStar = false }: GlobReading = {}): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*' || (char === '?' && questionAsStar)) source += '[\\s\\S]*';
    else if (char === '?') source += '[\\s\\S]';
    else source += char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, caseSensitive ? 'u' : 'iu');
}

/** Names from an alphabet that holds wildcards, RegExp syntax, case pairs and characters outside the BMP. */
const alphabet = [
  'a',
  'A',
  'b',
  'B',
  '.',
  '(',
  '\\',
  'ß',
  'ẞ',
  'σ',
  'ς',
  'Σ',
  'ı',
  'I',
  'i',
  'K',
  '😀',
  '\ud800',
];
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((chars) => chars.join(''));
const glob = fc
  .array(fc.constantFrom(...alphabet, '*', '?', '*', '?'), { maxLength: 7 })
  .map((chars) => chars.join(''));

/** 300 names like the data set's, none holding `#`: the worst case of a glob ending in `#`. */
const NAMES = Array.from({ length: 300 }, (_, index) => `Conformance flow number ${index} of the run`);

/** Names longer than every glob below, so that no glob is refused for its length alone. */
const LONG_NAMES = Array.from({ length: 300 }, (_, index) => `${'a'.repeat(700)}${index}`);

/** The matcher's steps for one glob against every name. */
function stepsFor(pattern: string, names = NAMES): number {
  const matcher = compileGlob(pattern);
  for (const name of names) matcher.test(name);
  return matcher.steps;
}

describe('mock: the filter glob (decision 6)', () => {
  for (const options of [{}, { caseSensitive: true }, { questionAsStar: true }] as const) {
    it(`matches exactly what the anchored RegExp matches (${JSON.stringify(options)})`, () => {
      fc.assert(
        fc.property(glob, text, (pattern, name) => {
          const expected = oracle(pattern, options).test(name);
          expect(compileGlob(pattern, options).test(name), `${pattern} vs ${name}`).to.equal(expected);
          expect(
            compileGlob(pattern, options).test(globSubject(name)),
            `${pattern} vs prepared ${name}`,
          ).to.equal(expected);
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('matches what the RegExp matches for segments longer than one machine word (32 code points)', () => {
    const long = (chars: string[], max: number) =>
      fc.array(fc.constantFrom(...chars), { maxLength: max }).map((list) => list.join(''));
    fc.assert(
      fc.property(long(['a', 'A', 'b', '?', '?', '*'], 90), long(['a', 'b', 'B'], 120), (pattern, name) => {
        expect(compileGlob(pattern).test(name), `${pattern} vs ${name}`).to.equal(oracle(pattern).test(name));
      }),
      { numRuns: 2000 },
    );
    // One that surely takes several words and matches only at the far end.
    const name = `${'a'.repeat(200)}b${'a'.repeat(54)}`;
    expect(compileGlob(`*${'a?'.repeat(40)}b*`).test(name)).to.equal(true);
    expect(compileGlob(`*${'a?'.repeat(40)}bb*`).test(name)).to.equal(false);
  });

  it("reads a 255-character name in at most 8 steps a character, whatever the glob (the attack review's included)", () => {
    const names = Array.from({ length: 20 }, (_, index) => 'a'.repeat(253) + String(index).padStart(2, '0'));
    for (const pattern of [
      `*${'a'.repeat(254)}b`,
      `*${'a'.repeat(200)}b*`,
      `*${'a?'.repeat(120)}b*`,
      `${'*a'.repeat(126)}*b`,
      `${'?'.repeat(250)}*`,
      `*${'?'.repeat(31)}b*`,
    ]) {
      // 8 words of 32 code points for the longest segment, and one step per name besides.
      expect(stepsFor(pattern, names) / names.length, pattern).to.be.at.most(8 * 255 + 1);
    }
  });

  it('folds case as a /iu RegExp does, for every code point with a case mapping', () => {
    const cased: string[] = [];
    // No code point above U+1FFFF has a case mapping.
    for (let code = 0; code <= 0x1ffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (char.toLowerCase() !== char || char.toUpperCase() !== char) cased.push(char);
    }
    const all = cased.join('');
    const folds = cased.map((char) => foldCase(char.codePointAt(0)!));
    const wrong: string[] = [];
    cased.forEach((char, index) => {
      const code = char.codePointAt(0)!;
      const equal = [...all.matchAll(new RegExp(`\\u{${code.toString(16)}}`, 'giu'))].map((m) => m[0]);
      const folded = cased.filter((_, other) => folds[other] === folds[index]);
      if (equal.join('') !== folded.join('')) wrong.push(char);
    });
    expect(wrong).to.deep.equal([]);
  });

  it('`?` is one code point, `*` any run, both across characters outside the BMP', () => {
    expect(compileGlob('a?b').test('a😀b')).to.equal(true);
    expect(compileGlob('a??b').test('a😀b')).to.equal(false);
    expect(compileGlob('*😀*').test('x😀y')).to.equal(true);
    expect(compileGlob('').test('')).to.equal(true);
    expect(compileGlob('*').test('')).to.equal(true);
  });

  it('the cost of n stars grows at most linearly in n (steps, not time)', () => {
    const counts = [10, 20, 40, 80, 160, 320];
    for (const [shape, names] of [
      [(n: number) => `${'*'.repeat(n)}#`, NAMES],
      [(n: number) => `${'*o'.repeat(n)}#`, NAMES],
      [(n: number) => `${'*a'.repeat(n)}#`, LONG_NAMES],
      [(n: number) => `${'*?'.repeat(n)}#`, LONG_NAMES],
    ] as const) {
      const steps = counts.map((n) => stepsFor(shape(n), names));
      for (let index = 1; index < counts.length; index += 1) {
        // Doubling n may at most double the steps (and a little over, for the constant part).
        expect(steps[index] / steps[index - 1], `${shape(counts[index])}: ${steps.join(', ')}`).to.be.at.most(
          2.2,
        );
      }
    }
  });

  it('a glob longer than any name costs one step per name', () => {
    expect(stepsFor(`${'?*'.repeat(5000)}`)).to.equal(NAMES.length);
  });

  it('no module of the mock builds a RegExp at run time (input never becomes a pattern)', () => {
    const dir = path.join(PACKAGE_ROOT, 'src', 'mock');
    const building = readdirSync(dir).filter((file) =>
      /\bRegExp\s*\(/.test(readFileSync(path.join(dir, file), 'utf8')),
    );
    expect(building).to.deep.equal([]);
  });
});
