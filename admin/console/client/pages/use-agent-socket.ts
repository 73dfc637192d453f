import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import { getSession, onSession } from '../api.js';
import type { ConversationSummary } from '../../../../core/index.js';
import { t } from '../i18n/index.js';

export interface AgentMessage {
  id: string;
  conversationId: string;
  author: string;
  text: string;
  createdAt: string;
  agentName?: string;
}

export interface AgentSocketHandlers {
  message: (m: AgentMessage) => void;
  typing: (t: { conversationId: string; typing: boolean }) => void;
}

const title = (): string => t('Parley console');

/**
 * The `/agent` namespace connection: the live queue, connection state, and a title badge counting
 * conversations that entered the queue while the tab was not looked at. Message and typing events
 * go to the latest handlers (kept in a ref, so the socket is not reopened on every render).
 */
export function useAgentSocket(handlers: AgentSocketHandlers) {
  const [queue, setQueue] = useState<ConversationSummary[]>([]);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const socketRef = useRef<Socket | null>(null);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const known = useRef<Set<string> | null>(null);
  const unseen = useRef(0);

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
      setError(t('Live connection refused: {error}', { error: err.message }));
    });
    s.on('queue', ({ conversations }: { conversations: ConversationSummary[] }) => {
      const queued = conversations.filter((c) => c.state === 'queued').map((c) => c.id);
      if (known.current) {
        const fresh = queued.filter((id) => !known.current!.has(id)).length;
        if (fresh > 0 && (document.hidden || !document.hasFocus())) unseen.current += fresh;
      }
      known.current = new Set(queued);
      document.title = unseen.current > 0 ? `(${unseen.current}) ${title()}` : title();
      setQueue(conversations);
    });
    s.on('conversation', (c: ConversationSummary) => setQueue((q) => q.map((x) => (x.id === c.id ? c : x))));
    s.on('message', (m: AgentMessage) => handlersRef.current.message(m));
    s.on('typing', (t: { conversationId: string; typing: boolean }) => handlersRef.current.typing(t));
    const clear = () => {
      unseen.current = 0;
      document.title = title();
    };
    window.addEventListener('focus', clear);
    return () => {
      off();
      window.removeEventListener('focus', clear);
      s.close();
      document.title = title();
    };
  }, []);

  return { socketRef, queue, connected, error, setError };
}
