import { useEffect, useRef, useState } from 'preact/hooks';
import { api, describeError, getSession } from '../api.js';
import { Empty, LinkedText, newClientId } from '../ui.js';
import { CustomerPanel } from './customer-panel.js';
import { InboxQueue } from './inbox-queue.js';
import { useAgentSocket, type AgentMessage as Msg } from './use-agent-socket.js';
import { t, tx } from '../i18n/index.js';

type Ack = { ok: boolean; error?: { code: string; message: string }; [k: string]: unknown };

export function Inbox() {
  const me = getSession()!.user;
  const [selected, setSelected] = useState<string | null>(null);
  const [messages, setMessages] = useState<Msg[]>([]);
  const [typing, setTyping] = useState(false);
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<{ faqId: string; question: string; answer: string }[]>([]);
  const [, tick] = useState(0);
  const { socketRef, queue, connected, error, setError } = useAgentSocket({
    message: (m) => {
      if (m.conversationId !== selected) return;
      setMessages((ms) => (ms.some((x) => x.id === m.id) ? ms : [...ms, m]));
      setTyping(false);
    },
    typing: (t) => {
      if (t.conversationId === selected) setTyping(t.typing);
    },
  });

  // Re-render every 15 s so "waiting 3 min" stays true.
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 15000);
    return () => clearInterval(timer);
  }, []);

  const current = queue.find((c) => c.id === selected) ?? null;
  const mine = current?.state === 'agent' && current.assignee?.id === me.id;

  useEffect(() => {
    setMessages([]);
    setSuggestions([]);
    setTyping(false);
    setNotice(null);
    if (!selected) return;
    api<{ messages: Msg[] }>('GET', `/api/conversations/${encodeURIComponent(selected)}`).then(
      (c) => setMessages(c.messages),
      (e) => setError(describeError(e)),
    );
    api<{ items: { faqId: string; question: string; answer: string }[] }>('GET', `/api/conversations/${encodeURIComponent(selected)}/suggestions`).then(
      (r) => setSuggestions(r.items),
      () => setSuggestions([]),
    );
  }, [selected, current?.lastMessage?.createdAt]);

  async function emit(event: string, payload: unknown): Promise<Ack> {
    const s = socketRef.current;
    if (!s) throw new Error(t('Not connected'));
    return (await s.timeout(10000).emitWithAck(event, payload)) as Ack;
  }

  async function act(event: 'claim' | 'release' | 'close') {
    if (!selected) return;
    setNotice(null);
    try {
      const ack = await emit(event, { conversationId: selected });
      if (!ack.ok) {
        setNotice(ack.error?.code === 'ERR_CONVERSATION_ALREADY_CLAIMED' ? t('Another agent took it.') : ack.error?.message ?? t('Refused'));
      }
    } catch (e) {
      setNotice(describeError(e));
    }
  }

  async function send(e: Event) {
    e.preventDefault();
    const text = draft.trim();
    if (!selected || !text) return;
    const ack: Ack = await emit('message', { conversationId: selected, clientMessageId: newClientId(), text }).catch((err: unknown) => ({
      ok: false,
      error: { code: 'ERR_INTERNAL', message: describeError(err) },
    }));
    if (!ack.ok) return setNotice(ack.error?.message ?? t('Not sent'));
    setDraft('');
    if (idle.current) clearTimeout(idle.current);
    lastTyping.current = 0;
    socketRef.current?.emit('typing', { conversationId: selected, typing: false });
    const m = ack.message as Msg | undefined;
    if (m) setMessages((ms) => (ms.some((x) => x.id === m.id) ? ms : [...ms, m]));
  }

  const lastTyping = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** `typing: true` at most every 2 s while typing; `false` after 4 s without a keystroke. */
  function onDraft(v: string) {
    setDraft(v);
    if (!mine || !selected) return;
    const conversationId = selected;
    const now = Date.now();
    if (now - lastTyping.current > 2000) {
      lastTyping.current = now;
      socketRef.current?.emit('typing', { conversationId, typing: v.length > 0 });
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(() => {
      lastTyping.current = 0;
      socketRef.current?.emit('typing', { conversationId, typing: false });
    }, 4000);
  }

  return (
    <div class="inbox">
      <InboxQueue queue={queue} selected={selected} connected={connected} error={error} onSelect={setSelected} />
      <section class="chat" aria-label={t('Conversation')}>
        {!current ? (
          <Empty>{t('Select a conversation from the queue.')}</Empty>
        ) : (
          <>
            <header class="chat-head">
              <div>
                <strong>{current.customer.name ?? current.customer.email ?? t('Visitor')}</strong> <span class="muted">{tx(current.state)}</span>
              </div>
              <div class="actions">
                {current.state !== 'agent' && <button onClick={() => act('claim')}>{t('Claim')}</button>}
                {current.state === 'agent' && (mine || me.role === 'admin') && <button onClick={() => act('release')}>{t('Release to bot')}</button>}
                {(mine || current.state === 'queued' || me.role === 'admin') && (
                  <button class="danger" onClick={() => act('close')}>
                    {t('Close')}
                  </button>
                )}
              </div>
            </header>
            {notice && (
              <div class="notice" role="status">
                {notice}
              </div>
            )}
            <ol class="messages">
              {messages.map((m) => (
                <li key={m.id} class={`msg ${m.author}`}>
                  <span class="who">{m.author === 'agent' ? m.agentName ?? tx('agent') : tx(m.author)}</span>
                  <LinkedText text={m.text} />
                </li>
              ))}
              {typing && <li class="typing">{t('Customer is typing…')}</li>}
            </ol>
            {mine ? (
              <form class="reply" onSubmit={send}>
                <textarea aria-label={t('Reply')} value={draft} onInput={(e) => onDraft((e.target as HTMLTextAreaElement).value)} rows={3} />
                <button type="submit" disabled={!draft.trim()}>
                  {t('Send')}
                </button>
              </form>
            ) : (
              <p class="muted">{t('Claim the conversation to reply.')}</p>
            )}
            {suggestions.length > 0 && (
              <div class="suggestions">
                <h3>{t('Suggested answers')}</h3>
                {suggestions.map((s) => (
                  <div key={s.faqId} class="suggestion">
                    <div class="muted small">{s.question}</div>
                    <LinkedText text={s.answer} />
                    {mine && (
                      <button type="button" onClick={() => setDraft(s.answer)}>
                        {t('Use')}
                      </button>
                    )}
                  </div>
                ))}
              </div>
            )}
          </>
        )}
      </section>
      {current && <CustomerPanel conversationId={current.id} />}
    </div>
  );
}
