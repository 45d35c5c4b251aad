import { randomBytes } from 'node:crypto';

const ID_BYTES = 12;
/** Random bytes drawn 512 ids at a time: one randomBytes call per id made a 100k seed ~2 s slower. */
const POOL_BYTES = ID_BYTES * 512;
let pool = Buffer.alloc(0);
let used = 0;

/** Fresh 24-hex ids, as the reference's ids look; the store checks them for collisions. */
export function newObjectId(): string {
  if (used + ID_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  used += ID_BYTES;
  return pool.toString('hex', used - ID_BYTES, used);
}

/** Opaque bearer secrets; recognisable as the mock's so that nobody mistakes one for a real token. */
export const newTokenSecret = (): string => `mock.${randomBytes(24).toString('base64url')}`;

export { isObjectId, OBJECT_ID_PATTERN } from '../model/resource/object-id';
