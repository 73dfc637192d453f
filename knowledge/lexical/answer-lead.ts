/** Shorter sentences ("Yes.", "Good question!") say nothing about the topic; the next one does. */
const MIN_LEAD_CHARS = 20;
/** A run-on first sentence is cut: its opening words carry the topic, the rest adds noise grams. */
const MAX_LEAD_CHARS = 300;

/**
 * The answer's opening sentence. Answers usually restate what they answer in
 * their first sentence ("COVID-19 spreads mainly from person to person ..."),
 * in words a customer may use when the question's words are not theirs.
 * Later sentences drift to details and are left to the word index.
 */
// A Han character carries about a word: it counts as three letters, so "您的订单会在三天内发货。" is a lead.
function leadLength(sentence: string): number {
  return sentence.length + 2 * (sentence.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0);
}

export function answerLead(answer: string): string {
  const text = answer.replace(/<[^>]*>/g, ' ');
  for (const raw of text.split(/(?<=[.!?])\s+|(?<=[。！？；])|\n+/)) {
    const sentence = raw.replace(/[#*_>`|-]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (leadLength(sentence) >= MIN_LEAD_CHARS) return sentence.slice(0, MAX_LEAD_CHARS);
  }
  return '';
}
