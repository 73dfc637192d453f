import { isProfileField, type EntityMatch } from '../../core/index.js';
import { PLACEHOLDER, renderTemplate, type ProfileValues } from './template.js';

export type FillResult = { ok: true; text: string } | { ok: false; missing: string[] };

/** Slot names a template needs, in order of first appearance (profile fields such as `customer.name` are not slots). */
export function templateSlots(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (m[1] && !isProfileField(m[1]) && !names.includes(m[1])) names.push(m[1]);
  return names;
}

/**
 * Renders `{{entity}}` placeholders ourselves (NLP.js's renderer is buggy, STACK-NOTES).
 * The latest match of an entity wins, so a customer correcting themselves is honoured.
 */
export function fillTemplate(template: string, entities: EntityMatch[], profile: ProfileValues = {}): FillResult {
  const values = new Map<string, string>();
  for (const e of entities) values.set(e.entity, String(e.value));
  const missing = templateSlots(template).filter((name) => !values.has(name));
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, text: renderTemplate(template, (name) => (isProfileField(name) ? profile[name] : values.get(name))) };
}

/** `order_number`, `orderNumber`, `order-number` -> "order number". */
export function slotLabel(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
}
