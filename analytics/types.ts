import type { Clock, ErrorIssue, Logger, Stores } from '../core/index.js';
import type { ChurnDefinition } from './churn/labels.js';

export type ChurnSummary =
  | {
      ready: true;
      /** AUC on the held-out 20%, null when the split has only one class. */
      auc: number | null;
      /** Active customers with churn probability >= threshold. */
      atRisk: number;
      scored: number;
      threshold: number;
      labelSource: 'definition' | 'imported';
      positives: number;
      negatives: number;
      trainedAt: string;
      /** Highest-risk customers by pseudonymous id, with plain-words factors. */
      top: { customerId: string; probability: number; factors: { label: string; weight: number }[] }[];
    }
  | { ready: false; reason: string };

export type SegmentsSummary =
  | {
      ready: true;
      k: number;
      silhouette: number;
      customers: number;
      hasMonetary: boolean;
      segments: { id: number; label: string; summary: string; size: number; share: number }[];
      builtAt: string;
    }
  | { ready: false; reason: string };

export interface Overview {
  /** Inclusive UTC days. */
  range: { from: string; to: string };
  generatedAt: string;
  /** Interactions up to this time are included (null before the first run). */
  dataThrough: string | null;
  conversations: number;
  /** Customer messages understood by the bot (interactions). */
  messages: number;
  /** Conversations neither escalated nor taken by an agent / conversations. */
  automationRate: number | null;
  /** Escalated conversations / conversations. */
  escalationRate: number | null;
  /** Fallback turns / turns the bot judged (handoff turns excluded). */
  fallbackRate: number | null;
  clarifyRate: number | null;
  csat: { average: number | null; count: number; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
  /** Agents: queue wait until claimed, and claim-to-close handling time, in ms. */
  agentTimes: { firstResponseMs: number | null; handlingMs: number | null };
  sentiment: {
    average: number | null;
    daily: { day: string; average: number | null; count: number; negative: number; neutral: number; positive: number }[];
  };
  daily: { day: string; conversations: number; messages: number; escalated: number; fallbacks: number; csatAverage: number | null }[];
  intents: { intent: string; volume: number; fallbackRate: number; escalationRate: number; csat: number | null; csatCount: number }[];
  agents: { agentId: string; name: string; handled: number; csat: number | null; csatCount: number; handlingMs: number | null }[];
  churn: ChurnSummary;
  segments: SegmentsSummary;
}

export interface RunReport {
  full: boolean;
  interactions: number;
  conversations: number;
  daysTouched: number;
  shardsWritten: number;
  models: { customers: number; churnReady: boolean; auc: number | null; segments: number | null } | null;
  watermark: string | null;
  durationMs: number;
  /** Interaction scan, conversation window (incl. writing customer states), churn model + segments. */
  phasesMs: { interactions: number; conversations: number; models: number };
}

export interface CustomerInsights {
  customerId: string;
  churnRisk: { ready: boolean; probability?: number; reason?: string; factors: { label: string; weight: number }[] };
  segment?: { id: number; label: string; summary: string };
  rfm?: { recencyDays: number; frequency: number; monetary: number | null; r: number; f: number; m: number | null; code: string };
  /** Present only when the customer has orders (OrderStore). */
  clv?: number;
}

export interface UnansweredResult {
  /** Fallback/clarify turns considered (newest first, capped). */
  total: number;
  mode: 'embeddings' | 'tfidf';
  clusters: { label: string; count: number; examples: string[] }[];
}

export interface ImportResult {
  imported: number;
  duplicates: number;
  errors: { line: number; issues: ErrorIssue[] }[];
}

/** The shared logger type (core/ports/logger.ts). */
export type AnalyticsLogger = Logger;

export interface AnalyticsOptions {
  churn?: Partial<ChurnDefinition>;
  /** Labelled customers needed per class before a churn number is shown (default 30). */
  minPerClass?: number;
  /** Probability from which an active customer counts as at risk (default 0.5). */
  riskThreshold?: number;
  /** Conversations younger than this are recomputed each run (default 7 days). */
  recentDays?: number;
  /** Interactions younger than this wait for the next run (default 5 s; in-flight writes settle). */
  settleMs?: number;
  /** Retrain churn and segments at most this often on incremental runs (default 1 hour). */
  modelEveryMs?: number;
  batchSize?: number;
}

export interface AnalyticsDeps {
  stores: Stores;
  clock?: Clock;
  logger?: AnalyticsLogger;
  /** Sentence embeddings for unanswered-question clustering (TF-IDF otherwise). */
  embed?: (texts: string[]) => Promise<Float32Array[]>;
  options?: AnalyticsOptions;
}

export interface AnalyticsService {
  overview(range?: { from?: string; to?: string }): Promise<Overview>;
  run(opts?: { full?: boolean }): Promise<RunReport>;
  start(intervalMs: number): void;
  stop(): void;
  /** A customer was erased (or data changed in the past): the next run recomputes everything. */
  markDirty(): Promise<void>;
  /** Orders were imported or changed: the next run retrains the models that use them. */
  ordersChanged(): Promise<void>;
  customerInsights(customerId: string): Promise<CustomerInsights>;
  unanswered(range?: { from?: string; to?: string; limit?: number }): Promise<UnansweredResult>;
  importChurnLabels(csvText: string): Promise<ImportResult>;
  toCsv(overview: Overview): string;
}
