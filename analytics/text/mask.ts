/**
 * Unanswered-question examples are shown to staff and exported: mask what looks like
 * contact data or account numbers a customer typed, so analytics outputs stay pseudonymous.
 */
export function maskPii(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/https?:\/\/\S+/g, '[link]')
    .replace(/\+?\d[\d\s().-]{6,}\d/g, '[number]')
    .replace(/\b\d{4,}\b/g, '[number]');
}
