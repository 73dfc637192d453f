import type { EntityDefinition, SlotValue, Suggestion } from '../../core/index.js';
import { isProfileField, MAX_TEXT_CODE_POINTS } from '../../core/index.js';
import { PLACEHOLDER, renderTemplate, type ProfileValues } from '../policy/template.js';
import type { FormSlot, FormSpec } from './form-spec.js';

/** Shown when asking again, so the customer sees the shape we expect. */
const EXAMPLES: Record<string, string> = {
  order_id: 'A12345',
  email: 'ann@example.com',
  phone: '+1 555 123 4567',
  number: '2',
  date: 'tomorrow or 12 March',
  time: '5pm or 17:30',
  money: '$49.99',
  url: 'https://example.com',
};

export function exampleFor(slot: FormSlot, definition: EntityDefinition | null): string | null {
  if (definition?.type === 'enum') return definition.options.slice(0, 3).map((o) => o.value).join(', ');
  return EXAMPLES[slot.entity] ?? null;
}

const a = (label: string): string => `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;

export const HUMAN_SUGGESTION: Suggestion = { label: 'Talk to a human', text: 'talk to a human' };

/** Every sentence the form engine says itself (prompts, confirm and answer come from the intent). */
export const formReplies = {
  ask: (slot: FormSlot) => slot.prompt ?? `What's your ${slot.label}?`,
  reask: (slot: FormSlot, example: string | null) =>
    `Sorry, that doesn't look like ${a(slot.label)}${example ? ` (for example ${example})` : ''}. ${formReplies.ask(slot)}`,
  offerHuman: (slot: FormSlot) => `I still can't read ${a(slot.label)} there. Would you like to talk to a human?`,
  unavailable: (form: FormSpec) => `I can't take your ${form.label} request here right now. Would you like to talk to a human?`,
  confirmAgain: (question: string) => `Please answer yes or no. ${question}`,
  whichChange: (form: FormSpec) => `Which one should I change: ${form.slots.map((s) => s.label).join(', ')}?`,
  cancelled: (form: FormSpec) => `OK, I've cancelled your ${form.label} request.`,
  superseded: (form: FormSpec) => `I've cancelled your ${form.label} request to help with this one.`,
  expired: (form: FormSpec) => `Your ${form.label} request timed out, so I closed it.`,
  resume: (form: FormSpec, question: string) => `Back to your ${form.label} request: ${question}`,
  done: 'Thanks, that is everything I need.',
  human: HUMAN_SUGGESTION,
} as const;

/** The form engine's sentences in one language (form-text-zh.ts has the Chinese set). */
export type FormReplies = { [K in keyof typeof formReplies]: (typeof formReplies)[K] extends string ? string : (typeof formReplies)[K] };

/**
 * Fills `{{slot}}` with the values as the customer gave them, in one pass: a value is never read as a
 * template itself (`{{customer.email}}` typed by a customer stays literal), HTML stays text (channels render
 * text). Unknown or unfilled optional placeholders render empty. Long values are shortened so the reply
 * stays within the message limit.
 */
export function renderForm(template: string, values: Record<string, SlotValue>, profile: ProfileValues = {}): string {
  const valueOf = (name: string): string | undefined => (isProfileField(name) ? profile[name] : values[name]?.text);
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  const fixed = [...template.replace(PLACEHOLDER, '')].length;
  const total = names.reduce((n, name) => n + [...(valueOf(name) ?? '')].length, fixed);
  const budget = total <= MAX_TEXT_CODE_POINTS ? Infinity : Math.max(20, Math.floor((MAX_TEXT_CODE_POINTS - fixed) / Math.max(1, names.length)));
  return renderTemplate(template, (name) => {
    const v = valueOf(name);
    return v === undefined ? undefined : clip(v, budget);
  });
}

function clip(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
