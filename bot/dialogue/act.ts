import type { EntityMatch, Intent, SlotValue, Suggestion } from '../../core/index.js';
import type { ActionRunner } from '../actions/action-runner.js';
import { actionText } from '../actions/action-text.js';
import { formOf } from '../forms/form-spec.js';
import { renderForm } from '../forms/form-text.js';
import type { ProfileValues } from '../policy/template.js';
import { conversationLanguage } from './context.js';
import type { PlanConversation, Reply } from './understand.js';

/** What a turn does with an action's result. */
export type ActOutcome =
  | { kind: 'reply'; replies: Reply[] }
  | { kind: 'handoff'; replies: Reply[] }
  /** Ask for the intent's slot (a form opens on it when the intent declares the slot). */
  | { kind: 'ask'; slot: string; reply: Reply; values: Record<string, SlotValue> };

export interface ActInput {
  intent: Intent;
  text: string;
  entities: EntityMatch[];
  slots: Record<string, SlotValue>;
  profile: ProfileValues;
}

/**
 * Runs the recognised intent's action (null when it has none or no runner is wired, e.g. the console preview).
 * A failed action gives the intent's fallback reply: its own answer rendered with what the turn knows, or,
 * for an intent without an answer, the bot's "can't look that up" with a way to a human.
 */
export async function act(actions: ActionRunner | undefined, conv: PlanConversation, input: ActInput): Promise<ActOutcome | null> {
  const action = input.intent.action;
  if (!action || !actions) return null;
  const language = conversationLanguage(conv);
  const result = await actions.run({
    intent: input.intent.name,
    action,
    text: input.text,
    language,
    ...(conv.locale ? { locale: conv.locale } : {}),
    conversationId: conv.id,
    ...(conv.customerId ? { customerId: conv.customerId } : {}),
    entities: input.entities,
    slots: input.slots,
  });
  if (result.kind === 'failed') {
    const t = actionText(language);
    const fallback: Reply = input.intent.answer ? { text: fallbackAnswer(input) } : { text: t.unavailable, suggestions: [t.human] };
    return { kind: 'reply', replies: [fallback] };
  }
  if (result.kind === 'ask') {
    const { [result.slot]: _asked, ...values } = input.slots;
    return { kind: 'ask', slot: result.slot, reply: reply(result.text, result.suggestions), values };
  }
  const replies = result.text !== undefined || result.suggestions?.length ? [reply(result.text ?? '', result.suggestions)] : [];
  // Suggestions without text still need a line to hang on.
  const shown = replies.map((r) => (r.text ? r : { ...r, text: actionText(language).options }));
  return { kind: result.handoff ? 'handoff' : 'reply', replies: shown };
}

/** The intent's answer with the slots and entities of this turn and the profile, in one pass. */
function fallbackAnswer(input: ActInput): string {
  const values: Record<string, SlotValue> = {};
  for (const e of input.entities) values[e.entity] = { text: e.text, value: e.value };
  Object.assign(values, input.slots);
  return renderForm(input.intent.answer ?? '', values, input.profile);
}

function reply(text: string, suggestions?: Suggestion[]): Reply {
  return suggestions?.length ? { text, suggestions } : { text };
}

/** Whether the intent opens a form on `slot` when its action asks for it. */
export function declaresSlot(intent: Intent, slot: string): boolean {
  return formOf(intent)?.slots.some((s) => s.name === slot) ?? false;
}
