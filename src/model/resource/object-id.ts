/** The reference's ids: 24 hex digits, in either case. */
export const OBJECT_ID_PATTERN = /^[A-Fa-f\d]{24}$/;

export const isObjectId = (value: unknown): value is string =>
  typeof value === 'string' && OBJECT_ID_PATTERN.test(value);
