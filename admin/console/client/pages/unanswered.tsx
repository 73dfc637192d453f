import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import { Empty, ErrorBox } from '../ui.js';
import type { FaqEntry as Faq, Intent, UnansweredGroup as Group } from '../../../../core/index.js';
import { t } from '../i18n/index.js';

/** Unanswered questions, clustered by analytics (contact details masked); one click adds one as an FAQ alternate or an intent utterance. */
export function UnansweredPage() {
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [faqs, setFaqs] = useState<Faq[]>([]);
  const [intents, setIntents] = useState<Intent[]>([]);
  const [target, setTarget] = useState<Record<string, string>>({});
  const [done, setDone] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<{ items: Group[] }>('GET', '/api/unanswered?limit=200').then((r) => setGroups(r.items), (e) => setError(describeError(e)));
    api<{ items: Faq[] }>('GET', '/api/faqs?limit=200').then((r) => setFaqs(r.items), () => undefined);
    api<{ items: Intent[] }>('GET', '/api/intents').then((r) => setIntents(r.items), () => undefined);
  }, []);

  async function add(g: Group) {
    const choice = target[g.key] ?? '';
    setError(null);
    try {
      if (choice.startsWith('faq:')) {
        const f = await api<Faq>('GET', `/api/faqs/${encodeURIComponent(choice.slice(4))}`);
        await api('PUT', `/api/faqs/${encodeURIComponent(f.id)}`, { question: f.question, answer: f.answer, tags: f.tags, alternates: [...f.alternates, g.text] });
        setDone({ ...done, [g.key]: t('Added as an alternate of “{question}”', { question: f.question }) });
      } else if (choice.startsWith('intent:')) {
        const i = await api<Intent>('GET', `/api/intents/${encodeURIComponent(choice.slice(7))}`);
        await api('PUT', `/api/intents/${encodeURIComponent(i.name)}`, { ...i, utterances: [...i.utterances, g.text] });
        setDone({ ...done, [g.key]: t('Added to intent {name} (retrain to use it)', { name: i.name }) });
      }
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <div class="page">
      <h2>{t('Unanswered questions')}</h2>
      <ErrorBox error={error} />
      {groups === null ? <p class="muted">{t('Loading…')}</p> : groups.length === 0 ? <Empty>{t('Nothing unanswered. Questions that get a fallback or a “did you mean” show up here.')}</Empty> : (
        <table>
          <thead><tr><th>{t('Question')}</th><th>{t('Times')}</th><th>{t('Also asked as')}</th><th>{t('Add to')}</th></tr></thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key}>
                <td>{g.text}</td>
                <td>{g.count}</td>
                <td class="small muted">{g.examples.filter((e) => e !== g.text).slice(0, 3).join(' · ')}</td>
                <td>
                  {done[g.key] ? <span class="ok">{done[g.key]}</span> : (
                    <span class="row">
                      <select aria-label={t('Add to')} value={target[g.key] ?? ''} onChange={(e) => setTarget({ ...target, [g.key]: (e.target as HTMLSelectElement).value })}>
                        <option value="">{t('choose…')}</option>
                        <optgroup label={t('FAQ alternate')}>{faqs.map((f) => <option key={f.id} value={`faq:${f.id}`}>{f.question}</option>)}</optgroup>
                        <optgroup label={t('Intent utterance')}>{intents.map((i) => <option key={i.name} value={`intent:${i.name}`}>{i.name}</option>)}</optgroup>
                      </select>
                      <button disabled={!target[g.key]} onClick={() => add(g)}>{t('Add')}</button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
