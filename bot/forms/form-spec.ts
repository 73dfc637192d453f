import type { Intent } from '../../core/index.js';
import { slotLabel, templateSlots } from '../policy/slots.js';

export interface FormSlot {
  name: string;
  entity: string;
  label: string;
  prompt?: string;
  required: boolean;
}

/** An intent seen as a form: what to ask, in order, and what to say at the end. */
export interface FormSpec {
  intent: string;
  /** "order status": how the bot names the request to the customer. */
  label: string;
  slots: FormSlot[];
  answer?: string;
  confirm?: string;
  /** Slots declared by the admin (false: the answer's placeholders, PROTOCOL "Intent forms"). */
  declared: boolean;
}

/** The intent's form, or null when it needs nothing from the customer. Escalating intents never run a form. */
export function formOf(intent: Intent | null): FormSpec | null {
  if (!intent || intent.escalate) return null;
  const declared = (intent.slots?.length ?? 0) > 0;
  const slots: FormSlot[] = declared
    ? intent.slots!.map((s) => ({ name: s.name, entity: s.entity, label: slotLabel(s.name), required: s.required ?? true, ...(s.prompt ? { prompt: s.prompt } : {}) }))
    : templateSlots(intent.answer ?? '').map((name) => ({ name, entity: name, label: slotLabel(name), required: true }));
  if (slots.length === 0 && !intent.confirm) return null;
  return {
    intent: intent.name,
    label: slotLabel(intent.name),
    slots,
    declared,
    ...(intent.answer ? { answer: intent.answer } : {}),
    ...(intent.confirm ? { confirm: intent.confirm } : {}),
  };
}
