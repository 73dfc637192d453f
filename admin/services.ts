import type { FaqEntry, FaqSearchResult, NluAnalysis } from '../core/index.js';

/**
 * What admin needs from nlu/ and knowledge/. Structural so admin depends on behaviour,
 * not on construction details; the real services (createNluService, createKnowledgeService)
 * satisfy these (checked in router.test.ts by passing the real ones).
 */
export interface AdminNlu {
  analyze(text: string): Promise<NluAnalysis>;
  train(options?: { onProgress?: (fraction: number) => void; regressionMargin?: number }): Promise<unknown>;
}

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

/** Optional analytics/ capabilities: the overview route and churn risk in customer profiles. */
export interface AdminAnalytics {
  /** Receives the raw `from`/`to` query values; validates them itself. */
  overview?(range: { from?: unknown; to?: unknown }): Promise<unknown>;
  churnRisk?(customerId: string): Promise<unknown>;
}
