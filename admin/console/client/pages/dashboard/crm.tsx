import { useEffect, useState } from 'preact/hooks';
import type { CrmRunSummary } from '../../../../../core/index.js';
import { api, describeError, download } from '../../api.js';
import { ErrorBox, pct } from '../../ui.js';
import { isRunning, useJob } from '../use-job.js';
import { CalibrationPanel, ChurnRiskPanel, ClvPanel, SegmentValuePanel } from './crm-panels.js';
import { t } from '../../i18n/index.js';

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
      <h3>{t('Customers (CRM)')}</h3>
      <div class="toolbar">
        <label>{t('As of')} <input type="date" value={asOf} onChange={(e) => setAsOf((e.target as HTMLInputElement).value)} /></label>
        <button onClick={run} disabled={busy}>{busy ? t('Running… {pct}', { pct: pct(job?.progress ?? 0) }) : t('Run models')}</button>
        <button onClick={() => download('/api/analytics/customers.csv', 'parley-customers.csv').catch((e) => setError(describeError(e)))}>{t('Customers CSV')}</button>
        {summary && <span class="small muted">{t('as of {date} · {customers} customers, {withOrders} with orders', { date: new Date(summary.asOf).toLocaleDateString(), customers: summary.customers, withOrders: summary.customersWithOrders })}</span>}
      </div>
      {job?.state === 'failed' && <ErrorBox error={t('The run failed: {error}', { error: job.error ?? t('unknown error') })} />}
      <ErrorBox error={error} />
      {summary === null && <p class="notice">{t('No CRM run yet: import orders on the Data page or run the models now.')}</p>}
      {summary && (
        <>
          {summary.notes.length > 0 && <ul class="small muted">{summary.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
          <h4>{t('Segments and value')}</h4>
          <SegmentValuePanel s={summary} />
          <h4>{t('Churn risk')}</h4>
          <ChurnRiskPanel s={summary} />
          <h4>{t('Customer lifetime value')}</h4>
          <ClvPanel s={summary} />
          <h4>{t('Predicted vs actual orders')}</h4>
          <CalibrationPanel s={summary} />
        </>
      )}
    </section>
  );
}
