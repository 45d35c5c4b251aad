import { expect } from 'chai';
import fc from 'fast-check';
import { MAX_JSON_DEPTH, nestsDeeperThan, parseJson } from '../../src/http/transport';

/** How deep a parsed JSON value nests arrays and objects. */
const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null
    ? 1 + Math.max(0, ...Object.values(value as Record<string, unknown>).map(depthOf))
    : 0;

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('http: parsing an answer as JSON is bounded in nesting (issue 20)', () => {
  it('measures the nesting of any JSON text exactly, brackets inside strings and escapes aside', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'large' }), (text) => {
        const depth = depthOf(JSON.parse(text));
        expect(nestsDeeperThan(text, depth), text).to.equal(false);
        if (depth > 0) expect(nestsDeeperThan(text, depth - 1), text).to.equal(true);
      }),
      { numRuns: 2000 },
    );
    expect(nestsDeeperThan('["[[[\\"[[", {"a": "\\\\"}]', 2)).to.equal(false);
  });

  it(`parses an answer nested ${MAX_JSON_DEPTH} deep, and refuses one level more with a reason (a failed case)`, () => {
    expect(parseJson(nested(MAX_JSON_DEPTH)).ok).to.equal(true);
    expect(parseJson(nested(MAX_JSON_DEPTH + 1))).to.deep.equal({
      ok: false,
      error: `the body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });

  it('refuses a 16 MiB answer nested millions deep without parsing it', () => {
    const before = process.memoryUsage().heapUsed;
    const result = parseJson(nested(8 * 1024 * 1024));
    expect(result.ok).to.equal(false);
    // The text itself is 16 MiB; parsing it would hold millions of arrays.
    expect(process.memoryUsage().heapUsed - before).to.be.below(64 * 1024 * 1024);
  });
});
