import { useEffect, useState } from 'preact/hooks';
import type { CustomerPrioritySettings } from '../../../../core/index.js';
import { api, describeError } from '../api.js';
import { ErrorBox } from '../ui.js';

interface Retention {
  offers: number;
  customersOffered: number;
  stayed: number;
  pending: number;
  windowDays: number;
}

type Draft = { enabled: boolean; highValueTopShare: string; churnRiskAtLeast: string; escalateAfterFallbacks: string; retentionOffer: string; cancelIntents: string };

const toDraft = (s: CustomerPrioritySettings): Draft => ({
  enabled: s.enabled,
  highValueTopShare: String(Math.round(s.highValueTopShare * 100)),
  churnRiskAtLeast: String(s.churnRiskAtLeast),
  escalateAfterFallbacks: String(s.escalateAfterFallbacks),
  retentionOffer: s.retentionOffer ?? '',
  cancelIntents: s.cancelIntents.join(', '),
});

/** Settings → customer priority: who sorts first in the queue, how soon the bot hands them over, the retention offer and its counts. */
export function CustomerPriorityPage() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [retention, setRetention] = useState<Retention | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api<CustomerPrioritySettings>('GET', '/api/settings/customer-priority').then((s) => setDraft(toDraft(s)), (e) => setError(describeError(e)));
    api<Retention>('GET', '/api/analytics/retention').then(setRetention, () => undefined);
  }, []);
  if (!draft) return <ErrorBox error={error} />;
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    try {
      const body = {
        enabled: draft.enabled,
        highValueTopShare: Number(draft.highValueTopShare) / 100,
        churnRiskAtLeast: Number(draft.churnRiskAtLeast),
        escalateAfterFallbacks: Number(draft.escalateAfterFallbacks),
        ...(draft.retentionOffer.trim() ? { retentionOffer: draft.retentionOffer.trim() } : {}),
        cancelIntents: draft.cancelIntents.split(',').map((s) => s.trim()).filter(Boolean),
      };
      setDraft(toDraft(await api<CustomerPrioritySettings>('PUT', '/api/settings/customer-priority', body)));
      setSaved(true);
    } catch (err) {
      setError(describeError(err));
    }
  }
  const input = (key: keyof Omit<Draft, 'enabled'>) => ({ value: draft[key], onInput: (e: Event) => set({ [key]: (e.target as HTMLInputElement).value }) });
  return (
    <div class="page customer-priority">
      <form class="editor" onSubmit={save} data-testid="priority-form">
        <h3>Customer priority</h3>
        <ErrorBox error={error} />
        {saved && <div class="ok">Saved. The bot and the queue use it within 10 seconds.</div>}
        <label class="check"><input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: (e.target as HTMLInputElement).checked })} /> Put high-value and at-risk customers first</label>
        <label>High value = expected revenue (CLV) in the top … % of customers<input aria-label="High value top percent" inputMode="numeric" {...input('highValueTopShare')} /></label>
        <label>At risk = churn risk at least (0-1)<input aria-label="Churn risk threshold" inputMode="decimal" {...input('churnRiskAtLeast')} /></label>
        <label>Hand them over after this many misses<input aria-label="Priority fallback tolerance" inputMode="numeric" {...input('escalateAfterFallbacks')} /></label>
        <label>Retention offer for high-value customers at risk who ask to cancel (optional; {'{{customer.name}}'} works)<textarea aria-label="Retention offer" rows={3} {...input('retentionOffer')} /></label>
        <label>Cancel intents (comma-separated)<input aria-label="Cancel intents" {...input('cancelIntents')} /></label>
        <div class="actions"><button type="submit">Save</button></div>
      </form>
      {retention && (
        <section class="retention" data-testid="retention">
          <h3>Retention offers</h3>
          <p>
            {retention.offers} offers to {retention.customersOffered} customers; {retention.stayed} stayed, {retention.pending} still within the {retention.windowDays}-day window.
          </p>
          <p class="muted small">Stayed = placed an order that stands (not cancelled or returned) within {retention.windowDays} days after their first offer.</p>
        </section>
      )}
    </div>
  );
}
