import type { CrmRunSummary } from '../../../../../core/index.js';
import { pct } from '../../ui.js';
import { SeriesChart } from './chart.js';
import { t } from '../../i18n/index.js';

const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: 0 }));
const range = (b: { from: number; to: number }) => `${money(b.from)}–${money(b.to)}`;

export function SegmentValuePanel({ s }: { s: CrmRunSummary }) {
  if (s.segments.length === 0) return <p class="notice">{t('No segments yet: {reason}', { reason: s.notes.join(' · ') || t('not enough customers') })}</p>;
  return (
    <table>
      <thead><tr><th>{t('Segment')}</th><th>{t('Customers')}</th><th>{t('Revenue so far')}</th><th>{t('Expected revenue (365 days)')}</th></tr></thead>
      <tbody>
        {s.segments.map((g) => (
          <tr key={g.id}><td><strong>{g.label}</strong></td><td>{g.size}</td><td>{money(g.revenue)}</td><td>{money(g.expectedRevenue)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChurnRiskPanel({ s }: { s: CrmRunSummary }) {
  const c = s.churn;
  if (!c.ready) return <p class="notice">{t('Churn risk not available yet: {reason}', { reason: c.reason })}</p>;
  const series = { labels: c.distribution.map((b) => `${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%`), values: c.distribution.map((b) => b.count) };
  return (
    <div>
      <p>
        <strong>{c.atRisk}</strong> {t('customers at risk (≥ 50%) · churn = no purchase within {days} days', { days: c.horizonDays })}
        {c.auc !== null && <span class="small muted"> · {t('held-out AUC {auc}', { auc: c.auc.toFixed(2) })}</span>}
      </p>
      <div class="charts"><SeriesChart kind="bar" label={t('Customers by churn risk')} series={series} color="#d9480f" /></div>
      {c.topAtRisk.length > 0 && (
        <table>
          <caption class="small muted">{t('Most valuable customers at risk')}</caption>
          <thead><tr><th>{t('Customer')}</th><th>{t('Risk')}</th><th>{t('Expected revenue')}</th></tr></thead>
          <tbody>
            {c.topAtRisk.map((t) => (
              <tr key={t.customerId}><td class="small">{t.customerId}</td><td>{pct(t.risk)}</td><td>{money(t.expectedRevenue)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ClvPanel({ s }: { s: CrmRunSummary }) {
  if (!s.clv.ready) return <p class="notice">{t('Customer value not available yet: {reason}', { reason: s.clv.reason })}</p>;
  const series = { labels: s.clv.distribution.map(range), values: s.clv.distribution.map((b) => b.count) };
  return (
    <div>
      <p>{t('Expected revenue over the next 365 days:')} <strong>{money(s.clv.totalExpectedRevenue)}</strong> <span class="small muted">({s.clv.model})</span></p>
      <div class="charts"><SeriesChart kind="bar" label={t('Customers by expected revenue')} series={series} color="#3c6df0" /></div>
    </div>
  );
}

export function CalibrationPanel({ s }: { s: CrmRunSummary }) {
  const c = s.calibration;
  if (!c) return <p class="notice">{t('No completed window to check the predictions against yet.')}</p>;
  return (
    <div>
      <p class="small">
        {new Date(c.from).toLocaleDateString()}–{new Date(c.to).toLocaleDateString()}: {t('predicted {p} orders, actual {a}; predicted revenue {pr}, actual {ar}', { p: money(c.predictedOrders), a: money(c.actualOrders), pr: money(c.predictedRevenue), ar: money(c.actualRevenue) })}
      </p>
      <table>
        <thead><tr><th>{t('Repeat purchases before')}</th><th>{t('Customers')}</th><th>{t('Predicted orders')}</th><th>{t('Actual orders')}</th></tr></thead>
        <tbody>
          {c.buckets.map((b) => (
            <tr key={b.label}><td>{b.label}</td><td>{b.customers}</td><td>{b.predicted.toFixed(1)}</td><td>{b.actual}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
