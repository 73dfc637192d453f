import { useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import { ErrorBox, LinkedText } from '../ui.js';
import { t, tx } from '../i18n/index.js';

interface DialogueState {
  form: { intent: string; values: Record<string, { text: string }>; pending: { kind: string; slot?: string; attempts: number } } | null;
  topic: { kind: string; id: string } | null;
}
interface TurnResult {
  turn: { decision: string; replies: { text: string; suggestions?: { label: string; text: string }[] }[]; dialogue: DialogueState | null; escalate?: string };
}

/** Plays a conversation turn by turn with the bot's own planning (forms, digressions, follow-ups); nothing is stored. */
export function TestConversation() {
  const [text, setText] = useState('');
  const [dialogue, setDialogue] = useState<DialogueState | null>(null);
  const [turns, setTurns] = useState<{ who: string; text: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function send(message: string) {
    setError(null);
    try {
      const r = await api<TurnResult>('POST', '/api/nlu/test', { text: message, dialogue });
      const said = r.turn.replies.map((x) => ({ who: 'bot', text: x.text }));
      if (r.turn.escalate) said.push({ who: 'system', text: t('hands over to an agent ({reason})', { reason: r.turn.escalate }) });
      setTurns([...turns, { who: 'customer', text: message }, ...said]);
      setDialogue(r.turn.dialogue);
      setText('');
    } catch (err) {
      setError(describeError(err));
    }
  }
  const form = dialogue?.form;
  return (
    <section class="analysis">
      <h3>{t('Conversation (forms turn by turn)')}</h3>
      <ul class="chat-turns" data-testid="test-turns">
        {turns.map((turn, i) => <li key={i}><span class="who">{tx(turn.who)}:</span><LinkedText text={turn.text} /></li>)}
      </ul>
      {form && (
        <p class="muted small" data-testid="test-form">
          {t('Form {intent}: waiting for {what}', { intent: form.intent, what: form.pending.kind === 'slot' ? form.pending.slot ?? '' : tx(form.pending.kind) })}
          {Object.keys(form.values).length > 0 && ` · ${Object.entries(form.values).map(([k, v]) => `${k} = “${v.text}”`).join(', ')}`}
        </p>
      )}
      <ErrorBox error={error} />
      <form class="toolbar" onSubmit={(e) => (e.preventDefault(), void send(text))}>
        <input aria-label={t('Conversation message')} placeholder={t('Next customer message')} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={!text.trim()}>{t('Send')}</button>
        <button type="button" onClick={() => (setTurns([]), setDialogue(null))}>{t('Reset')}</button>
      </form>
    </section>
  );
}
