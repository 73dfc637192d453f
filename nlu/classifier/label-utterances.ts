import type { Example } from './train-types.js';

/** An intent name as words: "reset_password", "ResetPassword" and "reset-password" all read "reset password". */
export function nameAsText(name: string): string {
  return name
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/[_\-./:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * One extra training utterance per intent: its name in words. Admins name
 * intents for what they mean ("cancel_order", "Change Password"), and with
 * ten examples an intent's name is often the plainest paraphrase it has; with
 * a hundred it is one vote among many. Names with no letters add nothing.
 */
export function labelUtterances(intents: readonly string[]): Example[] {
  return intents.flatMap((intent) => {
    const text = nameAsText(intent);
    return /\p{L}{2}/u.test(text) ? [{ text, intent }] : [];
  });
}
