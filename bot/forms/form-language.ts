import type { EntityDefinition, Language } from '../../core/index.js';
import type { FormSlot } from './form-spec.js';
import { exampleFor, formReplies, type FormReplies } from './form-text.js';
import { EXAMPLES_ZH, formRepliesZh } from './form-text-zh.js';

/** The form engine's sentences in the customer's language (English for every language without its own set). */
export function formRepliesFor(language: Language | null | undefined): FormReplies {
  return language === 'zh' ? formRepliesZh : formReplies;
}

/** The example shown when a slot is asked again: enum options as the admin wrote them, builtins in the customer's language. */
export function exampleIn(language: Language | null | undefined, slot: FormSlot, definition: EntityDefinition | null): string | null {
  if (language === 'zh' && definition?.type !== 'enum' && EXAMPLES_ZH[slot.entity]) return EXAMPLES_ZH[slot.entity]!;
  return exampleFor(slot, definition);
}
