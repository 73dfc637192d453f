import { isProfileField } from '../../core/index.js';

/** `{{name}}` or `{{name|default text}}`; names may be slots (`order_id`) or profile fields (`customer.name`). */
export const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*(?:\|([^{}]*))?\}\}/g;

/** Profile fields of the customer a reply is for (`customer.name`, `order.status`...), already in words. */
export type ProfileValues = Readonly<Record<string, string>>;

const EMPTY = '\u0000';
const MAX_PROFILE_VALUE = 200;

/**
 * Renders every placeholder in ONE pass (String.replace never re-reads what it inserted), so a value that itself
 * looks like a template ("{{order.status}}" as a name) stays literal. A missing value gives the placeholder's
 * default (`{{customer.name|there}}`) or nothing, and the space or comma left around an empty value is tidied:
 * "Hi {{customer.name}}!" reads "Hi!" rather than "Hi undefined!".
 */
export function renderTemplate(template: string, valueOf: (name: string) => string | undefined): string {
  let emptied = false;
  const out = template.replace(PLACEHOLDER, (_m, name: string, fallback: string | undefined) => {
    const v = valueOf(name)?.replaceAll(EMPTY, '');
    if (v !== undefined && v !== '') return v;
    const d = fallback?.trim();
    if (d) return d;
    emptied = true;
    return EMPTY;
  });
  if (!emptied) return out;
  return out
    .replace(/[ \t]*\u0000[ \t]*(?=[,.!?;:，。！？、)]|$)/g, '')
    .replace(/^[ \t]*\u0000[ \t]*/g, '')
    .replace(/[ \t]*\u0000[ \t]*/g, ' ')
    .trim();
}

/** A profile value as it may appear in a reply: one line, no control characters, bounded. */
export function profileText(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  const points = [...clean];
  return points.length <= MAX_PROFILE_VALUE ? clean : `${points.slice(0, MAX_PROFILE_VALUE - 1).join('')}…`;
}

/** Whether a template names profile fields (only then does a turn read the customer's profile). */
export function usesProfile(...templates: (string | undefined)[]): boolean {
  return templates.some((t) => t !== undefined && [...t.matchAll(PLACEHOLDER)].some((m) => isProfileField(m[1] ?? '')));
}
