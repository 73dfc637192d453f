import type { DialogueApi, Message, Stores } from '../../core/index.js';
import { isParleyError } from '../../core/index.js';
import type { Script, Step } from './parse-transcript.js';

export interface TranscriptResult {
  title: string;
  ok: boolean;
  /** The first mismatch, with the script line. */
  failure?: string;
}

/**
 * Plays one script against the real dialogue manager. Replies are observed through
 * `dialogue.events` (what channels see), decisions through the Interaction log.
 */
export async function runScript(
  script: Script,
  deps: { dialogue: DialogueApi; stores: Stores; file?: string; /** Moves the dialogue's clock (`wait:` steps). */ advance?: (ms: number) => void },
): Promise<TranscriptResult> {
  const { dialogue, stores } = deps;
  const customer = await stores.customers.create({ attributes: { source: 'transcript' } });
  const outputs: Message[] = [];
  const off = dialogue.events.on('message', ({ conversation, message }) => {
    if (conversation.customerId === customer.id && message.author !== 'customer' && message.author !== 'agent') outputs.push(message);
  });
  let lastUser: Message | null = null;
  let lastReply: Message | null = null;
  let conversationId: string | null = null;
  let seq = 0;
  const agentIds = new Map<string, string>();
  const agent = (name: string) => ({ id: agentIds.get(name) ?? (agentIds.set(name, `agent-${agentIds.size + 1}`), agentIds.get(name)!), name });
  const at = (step: Step, why: string) => `${deps.file ?? 'transcript'}:${step.line} (${script.title}): ${why}`;
  const describe = (m: Message | undefined) => (m ? `${m.author}: "${m.text}"` : 'nothing');

  try {
    for (const step of script.steps) {
      const failure = await play(step).catch((err: unknown) => at(step, `threw ${isParleyError(err) ? err.code : String(err)}`));
      if (failure) return fail(failure);
    }
    if (outputs.length > 0) return fail(`${deps.file ?? 'transcript'} (${script.title}): unexpected trailing ${describe(outputs[0])}`);
    return { title: script.title, ok: true };
  } finally {
    off();
  }

  function fail(failure: string): TranscriptResult {
    return { title: script.title, ok: false, failure };
  }

  /** Plays one step; returns a failure description or null. */
  async function play(step: Step): Promise<string | null> {
      switch (step.kind) {
      case 'user': {
        const r = await dialogue.handle({ channel: 'widget', customerId: customer.id, clientMessageId: `t${++seq}`, senderKey: `customer:${customer.id}`, text: step.text });
        await r.processed;
        lastUser = r.message;
        conversationId = r.conversationId;
        break;
      }
      case 'bot': {
        const next = outputs.shift();
        if (next?.author !== 'bot' || next.text !== step.text) return at(step, `expected bot: "${step.text}", got ${describe(next)}`);
        lastReply = next;
        break;
      }
      case 'bot-decision': {
        if (!lastUser) return at(step, 'no user message yet');
        const [interaction] = (await stores.interactions.list({ conversationId: lastUser.conversationId, limit: 50 })).items.filter((i) => i.messageId === lastUser!.id);
        const decision = interaction?.decision;
        if (step.decision === 'silent') {
          if (outputs.length > 0 || decision !== 'handoff') return at(step, `expected silence, got ${describe(outputs[0])} (decision ${decision})`);
          break;
        }
        if (decision !== step.decision) return at(step, `expected ~${step.decision}, decision was ${decision ?? 'none'} (reply ${describe(outputs[0])})`);
        const next = outputs.shift();
        const author = step.decision === 'escalate' ? 'system' : 'bot';
        if (next?.author !== author || next.inReplyTo !== lastUser.id) return at(step, `expected a ${author} reply, got ${describe(next)}`);
        lastReply = next;
        break;
      }
      case 'system': {
        const next = outputs.shift();
        if (next?.author !== 'system' || next.text !== step.text) return at(step, `expected system: "${step.text}", got ${describe(next)}`);
        lastReply = next;
        break;
      }
      case 'suggestions': {
        const got = (lastReply?.suggestions ?? []).map((s) => s.text);
        if (JSON.stringify(got) !== JSON.stringify(step.texts)) return at(step, `expected suggestions ${JSON.stringify(step.texts)}, got ${JSON.stringify(got)}`);
        break;
      }
      case 'status': {
        const conv = conversationId ? await stores.conversations.get(conversationId) : null;
        if (conv?.state !== step.state) return at(step, `expected status ${step.state}, got ${conv?.state ?? 'no conversation'}`);
        break;
      }
      case 'escalate':
        conversationId = (await dialogue.escalate(customer.id, 'widget', step.reason)).id;
        break;
      case 'claim':
      case 'release':
      case 'close': {
        if (!conversationId) return at(step, 'no conversation yet');
        if (step.kind === 'claim') await dialogue.claim(conversationId, agent(step.agent));
        else if (step.kind === 'release') await dialogue.release(conversationId, agent(step.agent));
        else await dialogue.close(conversationId, agent(step.agent));
        break;
      }
      case 'agent': {
        const conv = conversationId ? await stores.conversations.get(conversationId) : null;
        if (!conv?.assignee) return at(step, 'no agent owns the conversation');
        await dialogue.agentMessage({ conversationId: conv.id, agent: conv.assignee, clientMessageId: `a${++seq}`, text: step.text });
        break;
      }
      case 'wait':
        if (!deps.advance) return at(step, 'this runner has no clock to move');
        deps.advance(step.ms);
        break;
      case 'csat': {
        if (!conversationId) return at(step, 'no conversation yet');
        try {
          await dialogue.submitCsat(customer.id, { conversationId, score: step.score, ...(step.comment ? { comment: step.comment } : {}) });
          if (step.expectError) return at(step, `expected ${step.expectError}, the rating was accepted`);
        } catch (err) {
          const code = isParleyError(err) ? err.code : String(err);
          if (code !== step.expectError) return at(step, `csat failed with ${code}`);
        }
        break;
      }
    }
    return null;
  }
}
