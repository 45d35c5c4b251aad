/**
 * docs/decisions.md P2: what a server should refuse of a body, whatever its schema. The reference states
 * none of it, so each is a SHOULD.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Nesting deeper than this is refused as not JSON (400). */
export const BODY_MAX_DEPTH = 64;
/** A `__proto__` member, written plainly or with escapes, is refused as not JSON (400). */
export const PROTO_MEMBER = /"(?:__proto__|\\u005[fF]\\u005[fF]proto\\u005[fF]\\u005[fF])"\s*:/;
