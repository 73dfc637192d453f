import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, describeError, download } from '../api.js';
import { Empty, ErrorBox, LinkedText, lines } from '../ui.js';
import { RetrievalMode } from './retrieval-mode.js';
import type { FaqEntry as Faq } from '../../../../core/index.js';
import { t } from '../i18n/index.js';

interface RowError {
  row: number;
  issues: { path: string; message: string }[];
}
interface Draft {
  id: string;
  question: string;
  answer: string;
  alternates: string;
  tags: string;
  isNew: boolean;
}
const blank: Draft = { id: '', question: '', answer: '', alternates: '', tags: '', isNew: true };

/** FAQ: search, edit, import (JSON/CSV with a row-level error report) and export. */
export function FaqPage() {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Faq[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [d, setD] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<{ summary: string; errors: RowError[] } | null>(null);
  const [partial, setPartial] = useState(true);

  const load = (query = q, after?: string) =>
    api<{ items: Faq[]; nextCursor: string | null }>('GET', `/api/faqs?limit=50&q=${encodeURIComponent(query)}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`).then(
      (r) => {
        setItems((old) => (after ? [...(old ?? []), ...r.items] : r.items));
        setCursor(r.nextCursor);
      },
      (e) => setError(describeError(e)),
    );
  useEffect(() => void load(''), []);

  async function save(e: Event) {
    e.preventDefault();
    if (!d) return;
    setError(null);
    const body = { question: d.question, answer: d.answer, alternates: lines(d.alternates), tags: d.tags.split(',').map((t) => t.trim()).filter(Boolean) };
    try {
      const saved = d.isNew
        ? await api<Faq>('POST', '/api/faqs', { ...body, ...(d.id.trim() ? { id: d.id.trim() } : {}) })
        : await api<Faq>('PUT', `/api/faqs/${encodeURIComponent(d.id)}`, body);
      setD({ ...d, id: saved.id, isNew: false });
      await load();
    } catch (err) {
      setError(describeError(err));
    }
  }

  async function remove() {
    if (!d || !confirm(t('Delete this FAQ entry?'))) return;
    await api('DELETE', `/api/faqs/${encodeURIComponent(d.id)}`).then(() => (setD(null), load()), (err) => setError(describeError(err)));
  }

  async function importFile(file: File) {
    setReport(null);
    setError(null);
    const text = await file.text();
    let body: Record<string, unknown>;
    if (file.name.toLowerCase().endsWith('.csv')) body = { csv: text, partial };
    else {
      try {
        const parsed: unknown = JSON.parse(text);
        const rows = Array.isArray(parsed) ? parsed : ((parsed as { items?: unknown[]; rows?: unknown[] }).items ?? (parsed as { rows?: unknown[] }).rows);
        if (!Array.isArray(rows)) throw new Error(t('Expected an array of FAQ entries (or {shape})', { shape: '{ items: [...] }' }));
        body = { rows, partial };
      } catch (err) {
        return setError(t('Not valid JSON: {error}', { error: describeError(err) }));
      }
    }
    try {
      const r = await api<Record<string, unknown> & { errors?: RowError[] }>('POST', '/api/faqs/import', body);
      const counts = Object.entries(r).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k}: ${String(v)}`).join(', ');
      setReport({ summary: counts || t('Imported.'), errors: r.errors ?? [] });
      await load();
    } catch (err) {
      const rows = err instanceof ApiError ? (err.details?.errors as RowError[] | undefined) : undefined;
      if (rows) setReport({ summary: `${err instanceof ApiError ? err.message : ''} — ${t('nothing was imported.')}`, errors: rows });
      else setError(describeError(err));
    }
  }

  const set = (patch: Partial<Draft>) => d && setD({ ...d, ...patch });
  return (
    <div class="page two-col">
      <section>
        <h2>{t('FAQ')}</h2>
        <RetrievalMode />
        <form class="toolbar" onSubmit={(e) => (e.preventDefault(), load(q))}>
          <input type="search" placeholder={t('Search questions, answers, tags')} aria-label={t('Search FAQ')} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
          <button type="submit">{t('Search')}</button>
          <button type="button" onClick={() => (setD({ ...blank }), setError(null))}>{t('New entry')}</button>
        </form>
        <div class="toolbar">
          <label class="file">{t('Import JSON/CSV')}<input type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void importFile(f);
            (e.target as HTMLInputElement).value = '';
          }} /></label>
          <label class="check"><input type="checkbox" checked={partial} onChange={(e) => setPartial((e.target as HTMLInputElement).checked)} /> {t('import valid rows even if some fail')}</label>
          <button type="button" onClick={() => download('/api/faqs/export', 'faqs.json').catch((err) => setError(describeError(err)))}>{t('Export JSON')}</button>
          <button type="button" onClick={() => download('/api/faqs/export?format=csv', 'faqs.csv').catch((err) => setError(describeError(err)))}>{t('Export CSV')}</button>
        </div>
        <ErrorBox error={d ? null : error} />
        {report && (
          <div class="report" role="status">
            <strong>{t('Import:')} </strong>{report.summary}
            {report.errors.length > 0 && (
              <table>
                <thead><tr><th>{t('Row')}</th><th>{t('Problem')}</th></tr></thead>
                <tbody>{report.errors.map((r) => <tr key={r.row}><td>{r.row}</td><td>{r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}</td></tr>)}</tbody>
              </table>
            )}
          </div>
        )}
        {items === null ? <p class="muted">{t('Loading…')}</p> : items.length === 0 ? <Empty>{q ? t('No entry matches.') : t('No FAQ entries yet. Add one or import a file.')}</Empty> : (
          <ul class="faq-list">
            {items.map((f) => (
              <li key={f.id} class="clickable" onClick={() => (setD({ id: f.id, question: f.question, answer: f.answer, alternates: f.alternates.join('\n'), tags: f.tags.join(', '), isNew: false }), setError(null))}>
                <strong>{f.question}</strong>
                <div class="small muted">{f.id} {f.tags.length ? `· ${f.tags.join(', ')}` : ''} {f.alternates.length ? `· ${t('{n} alternates', { n: f.alternates.length })}` : ''}</div>
                <div class="answer"><LinkedText text={f.answer} /></div>
              </li>
            ))}
          </ul>
        )}
        {cursor && <button onClick={() => load(q, cursor)}>{t('Load more')}</button>}
      </section>
      {d && (
        <form class="editor" onSubmit={save}>
          <h3>{d.isNew ? t('New FAQ entry') : d.id}</h3>
          <ErrorBox error={error} />
          {d.isNew && <label>{t('Id (optional)')}<input value={d.id} onInput={(e) => set({ id: (e.target as HTMLInputElement).value })} /></label>}
          <label>{t('Question')}<input value={d.question} onInput={(e) => set({ question: (e.target as HTMLInputElement).value })} /></label>
          <label>{t('Alternate phrasings (one per line)')}<textarea rows={5} value={d.alternates} onInput={(e) => set({ alternates: (e.target as HTMLTextAreaElement).value })} /></label>
          <label>{t('Answer (plain text; links are clickable)')}<textarea rows={6} value={d.answer} onInput={(e) => set({ answer: (e.target as HTMLTextAreaElement).value })} /></label>
          <label>{t('Tags (comma separated)')}<input value={d.tags} onInput={(e) => set({ tags: (e.target as HTMLInputElement).value })} /></label>
          <div class="preview-box"><div class="small muted">{t('Preview')}</div><LinkedText text={d.answer} /></div>
          <div class="actions">
            <button type="submit">{t('Save')}</button>
            {!d.isNew && <button type="button" class="danger" onClick={remove}>{t('Delete')}</button>}
          </div>
        </form>
      )}
    </div>
  );
}
