import type { AnalyticsService } from '../analytics/index.js';
import type { CrmModelService } from '../crm/index.js';
import type { KnowledgeService } from '../knowledge/index.js';
import type { NluService } from '../nlu/index.js';

/**
 * What admin needs from nlu/ and knowledge/. Structural so admin depends on behaviour,
 * not on construction details; the real services (createNluService, createKnowledgeService)
 * are passed in (tests use the real ones).
 */
export type AdminNlu = Pick<NluService, 'analyze' | 'train' | 'status'>;

export type AdminKnowledge = Pick<KnowledgeService, 'search' | 'create' | 'update' | 'remove' | 'importFaqs' | 'info'>;

/** Optional analytics/ capabilities: the overview routes (JSON + CSV), churn risk in profiles, recompute after an erase or new orders. */
export type AdminAnalytics = Pick<AnalyticsService, 'overview' | 'customerInsights' | 'markDirty' | 'toCsv' | 'unanswered' | 'ordersChanged' | 'run'>;

/** crm/ models: runs as of a date and their summary. */
export type AdminCrmModels = Pick<CrmModelService, 'run' | 'summary'>;
