import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import { Empty, ErrorBox, lines } from '../ui.js';
import { t } from '../i18n/index.js';

type Entity =
  | { name: string; type: 'enum'; options: { value: string; synonyms: string[] }[] }
  | { name: string; type: 'regex'; pattern: string; flags?: string };

interface Draft {
  name: string;
  type: 'enum' | 'regex';
  options: string;
  pattern: string;
  flags: string;
  isNew: boolean;
}
const blank: Draft = { name: '', type: 'enum', options: '', pattern: '', flags: 'i', isNew: true };

/** Enum options are edited as `value: synonym, synonym` lines. */
function toDraft(e: Entity): Draft {
  return e.type === 'enum'
    ? { ...blank, name: e.name, type: 'enum', options: e.options.map((o) => [o.value, o.synonyms.join(', ')].filter(Boolean).join(': ')).join('\n'), isNew: false }
    : { ...blank, name: e.name, type: 'regex', pattern: e.pattern, flags: e.flags ?? '', isNew: false };
}

function fromDraft(d: Draft): Entity {
  if (d.type === 'regex') return { name: d.name.trim(), type: 'regex', pattern: d.pattern, ...(d.flags ? { flags: d.flags } : {}) };
  const options = lines(d.options).map((l) => {
    const [value = '', syn = ''] = l.split(/:(.*)/s);
    return { value: value.trim(), synonyms: syn.split(',').map((s) => s.trim()).filter(Boolean) };
  });
  return { name: d.name.trim(), type: 'enum', options };
}

export function EntitiesPage() {
  const [items, setItems] = useState<Entity[] | null>(null);
  const [d, setD] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api<{ items: Entity[] }>('GET', '/api/entities').then((r) => setItems(r.items), (e) => setError(describeError(e)));
  useEffect(() => void load(), []);

  async function save(e: Event) {
    e.preventDefault();
    if (!d) return;
    setError(null);
    try {
      const body = fromDraft(d);
      if (d.isNew) await api('POST', '/api/entities', body);
      else await api('PUT', `/api/entities/${encodeURIComponent(d.name)}`, body);
      setD({ ...d, isNew: false });
      await load();
    } catch (err) {
      setError(describeError(err));
    }
  }
  async function remove() {
    if (!d || !confirm(t('Delete entity "{name}"?', { name: d.name }))) return;
    await api('DELETE', `/api/entities/${encodeURIComponent(d.name)}`).then(() => (setD(null), load()), (err) => setError(describeError(err)));
  }

  const set = (patch: Partial<Draft>) => d && setD({ ...d, ...patch });
  return (
    <div class="page two-col">
      <section>
        <h2>{t('Entities')}</h2>
        <button onClick={() => setD({ ...blank })}>{t('New entity')}</button>
        {items === null ? <p class="muted">{t('Loading…')}</p> : items.length === 0 ? <Empty>{t('No custom entities.')}</Empty> : (
          <table>
            <thead><tr><th>{t('Name')}</th><th>{t('Type')}</th><th>{t('Definition')}</th></tr></thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.name} class="clickable" onClick={() => (setD(toDraft(e)), setError(null))}>
                  <td>{e.name}</td><td>{e.type}</td><td class="small">{e.type === 'enum' ? e.options.map((o) => o.value).join(', ') : `/${e.pattern}/${e.flags ?? ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {d && (
        <form class="editor" onSubmit={save}>
          <h3>{d.isNew ? t('New entity') : d.name}</h3>
          <ErrorBox error={error} />
          <label>{t('Name')}<input value={d.name} disabled={!d.isNew} onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} /></label>
          <label>{t('Type')}
            <select value={d.type} onChange={(e) => set({ type: (e.target as HTMLSelectElement).value as Draft['type'] })}>
              <option value="enum">{t('enum (options with synonyms)')}</option>
              <option value="regex">{t('regex')}</option>
            </select>
          </label>
          {d.type === 'enum' ? (
            <label>{t('Options (one per line: {format})', { format: 'value: synonym, synonym' })}<textarea rows={8} value={d.options} onInput={(e) => set({ options: (e.target as HTMLTextAreaElement).value })} /></label>
          ) : (
            <>
              <label>{t('Pattern')}<input value={d.pattern} onInput={(e) => set({ pattern: (e.target as HTMLInputElement).value })} /></label>
              <label>{t('Flags')}<input value={d.flags} onInput={(e) => set({ flags: (e.target as HTMLInputElement).value })} /></label>
            </>
          )}
          <div class="actions">
            <button type="submit">{t('Save')}</button>
            {!d.isNew && <button type="button" class="danger" onClick={remove}>{t('Delete')}</button>}
          </div>
        </form>
      )}
    </div>
  );
}
