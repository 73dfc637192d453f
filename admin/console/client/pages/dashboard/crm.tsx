import { useEffect, useState } from 'preact/hooks';
import type { CrmRunSummary } from '../../../../../core/index.js';
import { api, describeError, download } from '../../api.js';
import { ErrorBox, pct } from '../../ui.js';
import { isRunning, useJob } from '../use-job.js';
import { CalibrationPanel, ChurnRiskPanel, ClvPanel, SegmentValuePanel } from './crm-panels.js';

/** CRM as of a date: segments and value, churn risk, CLV, calibration; re-run the models for any date. */
export function CrmSection() {
  const [summary, setSummary] = useState<CrmRunSummary | null | undefined>(undefined);
  const [asOf, setAsOf] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = () => api<{ summary: CrmRunSummary | null }>('GET', '/api/analytics/crm').then((r) => setSummary(r.summary), (e) => setError(describeError(e)));
  const { job, setJob, follow } = useJob(setError, (j) => {
    if (j.state === 'done') void load();
  });
  useEffect(() => void load(), []);

  async function run() {
    setError(null);
    try {
      const { jobId } = await api<{ jobId: string }>('POST', '/api/analytics/run', asOf ? { asOf } : {});
      setJob({ id: jobId, state: 'queued', progress: 0 });
      follow(jobId);
    } catch (e) {
      setError(describeError(e));
    }
  }

  const busy = isRunning(job);
  return (
    <section class="crm">
      <h3>Customers (CRM)</h3>
      <div class="toolbar">
        <label>As of <input type="date" value={asOf} onChange={(e) => setAsOf((e.target as HTMLInputElement).value)} /></label>
        <button onClick={run} disabled={busy}>{busy ? `Running… ${pct(job?.progress ?? 0)}` : 'Run models'}</button>
        <button onClick={() => download('/api/analytics/customers.csv', 'parley-customers.csv').catch((e) => setError(describeError(e)))}>Customers CSV</button>
        {summary && <span class="small muted">as of {new Date(summary.asOf).toLocaleDateString()} · {summary.customers} customers, {summary.customersWithOrders} with orders</span>}
      </div>
      {job?.state === 'failed' && <ErrorBox error={`The run failed: ${job.error ?? 'unknown error'}`} />}
      <ErrorBox error={error} />
      {summary === null && <p class="notice">No CRM run yet: import orders on the Data page or run the models now.</p>}
      {summary && (
        <>
          {summary.notes.length > 0 && <ul class="small muted">{summary.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
          <h4>Segments and value</h4>
          <SegmentValuePanel s={summary} />
          <h4>Churn risk</h4>
          <ChurnRiskPanel s={summary} />
          <h4>Customer lifetime value</h4>
          <ClvPanel s={summary} />
          <h4>Predicted vs actual orders</h4>
          <CalibrationPanel s={summary} />
        </>
      )}
    </section>
  );
}
