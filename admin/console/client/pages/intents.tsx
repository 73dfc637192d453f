import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import { Empty, ErrorBox, lines, pct } from '../ui.js';
import { SlotsEditor, toSlotBody, type SlotDraft } from './intent-slots.js';
import { t } from '../i18n/index.js';

interface IntentRow {
  name: string;
  utterances: string[];
  answer?: string;
  escalate?: boolean;
  slots?: { name: string; entity: string; prompt?: string; required?: boolean }[];
  confirm?: string;
  utteranceCount: number;
  accuracy: number | null;
  /** Slot entities that no longer exist: the bot offers a human instead of running the form. */
  unknownEntities?: string[];
}

const blank = { name: '', utterances: '', answer: '', escalate: false, slots: [] as SlotDraft[], confirm: '' };

/** Intents: list with utterance counts and last-trained accuracy; edit utterances, answer, escalate flag. */
export function IntentsPage() {
  const [items, setItems] = useState<IntentRow[] | null>(null);
  const [model, setModel] = useState<{ version: string; createdAt: string; heldOutAccuracy: number | null } | null>(null);
  const [edit, setEdit] = useState<typeof blank & { isNew: boolean }>({ ...blank, isNew: true });
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [entities, setEntities] = useState<string[]>([]);

  const load = () =>
    api<{ items: IntentRow[]; model: { version: string; createdAt: string; heldOutAccuracy: number | null } | null }>('GET', '/api/intents').then(
      (r) => {
        setItems(r.items);
        setModel(r.model);
      },
      (e) => setError(describeError(e)),
    );
  useEffect(() => void load(), []);
  useEffect(() => void api<{ items: { name: string }[] }>('GET', '/api/entities').then((r) => setEntities(r.items.map((e) => e.name)), () => undefined), []);

  function pick(i: IntentRow) {
    const slots = (i.slots ?? []).map((s) => ({ name: s.name, entity: s.entity, prompt: s.prompt ?? '', required: s.required ?? true }));
    setEdit({ name: i.name, utterances: i.utterances.join('\n'), answer: i.answer ?? '', escalate: !!i.escalate, slots, confirm: i.confirm ?? '', isNew: false });
    setOpen(true);
    setSaved(null);
    setError(null);
  }

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    const body = {
      name: edit.name.trim(),
      utterances: lines(edit.utterances),
      ...(edit.answer.trim() ? { answer: edit.answer.trim() } : {}),
      escalate: edit.escalate,
      ...(edit.slots.length ? { slots: toSlotBody(edit.slots) } : {}),
      ...(edit.confirm.trim() ? { confirm: edit.confirm.trim() } : {}),
    };
    try {
      if (edit.isNew) await api('POST', '/api/intents', body);
      else await api('PUT', `/api/intents/${encodeURIComponent(edit.name)}`, body);
      setSaved(t('Saved "{name}". Retrain to use it.', { name: body.name }));
      setEdit({ ...edit, isNew: false });
      await load();
    } catch (err) {
      setError(describeError(err));
    }
  }

  async function remove() {
    if (!confirm(t('Delete intent "{name}"?', { name: edit.name }))) return;
    try {
      await api('DELETE', `/api/intents/${encodeURIComponent(edit.name)}`);
      setOpen(false);
      await load();
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <div class="page two-col">
      <section>
        <h2>{t('Intents')}</h2>
        <p class="muted small">{model ? t('Live model {version}, trained {date}, held-back accuracy {accuracy}', { version: model.version, date: new Date(model.createdAt).toLocaleString(), accuracy: pct(model.heldOutAccuracy) }) : t('No trained model yet: train to use intents.')}</p>
        <button onClick={() => (setEdit({ ...blank, isNew: true }), setOpen(true), setSaved(null))}>{t('New intent')}</button>
        {items === null ? <p class="muted">{t('Loading…')}</p> : items.length === 0 ? <Empty>{t('No intents yet. Create one, then train.')}</Empty> : (
          <table>
            <thead><tr><th>{t('Name')}</th><th>{t('Utterances')}</th><th>{t('Accuracy')}</th><th>{t('Escalates')}</th><th>{t('Form')}</th></tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.name} onClick={() => pick(i)} class="clickable">
                  <td>{i.name}</td><td>{i.utteranceCount}</td><td>{pct(i.accuracy)}</td><td>{i.escalate ? t('yes') : ''}</td>
                  <td>
                    {i.slots?.length ? `${t(i.slots.length > 1 ? '{n} slots' : '{n} slot', { n: i.slots.length })}${i.confirm ? ` + ${t('confirm')}` : ''}` : ''}
                    {i.unknownEntities?.length ? <span class="warning" role="status"> {t('missing entity {names}: the bot offers a human', { names: i.unknownEntities.join(', ') })}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {open && (
        <form class="editor" onSubmit={save}>
          <h3>{edit.isNew ? t('New intent') : edit.name}</h3>
          <ErrorBox error={error} />
          {saved && <div class="ok">{saved}</div>}
          <label>{t('Name')}<input value={edit.name} disabled={!edit.isNew} onInput={(e) => setEdit({ ...edit, name: (e.target as HTMLInputElement).value })} /></label>
          <label>{t('Utterances (one per line)')}<textarea rows={10} value={edit.utterances} onInput={(e) => setEdit({ ...edit, utterances: (e.target as HTMLTextAreaElement).value })} /></label>
          <label>{t('Answer (use {{slot}} placeholders)')}<textarea rows={3} value={edit.answer} onInput={(e) => setEdit({ ...edit, answer: (e.target as HTMLTextAreaElement).value })} /></label>
          <SlotsEditor slots={edit.slots} entities={entities} onChange={(slots) => setEdit({ ...edit, slots })} />
          <label>{t('Confirmation (optional, answered yes/no before the answer)')}<input value={edit.confirm} placeholder={t('Look up order {{order_id}}?')} onInput={(e) => setEdit({ ...edit, confirm: (e.target as HTMLInputElement).value })} /></label>
          <label class="check"><input type="checkbox" checked={edit.escalate} onChange={(e) => setEdit({ ...edit, escalate: (e.target as HTMLInputElement).checked })} /> {t('Hand over to an agent')}</label>
          <div class="actions">
            <button type="submit">{t('Save')}</button>
            {!edit.isNew && <button type="button" class="danger" onClick={remove}>{t('Delete')}</button>}
          </div>
        </form>
      )}
    </div>
  );
}
