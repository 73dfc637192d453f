import type { FormState, SlotValue, Suggestion } from '../../core/index.js';
import { isNo, isYes } from './control-words.js';
import type { FormSlot, FormSpec } from './form-spec.js';
import { renderForm, type FormReplies } from './form-text.js';
import type { ProfileValues } from '../policy/template.js';

/** A value read from a message for one slot, with where it was (two slots never share one span). */
export interface SlotRead {
  value: SlotValue;
  start: number;
  end: number;
}

export interface FormEnv {
  spec: FormSpec;
  read(text: string, slot: FormSlot): SlotRead | null;
  example(slot: FormSlot): string | null;
  /** The engine's own sentences, in the customer's language. */
  say: FormReplies;
  /** ISO time of this turn. */
  now: string;
  /** The customer's profile fields for `{{customer.name}}`-style placeholders (empty when none are used). */
  profile?: ProfileValues;
}

export type FormTurn =
  | { kind: 'ask'; form: FormState; text: string; suggestions?: Suggestion[] }
  /** `values`: what the form collected (an intent action runs on them). */
  | { kind: 'done'; text: string; values: Record<string, SlotValue> }
  | { kind: 'human'; text: string; suggestions: Suggestion[] }
  /** The message does not answer the pending question: the caller looks for a digression, else re-asks. */
  | { kind: 'unanswered' };

/** How many times a question is asked again (with an example) before a human is offered. */
export const MAX_REASKS = 2;

/** A new form: values the opening message already gave are kept ("track order 55555"), the rest is asked. */
export function startForm(env: FormEnv, text: string): FormTurn {
  const values = readAll(env, text, {}, () => true);
  return next(env, { intent: env.spec.intent, values, pending: { kind: 'slot', slot: '', attempts: 0 }, startedAt: env.now, updatedAt: env.now });
}

/** The customer's next message while the form waits for an answer. */
export function continueForm(env: FormEnv, form: FormState, text: string): FormTurn {
  const p = form.pending;
  if (p.kind === 'slot') {
    const slot = env.spec.slots.find((s) => s.name === p.slot);
    if (!slot) return next(env, form);
    const got = env.read(text, slot);
    if (!got) return { kind: 'unanswered' };
    // The pending slot first; other empty slots may come in the same message ("12345, ann@example.com").
    const values = readAll(env, text, { ...form.values, [slot.name]: got.value }, (s) => s.name !== slot.name && !form.values[s.name], [got]);
    return next(env, { ...form, values, updatedAt: env.now });
  }
  // Confirming or choosing what to change: a value in the message is a correction ("no, the order is B22222").
  const corrected = readAll(env, text, form.values, () => true);
  const changed = env.spec.slots.some((s) => corrected[s.name] && corrected[s.name]?.text !== form.values[s.name]?.text);
  if (changed) return next(env, { ...form, values: corrected, updatedAt: env.now });
  if (p.kind === 'confirm') {
    if (isYes(text)) return done(env, form);
    if (isNo(text)) return ask(env, { ...form, pending: { kind: 'change', attempts: 0 }, updatedAt: env.now }, env.say.whichChange(env.spec), env.spec.slots.map((s) => ({ label: s.label, text: s.label })));
    return { kind: 'unanswered' };
  }
  const slot = namedSlot(env.spec, text);
  if (!slot) return { kind: 'unanswered' };
  const { [slot.name]: _dropped, ...rest } = form.values;
  return ask(env, { ...form, values: rest, pending: { kind: 'slot', slot: slot.name, attempts: 0 }, updatedAt: env.now }, env.say.ask(slot));
}

/** The message answered nothing and was no digression: ask again with an example, or offer a human. */
export function reaskForm(env: FormEnv, form: FormState): FormTurn {
  const attempts = form.pending.attempts + 1;
  const pending = { ...form.pending, attempts };
  const slot = form.pending.kind === 'slot' ? slotOf(env.spec, form.pending.slot) : null;
  if (attempts > MAX_REASKS) {
    return { kind: 'human', text: slot ? env.say.offerHuman(slot) : env.say.unavailable(env.spec), suggestions: [env.say.human] };
  }
  const again = { ...form, pending };
  if (slot) return ask(env, again, env.say.reask(slot, env.example(slot)));
  if (form.pending.kind === 'confirm') return ask(env, again, env.say.confirmAgain(renderForm(env.spec.confirm ?? '', form.values, env.profile)));
  return ask(env, again, env.say.whichChange(env.spec));
}

/** The question the form is waiting on, asked again after a digression. */
export function pendingQuestion(env: FormEnv, form: FormState): string {
  const p = form.pending;
  if (p.kind === 'slot') {
    const slot = slotOf(env.spec, p.slot);
    return slot ? env.say.ask(slot) : '';
  }
  return p.kind === 'confirm' ? renderForm(env.spec.confirm ?? '', form.values, env.profile) : env.say.whichChange(env.spec);
}

function next(env: FormEnv, form: FormState): FormTurn {
  const missing = env.spec.slots.find((s) => s.required && !form.values[s.name]);
  if (missing) {
    const same = form.pending.kind === 'slot' && form.pending.slot === missing.name;
    return ask(env, { ...form, pending: { kind: 'slot', slot: missing.name, attempts: same ? form.pending.attempts : 0 } }, env.say.ask(missing));
  }
  if (env.spec.confirm) return ask(env, { ...form, pending: { kind: 'confirm', attempts: 0 } }, renderForm(env.spec.confirm, form.values, env.profile));
  return done(env, form);
}

function done(env: FormEnv, form: FormState): FormTurn {
  return { kind: 'done', text: env.spec.answer ? renderForm(env.spec.answer, form.values, env.profile) : env.say.done, values: form.values };
}

function ask(_env: FormEnv, form: FormState, text: string, suggestions?: Suggestion[]): FormTurn {
  return { kind: 'ask', form, text, ...(suggestions ? { suggestions } : {}) };
}

/** Reads the wanted slots from one message; a span already used for one slot is not read again for another. */
function readAll(env: FormEnv, text: string, values: Record<string, SlotValue>, wanted: (s: FormSlot) => boolean, used: SlotRead[] = []): Record<string, SlotValue> {
  const out = { ...values };
  const taken = [...used];
  for (const slot of env.spec.slots) {
    if (!wanted(slot)) continue;
    const got = env.read(text, slot);
    if (!got || taken.some((t) => got.start < t.end && t.start < got.end)) continue;
    taken.push(got);
    out[slot.name] = got.value;
  }
  return out;
}

const slotOf = (spec: FormSpec, name: string): FormSlot | null => spec.slots.find((s) => s.name === name) ?? null;

/** "the email", "change the order number": the slot whose label words the message uses most. */
function namedSlot(spec: FormSpec, text: string): FormSlot | null {
  const words = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  let best: FormSlot | null = null;
  let bestHits = 0;
  for (const slot of spec.slots) {
    const hits = [...new Set([...slot.label.split(' '), slot.entity.replace(/_/g, ' ')].flatMap((w) => w.split(' ')))].filter((w) => w.length > 2 && words.has(w)).length;
    if (hits > bestHits) [best, bestHits] = [slot, hits];
  }
  return best;
}
