import { randomBytes } from 'node:crypto';

/**
 * Time-sortable opaque ids (ms timestamp base36, padded, + 10 random chars).
 * Sorting by id sorts by creation time, which lets every store paginate with
 * an id cursor instead of offsets.
 */
export function newId(now: number = Date.now()): string {
  const time = now.toString(36).padStart(9, '0');
  const rand = randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10);
  return `${time}${rand}`;
}

/** An unguessable secret token (visitor tokens, job ids). */
export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
