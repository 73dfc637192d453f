import { useEffect, useState } from 'preact/hooks';
import { api, describeError, uploadFile } from '../api.js';
import { ErrorBox } from '../ui.js';
import { useJob } from './use-job.js';

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
    ['rows read', report.rows],
    ['imported (new or changed)', report.imported],
    ['of which updated', report.updated],
    ['unchanged duplicates', report.duplicates],
    ...(report.kind === 'orders' ? ([['return lines', report.returns], ['customers created', report.customersCreated]] as [string, number][]) : []),
    ['rows with errors', report.errorCount],
    ['took', `${(report.durationMs / 1000).toFixed(1)} s`],
  ];
  return (
    <div class="import-summary" data-kind={report.kind}>
      <p class="small muted">Import of {new Date(report.startedAt).toLocaleString()}</p>
      <dl class="figures">{figures.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl>
      {report.unknownColumns.length > 0 && (
        <div class="notice" role="status">Columns ignored (not part of the format): {report.unknownColumns.join(', ')}</div>
      )}
      {report.errors.length > 0 && (
        <table class="row-errors">
          <thead><tr><th>line</th><th>problem (the row was skipped)</th></tr></thead>
          <tbody>{report.errors.map((e) => <tr key={`${e.line}-${e.message}`}><td>{e.line}</td><td>{e.message}</td></tr>)}</tbody>
        </table>
      )}
      {report.errorCount > report.errors.length && <p class="small muted">…and {report.errorCount - report.errors.length} more rows with errors.</p>}
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
      <h3>{kind === 'orders' ? 'Orders' : 'Products'}</h3>
      <p class="small muted">CSV with the header <code>{HEADERS[kind]}</code>, at most 50 MB (larger files: <code>npm run crm:import</code>). Importing the same file again changes nothing.</p>
      <input type="file" accept=".csv,text/csv" aria-label={`${kind} CSV file`} onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
      <button onClick={start} disabled={!file || busy}>{busy ? 'Importing…' : `Import ${kind}`}</button>
      <ErrorBox error={error} />
      {job && job.state !== 'done' && (
        <div class="job" data-state={job.state}>
          <progress max={1} value={job.progress} aria-label={`${kind} import progress`} />
          <span class="small"> {job.state} · {Math.round(job.progress * 100)}%</span>
          {job.state === 'failed' && <div class="error" role="alert">The import failed: {job.error}</div>}
        </div>
      )}
      {shown ? <Summary report={shown} /> : <p class="small muted">No {kind} imported yet.</p>}
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
      <h2>Customer data</h2>
      <p class="muted">Orders put each customer's purchases on their profile: the shop's <code>customerId</code> is the same id the widget identity uses, so a shopper who chats and buys is one customer.</p>
      <ErrorBox error={error} />
      <ImportCard kind="products" last={last.products} onDone={load} />
      <ImportCard kind="orders" last={last.orders} onDone={load} />
    </div>
  );
}
