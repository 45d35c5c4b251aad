import { randomBytes } from 'node:crypto';

/** Fresh 24-hex ids, as the reference's ids look; the store checks them for collisions. */
export const newObjectId = (): string => randomBytes(12).toString('hex');

/** Opaque bearer secrets; recognisable as the mock's so that nobody mistakes one for a real token. */
export const newTokenSecret = (): string => `mock.${randomBytes(24).toString('base64url')}`;

export const OBJECT_ID_PATTERN = /^[A-Fa-f\d]{24}$/;

export const isObjectId = (value: unknown): value is string =>
  typeof value === 'string' && OBJECT_ID_PATTERN.test(value);
