import { useEffect, useState } from 'preact/hooks';
import { api, describeError, uploadFile } from '../api.js';
import { ErrorBox } from '../ui.js';
import { useJob } from './use-job.js';
import { t, tx } from '../i18n/index.js';

type Kind = 'orders' | 'products';

/** The import report of crm/imports/report.ts, as GET /api/jobs/:id and /api/imports/last return it. */
interface ImportReport {
  kind: Kind;
  rows: number;
  imported: number;
  updated: number;
  duplicates: number;
  returns: number;
  customersCreated: number;
  errorCount: number;
  errors: { line: number; message: string }[];
  unknownColumns: string[];
  startedAt: string;
  durationMs: number;
}


const HEADERS: Record<Kind, string> = {
  orders: 'orderId,customerId,date,productId,quantity,amount',
  products: 'productId,name,category,price',
};

function Summary({ report }: { report: ImportReport }) {
  const figures: [string, string | number][] = [
    [t('rows read'), report.rows],
    [t('imported (new or changed)'), report.imported],
    [t('of which updated'), report.updated],
    [t('unchanged duplicates'), report.duplicates],
    ...(report.kind === 'orders' ? ([[t('return lines'), report.returns], [t('customers created'), report.customersCreated]] as [string, number][]) : []),
    [t('rows with errors'), report.errorCount],
    [t('took'), `${(report.durationMs / 1000).toFixed(1)} s`],
  ];
  return (
    <div class="import-summary" data-kind={report.kind}>
      <p class="small muted">{t('Import of {date}', { date: new Date(report.startedAt).toLocaleString() })}</p>
      <dl class="figures">{figures.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl>
      {report.unknownColumns.length > 0 && (
        <div class="notice" role="status">{t('Columns ignored (not part of the format): {columns}', { columns: report.unknownColumns.join(', ') })}</div>
      )}
      {report.errors.length > 0 && (
        <table class="row-errors">
          <thead><tr><th>{t('line')}</th><th>{t('problem (the row was skipped)')}</th></tr></thead>
          <tbody>{report.errors.map((e) => <tr key={`${e.line}-${e.message}`}><td>{e.line}</td><td>{e.message}</td></tr>)}</tbody>
        </table>
      )}
      {report.errorCount > report.errors.length && <p class="small muted">{t('…and {n} more rows with errors.', { n: report.errorCount - report.errors.length })}</p>}
    </div>
  );
}

function ImportCard({ kind, last, onDone }: { kind: Kind; last: ImportReport | null; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { job, setJob, follow } = useJob(setError, onDone);

  async function start() {
    if (!file) return;
    setError(null);
    setJob({ id: '', state: 'queued', progress: 0 });
    try {
      const { jobId } = await uploadFile<{ jobId: string }>(`/api/${kind}/import`, file);
      follow(jobId);
    } catch (e) {
      setJob(null);
      setError(describeError(e));
    }
  }

  const busy = job?.state === 'queued' || job?.state === 'running';
  // The job's result is the import report (crm importReportSchema).
  const shown = job?.state === 'done' && job.result ? (job.result as ImportReport) : last;
  return (
    <section class="card" data-import={kind}>
      <h3>{kind === 'orders' ? t('Orders') : t('Products')}</h3>
      <p class="small muted">{t('CSV with the header')} <code>{HEADERS[kind]}</code>{t(', at most 50 MB (larger files: {command}). Importing the same file again changes nothing.', { command: 'npm run crm:import' })}</p>
      <input type="file" accept=".csv,text/csv" aria-label={t(kind === 'orders' ? 'orders CSV file' : 'products CSV file')} onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
      <button onClick={start} disabled={!file || busy}>{busy ? t('Importing…') : t(kind === 'orders' ? 'Import orders' : 'Import products')}</button>
      <ErrorBox error={error} />
      {job && job.state !== 'done' && (
        <div class="job" data-state={job.state}>
          <progress max={1} value={job.progress} aria-label={t(kind === 'orders' ? 'orders import progress' : 'products import progress')} />
          <span class="small"> {tx(job.state)} · {Math.round(job.progress * 100)}%</span>
          {job.state === 'failed' && <div class="error" role="alert">{t('The import failed: {error}', { error: job.error ?? '' })}</div>}
        </div>
      )}
      {shown ? <Summary report={shown} /> : <p class="small muted">{t(kind === 'orders' ? 'No orders imported yet.' : 'No products imported yet.')}</p>}
    </section>
  );
}

/** Data: upload the shop's orders and products, follow the import, read its row errors and the last summary. */
export function DataPage() {
  const [last, setLast] = useState<{ orders: ImportReport | null; products: ImportReport | null }>({ orders: null, products: null });
  const [error, setError] = useState<string | null>(null);
  const load = () => api<typeof last>('GET', '/api/imports/last').then(setLast, (e) => setError(describeError(e)));
  useEffect(() => void load(), []);
  return (
    <div class="page">
      <h2>{t('Customer data')}</h2>
      <p class="muted">{t('Orders put each customer\'s purchases on their profile: the shop\'s')} <code>customerId</code> {t('is the same id the widget identity uses, so a shopper who chats and buys is one customer.')}</p>
      <ErrorBox error={error} />
      <ImportCard kind="products" last={last.products} onDone={load} />
      <ImportCard kind="orders" last={last.orders} onDone={load} />
    </div>
  );
}
