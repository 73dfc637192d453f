import { newId, ParleyError } from '../../core/index.js';

/** newId()'s random suffix alphabet, in byte order (SQLite BINARY and MongoDB compare bytes). */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TIME_CHARS = 9;

let lastId = '';

function increment(id: string): string {
  const chars = id.split('');
  for (let i = chars.length - 1; i >= TIME_CHARS; i--) {
    const pos = ALPHABET.indexOf(chars[i] ?? '0');
    if (pos < ALPHABET.length - 1) {
      chars[i] = ALPHABET[pos + 1] ?? '0';
      return chars.join('');
    }
    chars[i] = '0';
  }
  throw new Error('id suffix overflow');
}

/**
 * core newId() made strictly increasing within this process, so records created
 * in the same millisecond (200 concurrent appends) still sort in creation order
 * and id-cursor pagination equals time order. `atMs` lets a record keep the id
 * order of its own timestamp (backdated interactions, audit events).
 */
export function storeId(atMs: number = Date.now()): string {
  const candidate = newId(atMs);
  // Backdated or future-dated records sort by their own time and leave the sequence alone.
  if (atMs > Date.now() || candidate.slice(0, TIME_CHARS) < lastId.slice(0, TIME_CHARS)) return candidate;
  lastId = candidate <= lastId ? increment(lastId) : candidate;
  return lastId;
}

/** Milliseconds of an ISO date, for range filters independent of the ISO spelling. */
export function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'date', message: `Not a date: ${iso}` }] });
  return ms;
}

/**
 * Smallest id a record created at `ms` can have. Ids start with their creation time,
 * so a [from, to) date filter is the id range [timeIdBound(from), timeIdBound(to)):
 * range scans then walk the primary key in order instead of sorting a date index.
 */
export function timeIdBound(ms: number): string {
  return newId(ms).slice(0, TIME_CHARS);
}
