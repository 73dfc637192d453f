import type { OrderLine } from '../models/input.js';
import type { RecModel, RecParams } from './model.js';
import type { StoredRecommendation } from '../../core/schemas/recommendations.js';

export type RecsHostMessage = { type: 'start' } | { type: 'lines'; batch: OrderLine[] } | { type: 'end' };

/** What the host keeps for incremental updates: the model and its product ids. */
export interface FittedRecs {
  model: RecModel;
  products: string[];
}

export interface RecsRunStats {
  customers: number;
  products: number;
  lines: number;
  params: RecParams;
  validationCustomers: number;
  fitMs: number;
  listsMs: number;
}

export type RecsRow = { customerId: string; any: StoredRecommendation[]; fresh: StoredRecommendation[] };

export type RecsWorkerMessage =
  | { type: 'pull' }
  /** A chunk of RecsRow[] as JSON text (parsed one chunk per host macrotask). */
  | { type: 'rows'; json: string }
  | { type: 'done'; fitted: FittedRecs; stats: RecsRunStats }
  | { type: 'error'; reason: string };

export const RECS_CHUNK = 250;
export const RECS_PULL_AHEAD = 2;
