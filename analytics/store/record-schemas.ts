import { z } from 'zod';
import { turnDecisionSchema } from '../../core/index.js';
import type { StoredChurnModel } from '../churn/churn-model.js';
import { FEATURES } from '../churn/features.js';
import type { CustomerState } from '../customers/customer-state.js';
import type { JobState } from '../job/namespaces.js';
import type { ConversationRollup } from '../rollup/conversation-rollup.js';
import type { TurnRollup } from '../rollup/interaction-rollup.js';
import type { StoredSegments } from '../segments/segment-model.js';
import type { ChurnSummary, SegmentsSummary } from '../types.js';

// Each schema is annotated with the type the code uses, so tsc fails if the two drift apart.
const n = z.number();

export const jobStateSchema: z.ZodType<JobState> = z.object({
  watermarkMs: n.nullable(),
  watermarkIds: z.array(z.string()),
  cutoffMs: n.nullable(),
  dirty: z.boolean(),
  running: z.boolean(),
  modelStale: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastFullAt: z.string().nullable(),
  lastModelAt: z.string().nullable(),
  version: n,
});

export const customerStateSchema: z.ZodType<CustomerState> = z.object({
  turns: z.array(z.tuple([n, z.string(), n])),
  convs: z.array(z.object({ id: z.string(), t: n, d: z.string(), a: n, x: n, s: n, sa: n })),
  totalTurns: n,
  totalConvs: n,
});
export const shardSchema = z.record(z.string(), customerStateSchema);

/** Per recent conversation: [version seen, first-response ms]. */
export const signaturesSchema = z.record(z.string(), z.tuple([n, n.nullable()]));
export type Signatures = z.infer<typeof signaturesSchema>;

export const churnLabelsSchema = z.object({ ids: z.array(z.string()), updatedAt: z.string() });

const intentCell = z.object({ n, fallback: n, clarify: n, escalate: n });
export const turnRollupSchema: z.ZodType<TurnRollup> = z.object({
  messages: n,
  decisions: z.record(turnDecisionSchema, n),
  sentimentSum: n,
  sentimentCount: n,
  negative: n,
  neutral: n,
  positive: n,
  latencySum: n,
  intents: z.record(z.string(), intentCell),
});

const agentCell = z.object({ name: z.string(), handled: n, csatSum: n, csatCount: n, handlingSum: n, handlingCount: n });
export const conversationRollupSchema: z.ZodType<ConversationRollup> = z.object({
  conversations: n,
  escalated: n,
  claimed: n,
  automated: n,
  closed: n,
  csat: z.tuple([n, n, n, n, n]),
  firstResponseSum: n,
  firstResponseCount: n,
  handlingSum: n,
  handlingCount: n,
  intents: z.record(z.string(), z.object({ conversations: n, csatSum: n, csatCount: n })),
  agents: z.record(z.string(), agentCell),
});
/** A month document: day -> rollup. */
export const monthDocSchema = <T>(day: z.ZodType<T>) => z.record(z.string(), day);

export const churnModelSchema: z.ZodType<StoredChurnModel> = z.object({
  mean: z.array(n),
  std: z.array(n),
  weights: z.array(n),
  intercept: n,
  version: z.literal(1),
  features: z.array(z.enum(FEATURES)),
  auc: n.nullable(),
  trainSize: n,
  testSize: n,
  positives: n,
  negatives: n,
  labelSource: z.enum(['definition', 'imported']),
  definition: z.object({ inactiveDays: n, lookbackDays: n, requireNegative: z.boolean() }),
  trainedAt: z.string(),
});

const profile = z.object({ recencyDays: n, conversations: n, csat: n.nullable(), sentiment: n, missRate: n, monetary: n.nullable() });
const segmentInfo = z.object({ id: n, label: z.string(), summary: z.string(), size: n, share: n });
export const segmentsModelSchema: z.ZodType<StoredSegments> = z.object({
  version: z.literal(1),
  k: n,
  silhouette: n,
  scores: z.array(z.object({ k: n, silhouette: n })),
  mean: z.array(n),
  std: z.array(n),
  centroids: z.array(z.array(n)),
  hasMonetary: z.boolean(),
  csatImpute: n,
  segments: z.array(segmentInfo.extend({ profile })),
  rfm: z.object({ recency: z.array(n), frequency: z.array(n), monetary: z.array(n).nullable() }),
  customers: n,
  builtAt: z.string(),
});

const notReady = z.object({ ready: z.literal(false), reason: z.string() });
const churnSummary: z.ZodType<ChurnSummary> = z.union([
  z.object({
    ready: z.literal(true),
    auc: n.nullable(),
    atRisk: n,
    scored: n,
    threshold: n,
    labelSource: z.enum(['definition', 'imported']),
    positives: n,
    negatives: n,
    trainedAt: z.string(),
    top: z.array(z.object({ customerId: z.string(), probability: n, factors: z.array(z.object({ label: z.string(), weight: n })) })),
  }),
  notReady,
]);
const segmentsSummary: z.ZodType<SegmentsSummary> = z.union([
  z.object({ ready: z.literal(true), k: n, silhouette: n, customers: n, hasMonetary: z.boolean(), segments: z.array(segmentInfo), builtAt: z.string() }),
  notReady,
]);
export const modelSummarySchema = z.object({ churn: churnSummary, segments: segmentsSummary });
export type ModelSummary = z.infer<typeof modelSummarySchema>;
