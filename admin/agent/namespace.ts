import type { Namespace, Server, Socket } from 'socket.io';
import {
  AGENT_NAMESPACE,
  ParleyError,
  agentAuthSchema,
  agentClaimSchema,
  agentMessageSchema,
  agentTypingSchema,
  parseOrThrow,
  toErrorBody,
  toWireMessage,
  type DialogueApi,
  type Stores,
} from '../../core/index.js';
import { createAuditor } from '../http/audit.js';
import { originAllowed } from '../http/origin-guard.js';
import { summarise } from '../http/summaries.js';
import { silentLogger, type AdminLogger, type StaffIdentity } from '../deps.js';
import { verifyAccessToken } from '../auth/tokens.js';
import type { AdminKnowledge } from '../services.js';
import { withAck } from './acks.js';
import { loadQueue } from './queue.js';

export interface AgentNamespaceDeps {
  dialogue: DialogueApi;
  stores: Stores;
  jwtSecret: string;
  knowledge?: Pick<AdminKnowledge, 'search'>;
  /**
   * When given, a browser handshake (it carries Origin) must come from the console's own origin
   * or one of these (`*` = any): a leaked token cannot drive the inbox from another site.
   * Omit to leave origin checks to the io server's allowRequest.
   */
  allowedOrigins?: string[] | null;
  logger?: AdminLogger;
}

interface AgentData {
  staff: StaffIdentity;
  exp: number;
}

const ALL = 'agents';
const room = (userId: string) => `agent:${userId}`;

function refuse(code: 'ERR_AUTH_INVALID' | 'ERR_VALIDATION' | 'ERR_ORIGIN_FORBIDDEN', issues?: { path: string; message: string }[]): Error & { data: unknown } {
  const body = new ParleyError(code, issues ? { issues } : undefined).toBody();
  return Object.assign(new Error(code), { data: body });
}

/** The /agent namespace of PROTOCOL.md: live queue, claim/reply/release/close, typing both ways. */
export function attachAgentNamespace(io: Server, deps: AgentNamespaceDeps): { namespace: Namespace; detach(): void } {
  const { dialogue, stores } = deps;
  const logger = deps.logger ?? silentLogger;
  const audit = createAuditor(stores.audit, logger);
  const nsp = io.of(AGENT_NAMESPACE);

  const originOk = deps.allowedOrigins !== undefined ? originAllowed(deps.allowedOrigins) : null;
  nsp.use(async (socket, next) => {
    const origin = socket.handshake.headers.origin;
    if (originOk && origin) {
      const proto = socket.handshake.secure ? 'https' : 'http';
      const forwarded = socket.handshake.headers['x-forwarded-proto'];
      const scheme = typeof forwarded === 'string' && forwarded ? forwarded.split(',')[0]!.trim() : proto;
      if (!originOk(origin, `${scheme}://${socket.handshake.headers.host ?? ''}`)) return next(refuse('ERR_ORIGIN_FORBIDDEN'));
    }
    const auth = agentAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) {
      const raw = socket.handshake.auth as Record<string, unknown> | undefined;
      // Unknown keys are a malformed handshake; a missing or bad token is an auth failure.
      const unknownKeys = raw && Object.keys(raw).some((k) => k !== 'token');
      return next(unknownKeys ? refuse('ERR_VALIDATION', [{ path: '(auth)', message: 'Only token is allowed' }]) : refuse('ERR_AUTH_INVALID'));
    }
    try {
      const claims = await verifyAccessToken(auth.data.token, deps.jwtSecret);
      const user = await stores.users.get(claims.id);
      if (!user) return next(refuse('ERR_AUTH_INVALID'));
      const data: AgentData = { staff: { id: user.id, email: user.email, name: user.name, role: user.role }, exp: claims.exp };
      socket.data = data;
      next();
    } catch {
      next(refuse('ERR_AUTH_INVALID'));
    }
  });

  // Several changes in one tick (message + state change) produce one queue broadcast.
  let queueTimer: NodeJS.Timeout | null = null;
  const broadcastQueue = () => {
    if (queueTimer) return;
    queueTimer = setTimeout(() => {
      queueTimer = null;
      loadQueue(stores).then(
        (conversations) => nsp.to(ALL).emit('queue', { conversations }),
        (err: unknown) => logger.error({ err }, 'queue broadcast failed'),
      );
    }, 20);
  };

  const offs = [
    dialogue.events.on('status', ({ conversation }) => {
      summarise([conversation], stores.customers).then(
        ([summary]) => nsp.to(ALL).emit('conversation', summary),
        (err: unknown) => logger.error({ err }, 'conversation broadcast failed'),
      );
      broadcastQueue();
    }),
    dialogue.events.on('message', ({ conversation, message }) => {
      if (message.author === 'customer' && conversation.state === 'agent' && conversation.assignee) {
        nsp.to(room(conversation.assignee.id)).emit('message', toWireMessage(message));
      }
      if (conversation.state === 'queued' || conversation.state === 'agent') broadcastQueue();
    }),
    dialogue.events.on('typing', ({ conversation, author, typing }) => {
      if (author === 'customer' && conversation.state === 'agent' && conversation.assignee) {
        nsp.to(room(conversation.assignee.id)).emit('typing', { conversationId: conversation.id, author: 'customer', typing });
      }
    }),
  ];

  nsp.on('connection', (socket: Socket) => {
    const data = socket.data as AgentData;
    const me = data.staff;
    const assignee = { id: me.id, name: me.name };
    const isAdmin = me.role === 'admin';
    void socket.join([ALL, room(me.id)]);
    loadQueue(stores).then(
      (conversations) => socket.emit('queue', { conversations }),
      (err: unknown) => logger.error({ err }, 'initial queue failed'),
    );

    // Tokens are short-lived: a socket outliving its token must reconnect with a fresh one.
    const checkToken = () => {
      if (Date.now() / 1000 >= data.exp) {
        setImmediate(() => socket.disconnect(true));
        throw new ParleyError('ERR_AUTH_INVALID', { reason: 'token expired' });
      }
    };
    const on = (event: string, handler: (payload: unknown) => Promise<Record<string, unknown> | void>) =>
      socket.on(event, withAck(logger, event, async (payload) => (checkToken(), handler(payload))));

    on('claim', async (payload) => {
      const { conversationId } = parseOrThrow(agentClaimSchema, payload);
      const { conversation } = await dialogue.claim(conversationId, assignee);
      await audit(me, 'conversation.claim', conversationId);
      const [summary] = await summarise([conversation], stores.customers);
      return { conversation: summary };
    });

    on('message', async (payload) => {
      const input = parseOrThrow(agentMessageSchema, payload);
      const result = await dialogue.agentMessage({ ...input, agent: assignee });
      return { messageId: result.message.id, duplicate: result.duplicate, message: toWireMessage(result.message) };
    });

    on('release', async (payload) => {
      const { conversationId } = parseOrThrow(agentClaimSchema, payload);
      await dialogue.release(conversationId, assignee, { isAdmin });
      await audit(me, 'conversation.release', conversationId);
    });

    on('close', async (payload) => {
      const { conversationId } = parseOrThrow(agentClaimSchema, payload);
      await dialogue.close(conversationId, assignee, { isAdmin });
      await audit(me, 'conversation.close', conversationId);
    });

    // Addition: FAQ suggestions for the customer's last message (agents cannot reach /api/faqs).
    on('suggest', async (payload) => {
      const { conversationId } = parseOrThrow(agentClaimSchema, payload);
      const recent = await stores.conversations.recentMessages(conversationId, 20);
      const last = [...recent].reverse().find((m) => m.author === 'customer');
      if (!last || !deps.knowledge) return { hits: [] };
      const result = await deps.knowledge.search(last.text);
      return { hits: result.hits.slice(0, 3), forText: last.text };
    });

    socket.on('typing', (payload: unknown) => {
      const parsed = agentTypingSchema.safeParse(payload);
      if (!parsed.success || Date.now() / 1000 >= data.exp) return;
      // Only the assignee's typing reaches the customer; the dialogue enforces nothing here, so check.
      stores.conversations.get(parsed.data.conversationId).then(async (conv) => {
        if (conv?.state === 'agent' && conv.assignee?.id === me.id) await dialogue.typing(conv.id, 'agent', parsed.data.typing);
      }).catch((err: unknown) => logger.warn({ err: toErrorBody(err).body }, 'agent typing failed'));
    });
  });

  return {
    namespace: nsp,
    detach() {
      for (const off of offs) off();
      if (queueTimer) clearTimeout(queueTimer);
    },
  };
}
