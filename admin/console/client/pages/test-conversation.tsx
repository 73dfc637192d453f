import { useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import { ErrorBox, LinkedText } from '../ui.js';

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
      if (r.turn.escalate) said.push({ who: 'system', text: `hands over to an agent (${r.turn.escalate})` });
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
      <h3>Conversation (forms turn by turn)</h3>
      <ul class="chat-turns" data-testid="test-turns">
        {turns.map((t, i) => <li key={i}><span class="who">{t.who}:</span><LinkedText text={t.text} /></li>)}
      </ul>
      {form && (
        <p class="muted small" data-testid="test-form">
          Form {form.intent}: waiting for {form.pending.kind === 'slot' ? form.pending.slot : form.pending.kind}
          {Object.keys(form.values).length > 0 && ` · ${Object.entries(form.values).map(([k, v]) => `${k} = “${v.text}”`).join(', ')}`}
        </p>
      )}
      <ErrorBox error={error} />
      <form class="toolbar" onSubmit={(e) => (e.preventDefault(), void send(text))}>
        <input aria-label="Conversation message" placeholder="Next customer message" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={!text.trim()}>Send</button>
        <button type="button" onClick={() => (setTurns([]), setDialogue(null))}>Reset</button>
      </form>
    </section>
  );
}
