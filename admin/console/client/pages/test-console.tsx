import { useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import { ErrorBox, LinkedText, pct } from '../ui.js';
import { TestConversation } from './test-conversation.js';
import { t, tx } from '../i18n/index.js';

interface TestResult {
  intent: { name: string; confidence: number } | null;
  alternatives: { name: string; confidence: number }[];
  entities: { entity: string; text: string; value: string | number }[];
  sentiment: { score: number; label: string };
  outOfScope: boolean;
  faq: { hits: { faqId: string; question: string; answer: string; score: number; calibrated: number; matched: string }[]; decision: string; mode: string };
  decision: string;
  reply: string | null;
}

/** Test console: one message -> everything the bot would see and do. */
export function TestPage() {
  const [text, setText] = useState('');
  const [r, setR] = useState<TestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      setR(await api<TestResult>('POST', '/api/nlu/test', { text }));
    } catch (err) {
      setError(describeError(err));
    }
  }
  return (
    <div class="page">
      <h2>{t('Test console')}</h2>
      <form class="toolbar" onSubmit={run}>
        <input aria-label={t('Test message')} placeholder={t('Type a customer message')} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={!text.trim()}>{t('Analyse')}</button>
      </form>
      <ErrorBox error={error} />
      {r && (
        <div class="analysis">
          <p class="decision">{t('Decision:')} <strong data-testid="decision">{r.decision}</strong>{r.outOfScope ? ` (${t('out of scope')})` : ''}</p>
          {r.reply && <blockquote><LinkedText text={r.reply} /></blockquote>}
          <h3>{t('Intent')}</h3>
          <p>{r.intent ? `${r.intent.name} · ${pct(r.intent.confidence)}` : t('none')}</p>
          {r.alternatives.length > 0 && <ul>{r.alternatives.map((a) => <li key={a.name}>{a.name} · {pct(a.confidence)}</li>)}</ul>}
          <h3>{t('Entities')}</h3>
          {r.entities.length === 0 ? <p class="muted">{t('none')}</p> : <ul>{r.entities.map((e, i) => <li key={i}>{e.entity}: “{e.text}” → {String(e.value)}</li>)}</ul>}
          <h3>{t('Sentiment')}</h3>
          <p>{tx(r.sentiment.label)} ({r.sentiment.score.toFixed(2)})</p>
          <h3>{t('FAQ ({mode}, decision {decision})', { mode: tx(r.faq.mode), decision: r.faq.decision })}</h3>
          {r.faq.hits.length === 0 ? <p class="muted">{t('no hits')}</p> : (
            <table>
              <thead><tr><th>{t('Question')}</th><th>{t('Matched')}</th><th>{t('Score')}</th><th>{t('Probability')}</th></tr></thead>
              <tbody>{r.faq.hits.map((h) => <tr key={h.faqId}><td>{h.question}</td><td>{h.matched}</td><td>{h.score.toFixed(3)}</td><td>{pct(h.calibrated)}</td></tr>)}</tbody>
            </table>
          )}
        </div>
      )}
      <TestConversation />
    </div>
  );
}
