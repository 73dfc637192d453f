import { isBuiltinEntity, type EntityDefinition, type EntityMatch, type Language } from '../../core/index.js';
import type { SlotReader } from '../../nlu/index.js';
import type { FormEnv, SlotRead } from './form-engine.js';
import type { FormSlot, FormSpec } from './form-spec.js';
import { exampleIn, formRepliesFor } from './form-language.js';
import type { ProfileValues } from '../policy/template.js';

/**
 * Binds a form to this turn: how each slot's value is read (the slot's entity first, as a slot-aware
 * reading of the whole message, then whatever the NLU model extracted under that name).
 * Returns null when a declared slot names an entity that no longer exists (deleted since): the bot then
 * offers a human instead of asking a question it cannot understand the answer to.
 */
export function bindForm(
  spec: FormSpec,
  opts: { reader: SlotReader; definitions: EntityDefinition[]; entities: EntityMatch[]; now: string; language?: Language; profile?: ProfileValues },
): FormEnv | null {
  const byName = new Map(opts.definitions.map((d) => [d.name, d]));
  if (spec.declared && spec.slots.some((s) => !isBuiltinEntity(s.entity) && !byName.has(s.entity))) return null;
  const definition = (slot: FormSlot) => byName.get(slot.entity) ?? null;
  return {
    spec,
    now: opts.now,
    ...(opts.profile ? { profile: opts.profile } : {}),
    example: (slot) => exampleIn(opts.language, slot, definition(slot)),
    say: formRepliesFor(opts.language),
    read(text, slot): SlotRead | null {
      const def = definition(slot);
      if (def || isBuiltinEntity(slot.entity)) {
        const r = opts.reader.read(text, slot.entity, def);
        // An enum value is shown as the admin's option ("broken" -> damaged); everything else as typed.
        if (r) return { value: { text: def?.type === 'enum' ? String(r.value) : r.text, value: r.value }, start: r.start, end: r.end };
      }
      const e = opts.entities.filter((m) => m.entity === slot.entity).pop();
      return e ? { value: { text: e.text, value: e.value }, start: e.start, end: e.end } : null;
    },
  };
}
