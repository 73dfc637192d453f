import { describe, expect, it } from '@jest/globals';
import { OOS_LABEL } from './intent-classifier.js';
import { trainClassifier, type Example } from './train-classifier.js';

const synthetic: Record<string, string[]> = {
  book_flight: [
    'book a flight to paris', 'i need a plane ticket to rome', 'find me flights to berlin next week', 'reserve a seat on a flight to madrid',
    'i want to fly to london on friday', 'get me an airline ticket to tokyo', 'book me on the morning flight to oslo',
    'can you buy a flight for me to lisbon', 'search flights from boston to chicago', 'i would like to fly to vienna',
    'book airfare to dublin', 'purchase a flight ticket to athens',
  ],
  weather: [
    'what is the weather today', 'will it rain tomorrow', 'how hot is it outside', 'is it going to snow this weekend',
    'weather forecast for monday', 'do i need an umbrella today', 'how cold will it be tonight', 'is it sunny in madrid',
    'what is the temperature right now', 'tell me the forecast', 'will there be a storm later', 'is it windy outside',
  ],
  play_music: [
    'play some music', 'put on my workout playlist', 'play the latest album by adele', 'i want to listen to jazz',
    'start my favourite songs', 'play something relaxing', 'turn on the radio', 'play rock music please',
    'shuffle my liked songs', 'can you play a song by queen', 'play classical music', 'put some music on',
  ],
  set_alarm: [
    'set an alarm for 7 am', 'wake me up at six', 'create an alarm for tomorrow morning', 'alarm at 5:30 please',
    'set a wake up call for 8', 'i need an alarm at noon', 'remind me to wake up at seven', 'set my alarm for 6 tomorrow',
    'put an alarm for half past six', 'add an alarm for 9 am', 'alarm for monday at 7', 'can you set an alarm',
  ],
};
const examples: Example[] = Object.entries(synthetic).flatMap(([intent, utts]) => utts.map((text) => ({ text, intent })));

describe('trainClassifier', () => {
  it('learns a small intent set, generalises to paraphrases and declines unrelated text', async () => {
    const progress: number[] = [];
    const { classifier, metrics } = await trainClassifier(examples, [], { hyper: { nlpjs: 'off' }, onProgress: (p) => progress.push(p) });
    const paraphrases: [string, string][] = [
      ['could you book me a flight to amsterdam', 'book_flight'],
      ['is it raining in london tomorrow', 'weather'],
      ['play a song by the beatles', 'play_music'],
      ['wake me at 6:45 tomorrow', 'set_alarm'],
      ['i need plane tickets to new york', 'book_flight'],
      ['what will the weather be like on sunday', 'weather'],
    ];
    let correct = 0;
    for (const [text, intent] of paraphrases) if ((await classifier.predict(text)).intent?.name === intent) correct++;
    expect(correct).toBeGreaterThanOrEqual(5);
    for (const text of ['how do i file my tax return', 'my cat is sick what should i do', 'zxqv plorb']) {
      const p = await classifier.predict(text);
      expect(p.outOfScope).toBe(true);
      expect(p.intent).toBeNull();
    }
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= (progress[i - 1] ?? 0)))).toBe(true);
    expect(metrics.heldOutAccuracy).not.toBeNull();
    // A small bot calibrates by cross-validation: every utterance is scored once by a model that never saw it.
    expect(metrics.heldOutExamples).toBe(examples.length);
    expect(metrics.heldOutAccuracy ?? 0).toBeGreaterThan(0.7);
    // Per-intent tally of the same held-back decisions, for the console.
    const tallies = Object.values(metrics.perIntent);
    expect(Object.keys(metrics.perIntent).sort()).toEqual(Object.keys(synthetic).sort());
    expect(tallies.reduce((s, t) => s + t.examples, 0)).toBe(metrics.heldOutExamples);
    expect(tallies.reduce((s, t) => s + t.correct, 0) / metrics.heldOutExamples).toBeCloseTo(metrics.heldOutAccuracy ?? -1);
  });

  it('uses intent names as a hint when an intent has few examples', async () => {
    // Two examples per intent, none mentioning the words of the probe; the names do.
    const few: Example[] = [
      { text: 'i forgot how to get into my account', intent: 'reset_password' },
      { text: 'locked out after too many attempts', intent: 'reset_password' },
      { text: 'where is my parcel', intent: 'track_order' },
      { text: 'has my package shipped yet', intent: 'track_order' },
      { text: 'i want my money back', intent: 'request_refund' },
      { text: 'can i return this for cash', intent: 'request_refund' },
    ];
    const probe = 'how do i reset my password';
    const named = await trainClassifier(few, [], { hyper: { nlpjs: 'off' } });
    const unnamed = await trainClassifier(few, [], { hyper: { nlpjs: 'off', intentNames: false } });
    const p = await named.classifier.probabilities(probe);
    const q = await unnamed.classifier.probabilities(probe);
    const k = named.classifier.labels.indexOf('reset_password');
    expect(p[k] ?? 0).toBeGreaterThan(q[unnamed.classifier.labels.indexOf('reset_password')] ?? 0);
    const pred = await named.classifier.predict(probe);
    // Ranked first among the intents (whether or not the bot is confident enough to answer).
    expect((pred.intent ?? pred.alternatives[0])?.name).toBe('reset_password');
  });

  it('learns an explicit out-of-scope class from examples with intent null', async () => {
    const oos: Example[] = ['what is the capital of peru', 'how do i cook rice', 'who painted the mona lisa', 'tell me a story about dragons',
      'how many legs does a spider have', 'what is quantum physics', 'recommend a good book', 'how do i change a tyre']
      .map((text) => ({ text, intent: null }));
    const { classifier } = await trainClassifier([...examples, ...oos], [], { hyper: { nlpjs: 'off' } });
    expect(classifier.labels).toContain(OOS_LABEL);
    expect((await classifier.predict('who painted the sistine chapel')).outOfScope).toBe(true);
    expect((await classifier.predict('book a flight to prague')).intent?.name).toBe('book_flight');
  });

  it('analyses empty, emoji-only, mixed-script, control-character and very long messages without throwing', async () => {
    const { classifier } = await trainClassifier(examples, [], { hyper: { nlpjs: 'off' } });
    for (const text of ['', '   ', '😀😀😀', 'погода завтра 天気 weather', 'play\u0000\u0007 music\u001b[31m', 'x'.repeat(4000), 'play music '.repeat(400)]) {
      const p = await classifier.predict(text);
      expect(p.alternatives.length).toBeLessThanOrEqual(3);
      if (p.intent) expect(p.intent.confidence).toBeGreaterThanOrEqual(0);
    }
    expect((await classifier.predict('')).outOfScope).toBe(true);
  });
});
