import { pct } from '../../ui.js';
import { score, type Overview } from './data.js';
import { t } from '../../i18n/index.js';

export function ChurnPanel({ churn }: { churn: Overview['churn'] }) {
  if (!churn.ready) return <p class="notice">{t('Not enough labelled data yet: {reason}', { reason: churn.reason })}</p>;
  return (
    <div>
      <p>
        <strong>{churn.atRisk}</strong> {t('of {scored} active customers at risk (probability ≥ {threshold}); AUC {auc}', { scored: churn.scored, threshold: pct(churn.threshold), auc: score(churn.auc) })}
        <span class="small muted"> · {t('{pos}/{neg} labelled ({source})', { pos: churn.positives, neg: churn.negatives, source: churn.labelSource })}</span>
      </p>
      {churn.top.length > 0 && (
        <table>
          <thead><tr><th>{t('Customer')}</th><th>{t('Risk')}</th><th>{t('Why')}</th></tr></thead>
          <tbody>
            {churn.top.map((c) => (
              <tr key={c.customerId}>
                <td class="small">{c.customerId}</td>
                <td>{pct(c.probability)}</td>
                <td class="small">{c.factors.map((f) => f.label).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function SegmentsPanel({ segments }: { segments: Overview['segments'] }) {
  if (!segments.ready) return <p class="notice">{t('No segments yet: {reason}', { reason: segments.reason })}</p>;
  return (
    <div>
      <p class="small muted">{t('{k} segments over {customers} customers (silhouette {s})', { k: segments.k, customers: segments.customers, s: score(segments.silhouette) })}</p>
      <ul class="segments">
        {segments.segments.map((s) => (
          <li key={s.id}><strong>{s.label}</strong> — {s.size} ({pct(s.share)}) <span class="small muted">{s.summary}</span></li>
        ))}
      </ul>
    </div>
  );
}
