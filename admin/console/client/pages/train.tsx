import { useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import { ErrorBox } from '../ui.js';
import { useJob, type Job } from './use-job.js';
import { t, tx } from '../i18n/index.js';


/** Reads the outcome fields the nlu training result carries, whatever their exact names. */
function outcome(result: unknown): { live: boolean | null; reason: string | null; figures: [string, string][] } {
  if (!result || typeof result !== 'object') return { live: null, reason: null, figures: [] };
  const r = result as Record<string, unknown>;
  const live = typeof r.promoted === 'boolean' ? r.promoted : typeof r.activated === 'boolean' ? r.activated : typeof r.accepted === 'boolean' ? r.accepted : null;
  const reason = typeof r.reason === 'string' ? r.reason : null;
  const metrics = r.metrics && typeof r.metrics === 'object' ? (r.metrics as Record<string, unknown>) : {};
  const picked = ['heldOutAccuracy', 'liveHeldOutAccuracy', 'heldOutExamples', 'trainExamples', 'intents', 'semanticWeight', 'trainMs'].filter((k) => k in metrics);
  const figures = [...Object.entries(r), ...picked.map((k) => [k, metrics[k]] as const)]
    .filter(([k, v]) => k !== 'reason' && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null))
    .map(([k, v]) => [k, v === null ? '—' : /Accuracy$/.test(k) && typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v)] as [string, string]);
  return { live, reason, figures };
}

/** Train: start a job, follow its progress, show whether the new model went live and why not. */
export function TrainPage() {
  const [error, setError] = useState<string | null>(null);
  const { job, setJob, follow } = useJob(setError);

  async function start() {
    setError(null);
    try {
      const { jobId, state } = await api<{ jobId: string; state?: Job['state'] }>('POST', '/api/nlu/train');
      setJob({ id: jobId, state: state ?? 'queued', progress: 0 });
      follow(jobId);
    } catch (e) {
      setError(describeError(e));
    }
  }

  const busy = job?.state === 'queued' || job?.state === 'running';
  const o = outcome(job?.result);
  return (
    <div class="page">
      <h2>{t('Train the NLU model')}</h2>
      <p class="muted">{t('Chats keep flowing while training runs. The new model goes live only if it is not worse than the live one on held-back utterances.')}</p>
      <button onClick={start} disabled={busy}>{job?.state === 'queued' ? t('Queued…') : busy ? t('Training…') : t('Train now')}</button>
      <ErrorBox error={error} />
      {job && (
        <div class="job" data-state={job.state}>
          <progress max={1} value={job.progress} aria-label={t('Training progress')} />
          <span class="small"> {tx(job.state)} · {Math.round(job.progress * 100)}%</span>
          {job.state === 'queued' && <div class="muted" role="status">{t('Queued: another training is running; this one starts when it ends and includes every change made until then.')}</div>}
          {job.state === 'failed' && <div class="error" role="alert">{t('Training failed: {error}. The live model is unchanged.', { error: job.error ?? '' })}</div>}
          {job.state === 'done' && (
            <div class={o.live === false ? 'notice' : 'ok'} role="status">
              {o.live === false ? t('New model kept back{reason}. The live model is unchanged.', { reason: o.reason ? `: ${o.reason}` : '' }) : `${o.live ? t('Done: the new model is live.') : t('Done.')}${o.reason && o.live ? ` ${o.reason}` : ''}`}
              {o.figures.length > 0 && (
                <dl class="figures">{o.figures.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
