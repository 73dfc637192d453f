import type { AnalyticsService } from '../analytics/index.js';
import type { FaqEntry, FaqSearchResult } from '../core/index.js';
import type { NluService } from '../nlu/index.js';

/**
 * What admin needs from nlu/ and knowledge/. Structural so admin depends on behaviour,
 * not on construction details; the real services (createNluService, createKnowledgeService)
 * satisfy these (checked in router.test.ts by passing the real ones).
 */
export type AdminNlu = Pick<NluService, 'analyze' | 'train' | 'status'>;

export interface FaqImportReport {
  errors: { row: number; issues: { path: string; message: string }[] }[];
  [key: string]: unknown;
}

export interface AdminKnowledge {
  search(text: string): Promise<FaqSearchResult>;
  create(input: unknown): Promise<FaqEntry>;
  update(id: string, input: unknown): Promise<FaqEntry>;
  remove(id: string): Promise<void>;
  importFaqs(rows: unknown[], options: { partial: boolean }): Promise<FaqImportReport>;
  parseCsv(csv: string): unknown[];
  toCsv(entries: FaqEntry[]): string;
}

/** Optional analytics/ capabilities: the overview route, churn risk in profiles, recompute after an erase. */
export type AdminAnalytics = Pick<AnalyticsService, 'overview' | 'customerInsights' | 'markDirty'>;
