import { randomBytes } from 'node:crypto';

/**
 * Time-sortable opaque ids (ms timestamp base36, padded, + 10 random chars).
 * Sorting by id sorts by creation time, which lets every store paginate with
 * an id cursor instead of offsets.
 */
export function newId(now: number = Date.now()): string {
  const time = now.toString(36).padStart(9, '0');
  const rand = randomChunk().toString('base64url').replace(/[-_]/g, 'x').slice(0, 10);
  return `${time}${rand}`;
}

// One getrandom call per 512 ids instead of one per id (it showed up in chat profiles).
const CHUNK = 8;
let pool = Buffer.alloc(0);
let offset = 0;
function randomChunk(): Buffer {
  if (offset + CHUNK > pool.length) {
    pool = randomBytes(CHUNK * 512);
    offset = 0;
  }
  offset += CHUNK;
  return pool.subarray(offset - CHUNK, offset);
}

/** An unguessable secret token (visitor tokens, job ids). */
export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
