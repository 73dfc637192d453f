import { POLARITY_WORDS } from './polarity-words.js';

/**
 * Valence lexicon (-4..4), written for customer-service text: complaint words
 * ("delayed", "charged", "hold") carry weight here that a general-purpose
 * lexicon misses, and politeness words ("please", "help") are neutral.
 */
const ENTRIES: [number, string][] = [
  [-4, 'worst horrible horrendous atrocious disgusting pathetic scam scammed scammers fraud fraudulent stole stolen thieves thief outrageous appalling abysmal nightmare furious livid useless incompetent'],
  [-3, 'complaint complain complaining terrible awful unacceptable ridiculous hate hated hating angry pissed disgusted disgraceful shameful rude liar liars lied lying insulting robbed ripoff rip-off garbage rubbish trash crap sucks sucked infuriating frustrating frustrated fed-up sick furious broken worthless'],
  [-2.5, 'disappointed disappointing disappointment upset annoyed annoying bad poor worse mess messed fail failed failing failure damaged defective faulty crashed crashing crash ignored ignoring ignore lost missing never-again overcharged unhappy wrong nobody horrific dreadful rotten lousy slow'],
  [-2, 'delayed delay delays cancelled canceled stuck late error errors bug bugs buggy glitch problem problems hassle confusing confused unclear unreliable inconvenient inconvenience impossible unable refuse refused refusing denied declined dropped unresolved waiting waited wasted waste charged overdue struggling stranded sad sorry-not'],
  [-1.5, 'losing issue issues trouble concern worried worry expensive difficult annoy doubt doubtful cold tired difficulty unfortunately weird strange odd lag laggy crappy meh'],
  [1, 'ok okay fine fair decent clear easy quick fast smooth works working well fixed'],
  [1.5, 'helpful resolved solved friendly polite kind patient nice good'],
  [2, 'thanks thank thx ty appreciate appreciated appreciation glad pleased happy satisfied enjoy enjoyed liked recommend recommended reliable efficient professional impressed impressive cool neat lovely'],
  [3, 'great awesome excellent fantastic amazing wonderful love loved loving brilliant perfect perfectly superb outstanding delighted thrilled best rock rocks rocked stellar incredible magnificent beautiful'],
];

/** General complaint and praise vocabulary (base forms: lookups strip -s/-ed/-ing/-er/-est/-ly). */
const MORE: [number, string][] = [
  [-3, 'robbery extortion daylight-robbery'],
  [-2.5, 'regret regrets regretting dirty filthy smelly stink stinks stinking moldy mouldy unusable unbearable intolerable shocking shocked unprofessional clueless careless neglect neglected misleading mislead misled deceive deceived deceptive cheat cheated scandal hostage nonsense bullshit bs wtf ffs omg smh unreal'],
  [-2, 'disconnect disconnected scratch scratches dented-box break breaks broke breaking leak leaking freeze froze frozen hang hangs dead die died unavailable inaccessible outage cancel-fee overpriced overpaying ruin ruined spoil spoiled spoilt stain stained torn scratched dent dented cracked shattered smashed expired invalid unanswered unpaid rejected reject deny denies denying mistake mistakes incorrect inaccurate hidden sneaky noisy uncomfortable cramped bumpy chaos chaotic disorganised disorganized misplaced downgraded bumped overbooked stuck-on delayed-again angrier angriest annoying-ly anxious stress stressed stressful panic ugh argh grr meh nope'],
  [-1.5, 'slowly sluggish glitchy flaky unstable spotty patchy rough mediocre subpar crowded queue queues unhelpful unresponsive complicated tedious pricey costly'],
  [2, 'grateful thankful careful sorted smoothly seamless painless effortless prompt promptly speedy courteous attentive knowledgeable responsive accommodating understanding generous welcome comfortable clean tidy spotless cosy cozy relaxing enjoyable pleasant pleasure pleased gladly yay woohoo hooray kudos props cheers'],
  [3, 'lifesaver legend legends hero heroes flawless phenomenal exceptional terrific marvellous marvelous splendid gorgeous awesome-sauce top-notch'],
];

const EMOJI: [number, string][] = [
  [3, '😀 😃 😄 😁 😊 🙂 😍 🥰 ❤ ❤️ 💕 👍 🙏 🎉 ✨ 😎 👏 💯 🤩 😇 🥳 💖 💙 💚 💜 🧡 🙌 👌 😘 ☺ ☺️ :) :-) :D :-D ;) ;-) <3'],
  [-3, '😡 😠 🤬 👎 😤 😞 😢 😭 😩 😫 💩 🙄 😒 😣 😖 🤦 🤦‍♀️ 🤦‍♂️ 😓 😔 😕 🙁 ☹ ☹️ 🤯 😱 🤮 🤢 💔 :( :-( :\'( :/ :-/ >:( -_- ffs'],
];

/** Words whose inflection fallback misleads: "latest" is "newest", not "most late". */
const NEUTRAL: [number, string][] = [[0, 'latest']];

// The broad list comes first so the hand-weighted core entries override it.
export const LEXICON: ReadonlyMap<string, number> = new Map(
  [...POLARITY_WORDS, ...ENTRIES, ...MORE, ...EMOJI, ...NEUTRAL].flatMap(([v, words]) => words.split(/\s+/).map((w) => [w, v] as [string, number])),
);

export const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot', 'cant', 'hardly', 'barely', 'lack', 'lacks',
]);

/** Multipliers for the next sentiment word. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.4], ['really', 1.4], ['so', 1.3], ['extremely', 1.7], ['incredibly', 1.6], ['totally', 1.5], ['absolutely', 1.6],
  ['completely', 1.5], ['utterly', 1.7], ['super', 1.4], ['truly', 1.3], ['highly', 1.3], ['most', 1.3], ['too', 1.2], ['such', 1.3],
  ['slightly', 0.6], ['somewhat', 0.6], ['bit', 0.6], ['little', 0.7], ['kinda', 0.7], ['fairly', 0.8], ['quite', 1.1], ['honestly', 1.2], ['seriously', 1.2],
]);

/** Clause contrast: what follows outweighs what precedes ("thanks, but it still does not work"). */
// "although"/"though" are left out on purpose: in "declined, even though I have money" the main clause comes first.
export const CONTRAST = new Set(['but', 'however', 'yet']);

const SUFFIXES: [string, string][] = [['iest', 'y'], ['ier', 'y'], ['ies', 'y'], ['ied', 'y'], ['ily', 'y'], ['est', ''], ['est', 'e'], ['er', ''], ['er', 'e'], ['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['es', ''], ['s', ''], ['ly', '']];

/** Valence of a word, trying its base form when the inflected one is not listed ("smoothest" -> "smooth"). */
export function valenceOf(word: string): number | undefined {
  const direct = LEXICON.get(word);
  if (direct !== undefined || word.length < 5) return direct;
  for (const [suffix, add] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    const v = LEXICON.get(base + add) ?? LEXICON.get(base.replace(/(.)\1$/, '$1') + add);
    // A superlative says more than its base: "the smoothest check-in", "the slowest app".
    if (v !== undefined) return suffix.endsWith('est') ? v * 1.5 : v;
  }
  return undefined;
}
