/**
 * Can a query use an index? A conservative, server-free model of MongoDB's planner rules
 * that matter to us: the index's first key must be bounded by the filter (equality or
 * range), and a partial index is only eligible when the filter implies its
 * partialFilterExpression. The planner does not infer `$type: 'string'` from an equality,
 * so we only accept a partial predicate that the filter repeats.
 */
import { isDeepStrictEqual } from 'node:util';

export type Filter = Record<string, unknown>;
export interface IndexDef {
  keys: Record<string, 1 | -1>;
  partialFilterExpression?: Filter;
}

const BOUNDING = new Set(['$eq', '$in', '$gt', '$gte', '$lt', '$lte']);

const isOperatorObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

/** Top-level conjunction as (field, condition) pairs; `$and` arms are flattened. */
export function conjuncts(filter: Filter): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) for (const arm of value) out.push(...conjuncts(arm as Filter));
    else if (!key.startsWith('$')) out.push([key, value]);
  }
  return out;
}

/** Does one field condition bound an index key (equality, $in or a range)? */
function bounds(cond: unknown): boolean {
  if (!isOperatorObject(cond)) return true; // a literal is an equality
  return Object.keys(cond).some((k) => BOUNDING.has(k));
}

/** Is the field constrained to a single value (so the next index key keeps sort order)? */
function isEquality(cond: unknown): boolean {
  if (!isOperatorObject(cond)) return true;
  return '$eq' in cond || '$in' in cond; // $in: the planner merges one index scan per value (SORT_MERGE)
}

/** The filter implies `field: required` when it states the same predicate. */
function implies(conds: unknown[], required: unknown): boolean {
  const requiredOps = isOperatorObject(required) ? Object.entries(required) : [['$eq', required] as const];
  return requiredOps.every(([opName, want]) =>
    conds.some((cond) => {
      if (!isOperatorObject(cond)) return opName === '$eq' && isDeepStrictEqual(cond, want);
      return opName in cond && isDeepStrictEqual(cond[opName], want);
    }),
  );
}

export function partialImplied(filter: Filter, partial: Filter | undefined): boolean {
  if (!partial) return true;
  const pairs = conjuncts(filter);
  return conjuncts(partial).every(([field, required]) =>
    implies(pairs.filter(([f]) => f === field).map(([, c]) => c), required),
  );
}

/** The index serves the sort when, after the equality-bound prefix, its keys run in sort order (or all reversed). */
function servesSort(filter: Filter, index: IndexDef, sort: Record<string, 1 | -1> | undefined): boolean {
  if (!sort || Object.keys(sort).length === 0) return true;
  const pairs = conjuncts(filter);
  const keys = Object.entries(index.keys);
  let i = 0;
  while (i < keys.length) {
    const key = keys[i]?.[0] ?? '';
    if (key in sort || !pairs.some(([f, c]) => f === key && isEquality(c))) break;
    i++;
  }
  const wanted = Object.entries(sort);
  const rest = keys.slice(i, i + wanted.length);
  if (rest.length < wanted.length) return false;
  const same = wanted.every(([f, d], j) => rest[j]?.[0] === f && rest[j]?.[1] === d);
  const reversed = wanted.every(([f, d], j) => rest[j]?.[0] === f && rest[j]?.[1] === -d);
  return same || reversed;
}

/** Why an index cannot serve the query, or null when it can. */
export function indexMismatch(filter: Filter, index: IndexDef, sort?: Record<string, 1 | -1>): string | null {
  const first = Object.keys(index.keys)[0];
  const pairs = conjuncts(filter);
  if (!first || !pairs.some(([f, c]) => f === first && bounds(c))) return `filter does not bound ${first ?? '(none)'}`;
  if (!partialImplied(filter, index.partialFilterExpression)) return 'filter does not imply the partial filter';
  if (!servesSort(filter, index, sort)) return 'index order does not serve the sort';
  return null;
}

/** Indexes of a mongoose schema (`schema.indexes()`), plus the implicit `_id` index. */
export function indexDefs(schemaIndexes: [Record<string, unknown>, Record<string, unknown>?][]): IndexDef[] {
  const defs: IndexDef[] = [{ keys: { _id: 1 } }];
  for (const [keys, options] of schemaIndexes) {
    const partial = options?.partialFilterExpression as Filter | undefined;
    defs.push({ keys: keys as Record<string, 1 | -1>, ...(partial ? { partialFilterExpression: partial } : {}) });
  }
  return defs;
}
