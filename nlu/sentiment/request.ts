/**
 * A polite question or request: asks something and shows no exasperation.
 * Such a message names a problem ("I lost my card, how do I block it?")
 * without being a complaint, so one mild problem word should not make it negative.
 */
const ASKS = /\?|^(?:hi|hello|hey|good\s+(?:morning|afternoon|evening)|dear)\b|^(?:how|what|what'?s|where|when|which|who|can|could|would|will|is|are|do|does|did|may|should|i'?d\s+like|i\s+would\s+like|i\s+want\s+to\s+know|please)\b(?!['’])|\b(?:can|could|would)\s+(?:you|i|someone)\b|\bplease\b|\bhow\s+(?:do|can|should)\s+i\b/;
const EXASPERATED = /\?\s*\?|!|(?:^|[,.;!?]\s*)why\b|\bhow\s+(?:many|hard|is\s+it|come)\b|\bstop\s+\w+ing\b|\b(?:seriously|still|ever|even|already|yet\s+again|anyone|nobody|no\s+one)\b/;

export function politeRequest(lower: string): boolean {
  return ASKS.test(lower) && !EXASPERATED.test(lower);
}
