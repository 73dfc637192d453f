import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import type { CustomerInsights } from '../../../../core/index.js';
import { ErrorBox, pct } from '../ui.js';
import { t, tx } from '../i18n/index.js';

interface Profile {
  customer: { id: string; name: string | null; email: string | null; stats: { conversationCount: number; messageCount: number }; averageSentiment: number | null; averageCsat: number | null };
  conversations: { id: string; state: string; createdAt: string; csat: { score: number } | null; lastIntent: string | null }[];
  csatHistory: { conversationId: string; score: number; comment?: string; at: string }[];
  churnRisk: unknown;
  insights: CustomerInsights | null;
}

function churnText(c: unknown): string | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return pct(c);
  if (typeof c === 'object') {
    const o = c as Record<string, unknown>;
    const p = typeof o.probability === 'number' ? o.probability : typeof o.risk === 'number' ? o.risk : typeof o.score === 'number' ? o.score : null;
    const label = typeof o.label === 'string' ? o.label : typeof o.level === 'string' ? o.level : '';
    return [label, p !== null ? pct(p) : ''].filter(Boolean).join(' ') || null;
  }
  return String(c);
}

/** Customer side panel of the inbox: profile, previous conversations, CSAT history, churn risk. */
export function CustomerPanel({ conversationId }: { conversationId: string }) {
  const [p, setP] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setP(null);
    api<Profile>('GET', `/api/conversations/${encodeURIComponent(conversationId)}/customer`).then(setP, (e) => setError(describeError(e)));
  }, [conversationId]);
  if (error) return <aside class="panel"><ErrorBox error={error} /></aside>;
  if (!p) return <aside class="panel muted">{t('Loading customer…')}</aside>;
  const i = p.insights;
  const churn = i?.churn ? pct(i.churn.risk) : churnText(p.churnRisk);
  const money = (v: number) => v.toLocaleString(undefined, { maximumFractionDigits: 0 });
  return (
    <aside class="panel" aria-label={t('Customer')}>
      <h3>{p.customer.name ?? t('Anonymous visitor')}</h3>
      {p.customer.email && <div class="muted">{p.customer.email}</div>}
      <dl>
        <dt>{t('Conversations')}</dt>
        <dd>{p.customer.stats.conversationCount}</dd>
        <dt>{t('Avg. sentiment')}</dt>
        <dd>{p.customer.averageSentiment === null ? '—' : p.customer.averageSentiment.toFixed(2)}</dd>
        <dt>{t('Avg. CSAT')}</dt>
        <dd>{p.customer.averageCsat === null ? '—' : p.customer.averageCsat.toFixed(1)}</dd>
        {i && i.orders > 0 && (
          <>
            <dt>{t('Orders')}</dt>
            <dd>{i.orders} · {t('{amount} spent', { amount: money(i.revenue) })}{i.lastOrderAt ? ` · ${t('last {date}', { date: new Date(i.lastOrderAt).toLocaleDateString() })}` : ''}</dd>
          </>
        )}
        {i?.segment && (
          <>
            <dt>{t('Segment')}</dt>
            <dd>{i.segment.label}</dd>
          </>
        )}
        {i?.clv && (
          <>
            <dt>{t('Value (next 365 days)')}</dt>
            <dd>{money(i.clv.expectedRevenue)} · {t('{n} orders', { n: i.clv.expectedOrders.toFixed(1) })} · {t('{pct} still active', { pct: pct(i.clv.pAlive) })}</dd>
          </>
        )}
        {churn && (
          <>
            <dt>{t('Churn risk')}</dt>
            <dd>{churn}</dd>
          </>
        )}
      </dl>
      {i?.churn && i.churn.factors.length > 0 && (
        <ul class="small muted" aria-label={t('Churn factors')}>
          {i.churn.factors.map((f) => <li key={f.feature}>{f.effect > 0 ? '↑' : '↓'} {f.feature}</li>)}
        </ul>
      )}
      {i && <div class="small muted">{t('CRM insight as of {date}', { date: new Date(i.asOf).toLocaleDateString() })}</div>}
      <h4>{t('CSAT history')}</h4>
      {p.csatHistory.length === 0 ? <div class="muted">{t('No ratings yet.')}</div> : (
        <ul>{p.csatHistory.map((c) => <li key={c.conversationId}>{'★'.repeat(c.score)} {c.comment ?? ''}</li>)}</ul>
      )}
      <h4>{t('Previous conversations')}</h4>
      <ul>
        {p.conversations.filter((c) => c.id !== conversationId).map((c) => (
          <li key={c.id}>
            {new Date(c.createdAt).toLocaleDateString()} · {tx(c.state)} {c.lastIntent ? `· ${c.lastIntent}` : ''}
          </li>
        ))}
      </ul>
    </aside>
  );
}
