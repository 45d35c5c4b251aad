/**
 * A schema `pattern` as Pact's Rust regex engine must read it to accept exactly what ajv (JavaScript)
 * accepts: `\d` is ASCII in JavaScript and any Unicode digit in Rust, so it becomes `0-9`. The other
 * shorthand classes also differ between the two engines; the schemas use none of them (tested), and a
 * pattern holding one is refused rather than translated by guesswork.
 */
const DIFFERING_SHORTHANDS = new Set(['D', 'w', 'W', 's', 'S', 'b', 'B']);

export function rustRegexOf(pattern: string): string {
  let inClass = false;
  let out = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '\\') {
      const escaped = pattern[index + 1] ?? '';
      if (DIFFERING_SHORTHANDS.has(escaped))
        throw new Error(`pattern ${pattern}: \\${escaped} means different things in JavaScript and Rust`);
      out += escaped === 'd' ? (inClass ? '0-9' : '[0-9]') : char + escaped;
      index += 1;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
  }
  return out;
}
