import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import { api, describeError, getSession, onSession } from '../api.js';
import { Empty, ErrorBox, LinkedText, ago, newClientId } from '../ui.js';
import { CustomerPanel } from './customer-panel.js';
import type { ConversationSummary } from '../../../../core/index.js';

export type Summary = ConversationSummary;
interface Msg {
  id: string;
  conversationId: string;
  author: string;
  text: string;
  createdAt: string;
  agentName?: string;
}
type Ack = { ok: boolean; error?: { code: string; message: string }; [k: string]: unknown };

const TITLE = 'Parley console';

function sentimentLabel(s?: number): string {
  if (s === undefined) return '';
  return s <= -0.25 ? '☹ negative' : s >= 0.25 ? '☺ positive' : '· neutral';
}

export function Inbox() {
  const me = getSession()!.user;
  const [queue, setQueue] = useState<Summary[]>([]);
  const [connected, setConnected] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [messages, setMessages] = useState<Msg[]>([]);
  const [typing, setTyping] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<{ faqId: string; question: string; answer: string }[]>([]);
  const [, tick] = useState(0);
  const socketRef = useRef<Socket | null>(null);
  const known = useRef<Set<string> | null>(null);
  const unseen = useRef(0);
  const selectedRef = useRef<string | null>(null);
  selectedRef.current = selected;

  useEffect(() => {
    const s = io('/agent', { auth: { token: getSession()?.token ?? '' }, transports: ['websocket'] });
    socketRef.current = s;
    const off = onSession((sess) => {
      if (sess) s.auth = { token: sess.token };
    });
    s.on('connect', () => {
      setConnected(true);
      setError(null);
    });
    s.on('disconnect', () => setConnected(false));
    s.on('connect_error', (err: Error) => {
      setConnected(false);
      setError(`Live connection refused: ${err.message}`);
    });
    s.on('queue', ({ conversations }: { conversations: Summary[] }) => {
      // Title badge: count conversations that newly entered the queue while the tab was not looked at.
      const queued = conversations.filter((c) => c.state === 'queued').map((c) => c.id);
      if (known.current) {
        const fresh = queued.filter((id) => !known.current!.has(id)).length;
        if (fresh > 0 && (document.hidden || !document.hasFocus())) unseen.current += fresh;
      }
      known.current = new Set(queued);
      document.title = unseen.current > 0 ? `(${unseen.current}) ${TITLE}` : TITLE;
      setQueue(conversations);
    });
    s.on('conversation', (c: Summary) => setQueue((q) => q.map((x) => (x.id === c.id ? c : x))));
    s.on('message', (m: Msg) => {
      if (m.conversationId === selectedRef.current) {
        setMessages((ms) => (ms.some((x) => x.id === m.id) ? ms : [...ms, m]));
        setTyping(false);
      }
    });
    s.on('typing', (t: { conversationId: string; typing: boolean }) => {
      if (t.conversationId === selectedRef.current) setTyping(t.typing);
    });
    const clear = () => {
      unseen.current = 0;
      document.title = TITLE;
    };
    window.addEventListener('focus', clear);
    const timer = setInterval(() => tick((n) => n + 1), 15000);
    return () => {
      off();
      window.removeEventListener('focus', clear);
      clearInterval(timer);
      s.close();
      document.title = TITLE;
    };
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
    if (!s) throw new Error('Not connected');
    return (await s.timeout(10000).emitWithAck(event, payload)) as Ack;
  }

  async function act(event: 'claim' | 'release' | 'close') {
    if (!selected) return;
    setNotice(null);
    try {
      const ack = await emit(event, { conversationId: selected });
      if (!ack.ok) {
        setNotice(ack.error?.code === 'ERR_CONVERSATION_ALREADY_CLAIMED' ? 'Another agent took it.' : ack.error?.message ?? 'Refused');
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
    if (!ack.ok) return setNotice(ack.error?.message ?? 'Not sent');
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
      <section class="queue" aria-label="Queue">
        <h2>
          Queue <span class={connected ? 'live on' : 'live'}>{connected ? 'live' : 'offline'}</span>
        </h2>
        <ErrorBox error={error} />
        {queue.length === 0 ? (
          <Empty>No conversations waiting. New escalations appear here live.</Empty>
        ) : (
          <ul>
            {queue.map((c) => (
              <li key={c.id} class={`${c.id === selected ? 'sel ' : ''}${c.state}`} data-id={c.id}>
                <button type="button" onClick={() => setSelected(c.id)}>
                  <strong>{c.customer.name ?? c.customer.email ?? `Visitor ${c.customer.id.slice(-5)}`}</strong>
                  <span class="badge">{c.state === 'queued' ? `waiting ${ago(c.waitingSince)}` : `with ${c.assignee?.name ?? '?'}`}</span>
                  <span class="muted small">
                    {c.intent ?? ''} {sentimentLabel(c.sentiment)}
                  </span>
                  <span class="preview">{c.lastMessage?.text ?? ''}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="chat" aria-label="Conversation">
        {!current ? (
          <Empty>Select a conversation from the queue.</Empty>
        ) : (
          <>
            <header class="chat-head">
              <div>
                <strong>{current.customer.name ?? current.customer.email ?? 'Visitor'}</strong> <span class="muted">{current.state}</span>
              </div>
              <div class="actions">
                {current.state !== 'agent' && <button onClick={() => act('claim')}>Claim</button>}
                {current.state === 'agent' && (mine || me.role === 'admin') && <button onClick={() => act('release')}>Release to bot</button>}
                {(mine || current.state === 'queued' || me.role === 'admin') && (
                  <button class="danger" onClick={() => act('close')}>
                    Close
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
                  <span class="who">{m.author === 'agent' ? m.agentName ?? 'agent' : m.author}</span>
                  <LinkedText text={m.text} />
                </li>
              ))}
              {typing && <li class="typing">Customer is typing…</li>}
            </ol>
            {mine ? (
              <form class="reply" onSubmit={send}>
                <textarea aria-label="Reply" value={draft} onInput={(e) => onDraft((e.target as HTMLTextAreaElement).value)} rows={3} />
                <button type="submit" disabled={!draft.trim()}>
                  Send
                </button>
              </form>
            ) : (
              <p class="muted">Claim the conversation to reply.</p>
            )}
            {suggestions.length > 0 && (
              <div class="suggestions">
                <h3>Suggested answers</h3>
                {suggestions.map((s) => (
                  <div key={s.faqId} class="suggestion">
                    <div class="muted small">{s.question}</div>
                    <LinkedText text={s.answer} />
                    {mine && (
                      <button type="button" onClick={() => setDraft(s.answer)}>
                        Use
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
