/**
 * Informal English as customers write it on social channels, rewritten into the forms the lexicon and
 * patterns read: @mentions and links dropped (a handle like "@BadServiceCo" is a name, not a mood),
 * hashtags split at case changes ("#NeverAgain" -> "Never Again"), letters stretched for emphasis cut to
 * two ("sooo" -> "soo", "worstttt" -> "worstt", then looked up with one), and contractions typed without
 * the apostrophe restored ("didnt" -> "didn't"): negation scope and the complaint patterns key on them.
 */
const MENTION = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]+/gu;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
const STRETCH = /(\p{L})\1{2,}/gu;
const NT = /\b(do|does|did|is|was|were|are|has|have|had|could|should|would|must|need)nt\b/gi;
const BARE = new Map([['cant', "can't"], ['wont', "won't"], ['aint', "ain't"], ['im', "i'm"], ['ive', "i've"]]);

export function informalToStandard(text: string): string {
  return text
    .replace(URL, ' ')
    .replace(MENTION, '$1')
    .replace(HASHTAG, (_, tag: string) => tag.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2').replace(/_/g, ' '))
    .replace(STRETCH, '$1$1')
    .replace(NT, "$1n't")
    .replace(/\b(?:cant|wont|aint|im|ive)\b/gi, (w) => BARE.get(w.toLowerCase()) ?? w);
}

/** A stretched word cut to two letters ("soo", "worstt") may only exist with one: the lookup's fallback. */
export function unstretched(word: string): string {
  return word.replace(/(\p{L})\1/gu, '$1');
}
