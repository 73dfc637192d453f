import type { Namespace, Server, Socket } from 'socket.io';
import {
  AGENT_NAMESPACE,
  ParleyError,
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
import { summarise } from '../http/summaries.js';
import { silentLogger, type AdminLogger } from '../deps.js';
import type { AdminKnowledge } from '../services.js';
import { withAck } from '../../core/edge/index.js';
import { ALL, attachBroadcasts, room } from './broadcasts.js';
import { agentHandshake, type AgentData } from './handshake.js';
import { currentStaff } from '../auth/tokens.js';
import { loadQueue } from './queue.js';

export interface AgentNamespaceDeps {
  dialogue: DialogueApi;
  stores: Stores;
  jwtSecret: string;
  knowledge?: Pick<AdminKnowledge, 'search'>;
  /**
   * When given, a browser handshake (it carries Origin) must come from the console's own origin
   * or one of these (`*` = any): a leaked token cannot drive the inbox from another site.
   * Omit to leave origin checks to the io server's namespace middleware (app/http/create-socket-server).
   */
  allowedOrigins?: string[] | null;
  logger?: AdminLogger;
}

/** The /agent namespace of PROTOCOL.md: live queue, claim/reply/release/close, typing both ways. */
export function attachAgentNamespace(io: Server, deps: AgentNamespaceDeps): { namespace: Namespace; detach(): void } {
  const { dialogue, stores } = deps;
  const logger = deps.logger ?? silentLogger;
  const audit = createAuditor(stores.audit, logger);
  const nsp = io.of(AGENT_NAMESPACE);

  nsp.use(agentHandshake(deps));
  const broadcasts = attachBroadcasts(nsp, dialogue, stores, logger);

  nsp.on('connection', (socket: Socket) => {
    const data = socket.data as AgentData;
    const me = data.staff;
    const assignee = { id: me.id, name: me.name };
    void socket.join([ALL, room(me.id)]);
    loadQueue(stores).then(
      (conversations) => socket.emit('queue', { conversations }),
      (err: unknown) => logger.error({ err }, 'initial queue failed'),
    );

    /** Role as stored right now (a demoted admin loses admin powers on the socket it already has). */
    let isAdmin = me.role === 'admin';
    // Tokens are short-lived, and the user behind one may be deleted, demoted or re-passworded meanwhile: every
    // privileged event re-reads the user (one primary-key read) and a socket that lost its right is dropped.
    const checkStaff = async () => {
      try {
        if (Date.now() / 1000 >= data.exp) throw new ParleyError('ERR_AUTH_INVALID', { reason: 'token expired' });
        const user = await currentStaff(stores.users, { id: me.id, stamp: data.stamp }, deps.jwtSecret);
        isAdmin = user.role === 'admin';
      } catch (err) {
        setImmediate(() => socket.disconnect(true));
        throw err;
      }
    };
    const on = (event: string, handler: (payload: unknown) => Promise<Record<string, unknown> | void>) =>
      socket.on(event, withAck(async (payload) => (await checkStaff(), handler(payload)), { event, logger }));

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
      broadcasts.detach();
    },
  };
}
