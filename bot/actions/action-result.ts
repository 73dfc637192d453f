import type { EntityMatch, IntentAction, Language, Recommendations, SlotValue, Stores, Suggestion } from '../../core/index.js';
import type { ActionFailureReason } from './http-action.js';

/** What an action gave the turn. */
export type ActionResult =
  /** A reply (text and/or suggestions); `handoff`: the backend asks for a human after it. */
  | { kind: 'answer'; text?: string; suggestions?: Suggestion[]; handoff?: boolean }
  /** The action needs one more value first (which order?): the turn asks for the intent's slot `slot`. */
  | { kind: 'ask'; slot: string; text: string; suggestions: Suggestion[] }
  /** No usable answer: the turn gives the intent's fallback reply. */
  | { kind: 'failed'; reason: ActionFailureReason };

/** One recognised intent with an action, and what the turn knows when it runs. */
export interface ActionRequest {
  intent: string;
  action: IntentAction;
  text: string;
  language: Language;
  locale?: string;
  conversationId: string;
  /** Absent on the console's Test page (no customer): built-ins then answer as for an anonymous visitor. */
  customerId?: string;
  entities: EntityMatch[];
  /** Values a form collected (they win over the message's entities of the same name). */
  slots: Record<string, SlotValue>;
}

/** What the built-in actions read. */
export interface BuiltinDeps {
  stores: Pick<Stores, 'customers' | 'orders' | 'insights'>;
  recommendations?: Recommendations;
}

/** The request's value for a name: the form's slot first, then the last entity the message gave. */
export function valueOf(req: Pick<ActionRequest, 'slots' | 'entities'>, name: string): string | null {
  const slot = req.slots[name];
  if (slot) return String(slot.value);
  const e = req.entities.filter((m) => m.entity === name).pop();
  return e ? String(e.value) : null;
}
