import { t } from '../i18n/index.js';
/** The form part of an intent: slots (name, entity, prompt, required) in asking order, and the confirmation. */
export interface SlotDraft {
  name: string;
  entity: string;
  prompt: string;
  required: boolean;
}

export const BUILTIN_ENTITIES = ['order_id', 'email', 'phone', 'number', 'date', 'time', 'money', 'url'];

export function SlotsEditor({ slots, entities, onChange }: { slots: SlotDraft[]; entities: string[]; onChange: (s: SlotDraft[]) => void }) {
  const set = (i: number, patch: Partial<SlotDraft>) => onChange(slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) => {
    const next = [...slots];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s!);
    onChange(next);
  };
  const choices = [...BUILTIN_ENTITIES, ...entities.filter((e) => !BUILTIN_ENTITIES.includes(e))];
  return (
    <fieldset class="slots">
      <legend>{t('Form slots (asked in this order; {{name}} in the answer shows the value as the customer gave it)')}</legend>
      {slots.map((s, i) => (
        <div class="slot-row" key={i} data-testid="slot-row">
          <input aria-label={t('Slot {n} name', { n: i + 1 })} placeholder={t('name')} value={s.name} onInput={(e) => set(i, { name: (e.target as HTMLInputElement).value })} />
          <select aria-label={t('Slot {n} entity', { n: i + 1 })} value={s.entity} onChange={(e) => set(i, { entity: (e.target as HTMLSelectElement).value })}>
            {!choices.includes(s.entity) && <option value={s.entity}>{s.entity} ({t('missing')})</option>}
            {choices.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <input aria-label={t('Slot {n} prompt', { n: i + 1 })} placeholder={t('question (optional)')} value={s.prompt} onInput={(e) => set(i, { prompt: (e.target as HTMLInputElement).value })} />
          <label class="check"><input type="checkbox" checked={s.required} onChange={(e) => set(i, { required: (e.target as HTMLInputElement).checked })} /> {t('required')}</label>
          <button type="button" aria-label={t('Move slot {n} up', { n: i + 1 })} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
          <button type="button" aria-label={t('Remove slot {n}', { n: i + 1 })} onClick={() => onChange(slots.filter((_, j) => j !== i))}>✕</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...slots, { name: '', entity: 'order_id', prompt: '', required: true }])}>{t('Add slot')}</button>
    </fieldset>
  );
}

export function toSlotBody(slots: SlotDraft[]) {
  return slots.map((s) => ({ name: s.name.trim(), entity: s.entity, ...(s.prompt.trim() ? { prompt: s.prompt.trim() } : {}), ...(s.required ? {} : { required: false }) }));
}
