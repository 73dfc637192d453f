import { customerPrioritySetting, readSetting, type CrmRunSummary, type CustomerPrioritySettings, type Stores } from '../../core/index.js';

export type PriorityReason = 'high_value' | 'at_risk';

export interface CustomerPriority {
  /** Why this customer comes first (empty: no priority, or priority is switched off). */
  reasons(customerId: string): Promise<PriorityReason[]>;
  settings(): Promise<CustomerPrioritySettings>;
}

/**
 * Who comes first: "high value" = expected revenue (CLV) in the top share of customers of the latest CRM run
 * (the top decile by default), "at risk" = churn risk at or above the threshold. Both read the run's insights;
 * the CLV cut-off comes from the run's CLV distribution (interpolated inside its bucket), so no customer list
 * is scanned per question. Settings and cut-off are kept for `cacheMs` (the console's edits apply within it).
 */
export function createCustomerPriority(stores: Pick<Stores, 'kv' | 'insights'>, opts: { cacheMs?: number } = {}): CustomerPriority {
  const cacheMs = opts.cacheMs ?? 10_000;
  let cached: { at: number; settings: CustomerPrioritySettings; cutoff: number | null } | null = null;
  const current = async () => {
    if (cached && Date.now() - cached.at < cacheMs) return cached;
    const [settings, summary] = await Promise.all([readSetting(stores.kv, customerPrioritySetting), stores.insights.summary()]);
    cached = { at: Date.now(), settings, cutoff: summary ? clvCutoff(summary, settings.highValueTopShare) : null };
    return cached;
  };
  return {
    async reasons(customerId) {
      const { settings, cutoff } = await current();
      if (!settings.enabled) return [];
      const insight = await stores.insights.get(customerId);
      if (!insight) return [];
      const out: PriorityReason[] = [];
      const value = insight.clv?.expectedRevenue ?? 0;
      if (cutoff !== null && value > 0 && value >= cutoff) out.push('high_value');
      if (insight.churn && insight.churn.risk >= settings.churnRiskAtLeast) out.push('at_risk');
      return out;
    },
    settings: async () => (await current()).settings,
  };
}

/** Expected revenue at which the top `share` of customers starts, from the run's CLV histogram; null without CLV. */
export function clvCutoff(summary: Pick<CrmRunSummary, 'clv'>, share: number): number | null {
  if (!summary.clv.ready) return null;
  const buckets = [...summary.clv.distribution].sort((a, b) => b.from - a.from);
  const total = buckets.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  const need = share * total;
  let above = 0;
  for (const b of buckets) {
    if (b.count > 0 && above + b.count >= need) return b.to - (b.to - b.from) * ((need - above) / b.count);
    above += b.count;
  }
  return buckets[buckets.length - 1]?.from ?? null;
}
