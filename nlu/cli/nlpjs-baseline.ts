import nlpjs from '@nlpjs/basic';
import type { Example } from '../classifier/train-classifier.js';
import type { Decider } from '../model/evaluate.js';

interface BaselineNlp {
  addLanguage(lang: string): void;
  addDocument(lang: string, text: string, intent: string): void;
  train(): Promise<unknown>;
  process(lang: string, text: string): Promise<{ intent?: string }>;
  getSentiment(lang: string, text: string): Promise<{ sentiment?: { score: number; vote: string } }>;
}
const { containerBootstrap, Nlp, LangEn } = nlpjs as unknown as {
  containerBootstrap(o?: object): Promise<{ use(p: unknown): void }>;
  Nlp: new (s: object) => BaselineNlp;
  LangEn: unknown;
};

/** Plain NLP.js with default settings, for side-by-side figures: "None" below its threshold means declined. */
export async function trainNlpjsBaseline(train: Example[]): Promise<{ decide: Decider; trainMs: number }> {
  const t0 = Date.now();
  const container = await containerBootstrap({ log: false });
  container.use(LangEn);
  const nlp = new Nlp({ container, languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false } });
  nlp.addLanguage('en');
  const hasNoneIntent = train.some((e) => e.intent === 'None');
  for (const e of train) if (e.intent !== null) nlp.addDocument('en', e.text, e.intent);
  await nlp.train();
  const decide: Decider = async (text) => {
    const res = await nlp.process('en', text);
    if (!res.intent || (res.intent === 'None' && !hasNoneIntent)) return null;
    return res.intent;
  };
  return { decide, trainMs: Date.now() - t0 };
}

/** NLP.js default sentiment (AFINN-style with its own negation list): its vote is the label. */
export async function nlpjsSentiment(): Promise<(text: string) => Promise<'negative' | 'neutral' | 'positive'>> {
  const container = await containerBootstrap({ log: false });
  container.use(LangEn);
  const nlp = new Nlp({ container, languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false } });
  nlp.addLanguage('en');
  return async (text) => {
    const vote = (await nlp.getSentiment('en', text)).sentiment?.vote;
    return vote === 'negative' || vote === 'positive' ? vote : 'neutral';
  };
}
