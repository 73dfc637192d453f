/**
 * Valence lexicon (-4..4), written for customer-service text: complaint words
 * ("delayed", "charged", "hold") carry weight here that a general-purpose
 * lexicon misses, and politeness words ("please", "help") are neutral.
 */
const ENTRIES: [number, string][] = [
  [-4, 'worst horrible horrendous atrocious disgusting pathetic scam scammed scammers fraud fraudulent stole stolen thieves thief outrageous appalling abysmal nightmare furious livid useless incompetent'],
  [-3, 'terrible awful unacceptable ridiculous hate hated hating angry pissed disgusted disgraceful shameful rude liar liars lied lying insulting joke robbed ripoff rip-off garbage rubbish trash crap sucks sucked infuriating frustrating frustrated fed-up sick furious broken worthless'],
  [-2.5, 'disappointed disappointing disappointment upset annoyed annoying bad poor worse mess messed fail failed failing failure damaged defective faulty crashed crashing crash ignored ignoring ignore lost missing never-again overcharged unhappy wrong nobody horrific dreadful rotten lousy slow'],
  [-2, 'delayed delay delays cancelled canceled stuck late error errors bug bugs buggy glitch problem problems complaint complain complaining hassle confusing confused unclear unreliable inconvenient inconvenience impossible unable refuse refused refusing denied declined dropped unresolved waiting waited wasted waste charged overdue struggling stranded sad sorry-not'],
  [-1.5, 'losing issue issues trouble concern worried worry expensive difficult annoy doubt doubtful cold tired difficulty unfortunately weird strange odd lag laggy crappy meh'],
  [1, 'ok okay fine fair decent clear easy quick fast smooth works working well fixed'],
  [1.5, 'helpful resolved solved friendly polite kind patient nice good'],
  [2, 'thanks thank thx ty appreciate appreciated appreciation glad pleased happy satisfied enjoy enjoyed liked recommend recommended reliable efficient professional impressed impressive cool neat lovely'],
  [3, 'great awesome excellent fantastic amazing wonderful love loved loving brilliant perfect perfectly superb outstanding delighted thrilled best rock rocks rocked stellar incredible magnificent beautiful'],
];

const EMOJI: [number, string][] = [
  [3, '😀 😃 😄 😁 😊 🙂 😍 🥰 ❤ ❤️ 💕 👍 🙏 🎉 ✨ 😎 👏 💯'],
  [-3, '😡 😠 🤬 👎 😤 😞 😢 😭 😩 😫 💩 🙄 😒 😣 😖'],
];

export const LEXICON: ReadonlyMap<string, number> = new Map(
  [...ENTRIES, ...EMOJI].flatMap(([v, words]) => words.split(/\s+/).map((w) => [w, v] as [string, number])),
);

export const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot', 'cant', 'hardly', 'barely', 'lack', 'lacks',
]);

/** Multipliers for the next sentiment word. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.4], ['really', 1.4], ['so', 1.3], ['extremely', 1.7], ['incredibly', 1.6], ['totally', 1.5], ['absolutely', 1.6],
  ['completely', 1.5], ['utterly', 1.7], ['super', 1.4], ['truly', 1.3], ['highly', 1.3], ['most', 1.3], ['too', 1.2], ['such', 1.3],
  ['slightly', 0.6], ['somewhat', 0.6], ['bit', 0.6], ['little', 0.7], ['kinda', 0.7], ['fairly', 0.8], ['quite', 1.1],
]);

/** Clause contrast: what follows outweighs what precedes ("thanks, but it still does not work"). */
export const CONTRAST = new Set(['but', 'however', 'yet', 'although', 'though', 'except']);
