import { pct } from '../../ui.js';
import { score, type Overview } from './data.js';

export function ChurnPanel({ churn }: { churn: Overview['churn'] }) {
  if (!churn.ready) return <p class="notice">Not enough labelled data yet: {churn.reason}</p>;
  return (
    <div>
      <p>
        <strong>{churn.atRisk}</strong> of {churn.scored} active customers at risk (probability ≥ {pct(churn.threshold)}); AUC {score(churn.auc)}
        <span class="small muted"> · {churn.positives}/{churn.negatives} labelled ({churn.labelSource})</span>
      </p>
      {churn.top.length > 0 && (
        <table>
          <thead><tr><th>Customer</th><th>Risk</th><th>Why</th></tr></thead>
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
  if (!segments.ready) return <p class="notice">No segments yet: {segments.reason}</p>;
  return (
    <div>
      <p class="small muted">{segments.k} segments over {segments.customers} customers (silhouette {score(segments.silhouette)})</p>
      <ul class="segments">
        {segments.segments.map((s) => (
          <li key={s.id}><strong>{s.label}</strong> — {s.size} ({pct(s.share)}) <span class="small muted">{s.summary}</span></li>
        ))}
      </ul>
    </div>
  );
}
