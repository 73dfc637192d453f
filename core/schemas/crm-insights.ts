import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';

const share = z.number().min(0).max(1);
const money = z.number().finite();

/** One customer's CRM insight as of a date (PROTOCOL "CRM data and insights (v1.1)"). */
export const customerInsightsSchema = z.object({
  customerId: idSchema,
  asOf: isoDateSchema,
  orders: z.number().int().nonnegative(),
  revenue: money,
  lastOrderAt: isoDateSchema.nullable(),
  /** Quintile scores, 5 = best; `m` is null for a customer base without purchases (score = r + f then). */
  rfm: z
    .object({
      r: z.number().int().min(1).max(5),
      f: z.number().int().min(1).max(5),
      m: z.number().int().min(1).max(5).nullable(),
      score: z.number().int().min(2).max(15),
    })
    .nullable(),
  segment: z.object({ id: z.number().int().nonnegative(), label: z.string().min(1) }).nullable(),
  /** `factors`: plain-words feature and its signed effect on the log-odds, strongest first. */
  churn: z.object({ risk: share, factors: z.array(z.object({ feature: z.string(), effect: z.number().finite() })) }).nullable(),
  /** Expected orders and revenue over the 365 days after `asOf`. */
  clv: z.object({ pAlive: share, expectedOrders: z.number().nonnegative(), expectedRevenue: z.number().nonnegative() }).nullable(),
});
export type CustomerInsights = z.infer<typeof customerInsightsSchema>;

const bucket = z.object({ from: z.number(), to: z.number(), count: z.number().int().nonnegative() });

/** What one CRM run concluded for the whole customer base: the dashboard's panels. */
export const crmRunSummarySchema = z.object({
  asOf: isoDateSchema,
  computedAt: isoDateSchema,
  durationMs: z.number().nonnegative(),
  customers: z.number().int().nonnegative(),
  customersWithOrders: z.number().int().nonnegative(),
  /** Plain-words notes: data minimums not met, fallbacks taken, definitions derived from the data. */
  notes: z.array(z.string()),
  churn: z.object({
    ready: z.boolean(),
    reason: z.string().optional(),
    horizonDays: z.number().nonnegative().nullable(),
    /** ROC AUC of the model on customers held out of its training, when both classes are there. */
    auc: z.number().min(0).max(1).nullable(),
    atRisk: z.number().int().nonnegative(),
    distribution: z.array(bucket),
    topAtRisk: z.array(z.object({ customerId: idSchema, risk: share, expectedRevenue: z.number().nonnegative().nullable() })),
  }),
  clv: z.object({
    ready: z.boolean(),
    reason: z.string().optional(),
    model: z.string(),
    parameters: z.record(z.string(), z.number()),
    totalExpectedRevenue: z.number().nonnegative(),
    distribution: z.array(bucket),
  }),
  segments: z.array(
    z.object({ id: z.number().int().nonnegative(), label: z.string(), size: z.number().int().nonnegative(), revenue: money, expectedRevenue: z.number().nonnegative() }),
  ),
  /** Predicted vs actual orders over the last completed window before asOf (the model refitted at the window's start). */
  calibration: z
    .object({
      from: isoDateSchema,
      to: isoDateSchema,
      predictedOrders: z.number().nonnegative(),
      actualOrders: z.number().nonnegative(),
      predictedRevenue: z.number().nonnegative(),
      actualRevenue: z.number(),
      buckets: z.array(z.object({ label: z.string(), customers: z.number().int().nonnegative(), predicted: z.number().nonnegative(), actual: z.number().nonnegative() })),
    })
    .nullable(),
});
export type CrmRunSummary = z.infer<typeof crmRunSummarySchema>;
