import { newId } from '../../core/index.js';

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
  const time = candidate.slice(0, TIME_CHARS);
  const lastTime = lastId.slice(0, TIME_CHARS);
  if (time < lastTime) return candidate; // backdated: order by its own time, not "now"
  if (candidate <= lastId) lastId = increment(lastId);
  else lastId = candidate;
  return lastId;
}

/** Milliseconds of an ISO date, for range filters independent of the ISO spelling. */
export function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${iso}`);
  return ms;
}
