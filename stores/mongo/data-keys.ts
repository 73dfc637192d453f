/**
 * Stored data never reads as MongoDB syntax. Keys of free-form values (customer
 * attributes, dialogue slots, audit details, suggestions) may start with `$` or hold
 * dots, which the server refuses in updates or treats as paths. They are escaped on the
 * way in and restored on the way out: `%` -> `%25`, `$` -> `%24`, `.` -> `%2E`. Keys that
 * need none of this (every key Parley itself writes) are stored unchanged, so documents
 * written before this codec read back as they were.
 */
const escapeKey = (k: string) => k.replace(/%/g, '%25').replace(/\$/g, '%24').replace(/\./g, '%2E');
const unescapeKey = (k: string) => (k.includes('%') ? k.replace(/%2E/g, '.').replace(/%24/g, '$').replace(/%25/g, '%') : k);

function mapKeys(value: unknown, key: (k: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, key));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[key(k)] = mapKeys(v, key);
  return out;
}

/** The storable form of a free-form value. */
export const toData = <T>(value: T): T => mapKeys(value, escapeKey) as T;
/** The value back from its stored form. */
export const fromData = <T>(value: T): T => mapKeys(value, unescapeKey) as T;
