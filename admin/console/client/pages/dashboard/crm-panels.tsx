import type { CrmRunSummary } from '../../../../../core/index.js';
import { pct } from '../../ui.js';
import { SeriesChart } from './chart.js';

const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: 0 }));
const range = (b: { from: number; to: number }) => `${money(b.from)}–${money(b.to)}`;

export function SegmentValuePanel({ s }: { s: CrmRunSummary }) {
  if (s.segments.length === 0) return <p class="notice">No segments yet: {s.notes.join(' · ') || 'not enough customers'}</p>;
  return (
    <table>
      <thead><tr><th>Segment</th><th>Customers</th><th>Revenue so far</th><th>Expected revenue (365 days)</th></tr></thead>
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
  if (!c.ready) return <p class="notice">Churn risk not available yet: {c.reason}</p>;
  const series = { labels: c.distribution.map((b) => `${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%`), values: c.distribution.map((b) => b.count) };
  return (
    <div>
      <p>
        <strong>{c.atRisk}</strong> customers at risk (≥ 50%) · churn = no purchase within <strong>{c.horizonDays}</strong> days
        {c.auc !== null && <span class="small muted"> · held-out AUC {c.auc.toFixed(2)}</span>}
      </p>
      <div class="charts"><SeriesChart kind="bar" label="Customers by churn risk" series={series} color="#d9480f" /></div>
      {c.topAtRisk.length > 0 && (
        <table>
          <caption class="small muted">Most valuable customers at risk</caption>
          <thead><tr><th>Customer</th><th>Risk</th><th>Expected revenue</th></tr></thead>
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
  if (!s.clv.ready) return <p class="notice">Customer value not available yet: {s.clv.reason}</p>;
  const series = { labels: s.clv.distribution.map(range), values: s.clv.distribution.map((b) => b.count) };
  return (
    <div>
      <p>Expected revenue over the next 365 days: <strong>{money(s.clv.totalExpectedRevenue)}</strong> <span class="small muted">({s.clv.model})</span></p>
      <div class="charts"><SeriesChart kind="bar" label="Customers by expected revenue" series={series} color="#3c6df0" /></div>
    </div>
  );
}

export function CalibrationPanel({ s }: { s: CrmRunSummary }) {
  const c = s.calibration;
  if (!c) return <p class="notice">No completed window to check the predictions against yet.</p>;
  return (
    <div>
      <p class="small">
        {new Date(c.from).toLocaleDateString()}–{new Date(c.to).toLocaleDateString()}: predicted {money(c.predictedOrders)} orders, actual {money(c.actualOrders)};
        predicted revenue {money(c.predictedRevenue)}, actual {money(c.actualRevenue)}
      </p>
      <table>
        <thead><tr><th>Repeat purchases before</th><th>Customers</th><th>Predicted orders</th><th>Actual orders</th></tr></thead>
        <tbody>
          {c.buckets.map((b) => (
            <tr key={b.label}><td>{b.label}</td><td>{b.customers}</td><td>{b.predicted.toFixed(1)}</td><td>{b.actual}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
