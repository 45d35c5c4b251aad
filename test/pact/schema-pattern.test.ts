import { readdirSync } from 'node:fs';
import { expect } from 'chai';
import { rustRegexOf } from '../../src/pact/schema-pattern';
import { SCHEMA_DIR } from '../../src/paths';
import { loadSchemaFile } from '../../src/schemas/registry';

function patternsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(patternsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, child]) => {
    const own = key === 'pattern' && typeof child === 'string' ? [child] : [];
    const keys = key === 'patternProperties' && child && typeof child === 'object' ? Object.keys(child) : [];
    return [...own, ...keys, ...patternsIn(child)];
  });
}

const SCHEMA_PATTERNS = [
  ...new Set(
    readdirSync(SCHEMA_DIR)
      .filter((file) => file.endsWith('.json'))
      .flatMap((file) => patternsIn(loadSchemaFile(file))),
  ),
];

describe('pact regex matchers: the schema patterns as Rust reads them', () => {
  it('the schemas have patterns, and each translates (no shorthand that differs between engines)', () => {
    expect(SCHEMA_PATTERNS).to.include('^[A-Fa-f\\d]{24}$');
    for (const pattern of SCHEMA_PATTERNS) expect(() => rustRegexOf(pattern), pattern).not.to.throw();
  });

  it('keeps every id the schema accepts, upper-case hex included, and refuses non-ASCII digits', () => {
    const id = new RegExp(rustRegexOf('^[A-Fa-f\\d]{24}$'));
    expect(rustRegexOf('^[A-Fa-f\\d]{24}$')).to.equal('^[A-Fa-f0-9]{24}$');
    for (const accepted of [
      '575ec8687ae143cd83dc4a97',
      '575EC8687AE143CD83DC4A97',
      '575eC8687ae143cd83dC4a97',
    ])
      expect(id.test(accepted), accepted).to.equal(true);
    for (const refused of [
      '575ec8687ae143cd83dc4a9',
      '575ec8687ae143cd83dc4a9g',
      '575ec8687ae143cd83dc4a9\u0661',
    ])
      expect(id.test(refused), refused).to.equal(false);
  });

  it('agrees with the JavaScript pattern on the values of each schema pattern it is tried on', () => {
    const samples = [
      '0',
      '1.2.3',
      '01.2.3',
      '1.2.3\u0661',
      'data:image/png;base64,AA==',
      'key_1-x',
      '\u0663.0.0',
    ];
    for (const pattern of SCHEMA_PATTERNS) {
      const javascript = new RegExp(pattern, 'u');
      const translated = new RegExp(rustRegexOf(pattern), 'u');
      for (const sample of samples)
        expect(translated.test(sample), `${pattern} on ${sample}`).to.equal(javascript.test(sample));
    }
  });

  it('refuses a shorthand class whose meaning differs between the engines', () => {
    expect(() => rustRegexOf('^\\w+$')).to.throw(/\\w/);
    expect(rustRegexOf('^a\\.b\\\\d$')).to.equal('^a\\.b\\\\d$');
    expect(rustRegexOf('^\\d[\\d.]$')).to.equal('^[0-9][0-9.]$');
  });
});
