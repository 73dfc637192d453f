import nlpjs from '@nlpjs/basic';
import { hasHan } from '../../core/index.js';
import { modelTokens, normalizeForModel } from '../text/normalize.js';

// @nlpjs/basic is CommonJS without types: describe the few calls we make.
interface NlpjsClassification {
  intent: string;
  score: number;
}
interface NlpjsNlp {
  addLanguage(lang: string): void;
  addDocument(lang: string, text: string, intent: string): void;
  train(): Promise<unknown>;
  process(lang: string, text: string): Promise<{ classifications?: NlpjsClassification[] }>;
  export(minified?: boolean): string;
  import(data: string): void;
}
interface NlpjsModule {
  containerBootstrap(opts?: object): Promise<{ use(plugin: unknown): void }>;
  Nlp: new (settings: object) => NlpjsNlp;
  LangEn: unknown;
}
const { containerBootstrap, Nlp, LangEn } = nlpjs as unknown as NlpjsModule;

async function createNlp(): Promise<NlpjsNlp> {
  const container = await containerBootstrap({ log: false });
  // Without LangEn NLP.js silently falls back to no stemming (and zero sentiment).
  container.use(LangEn);
  const nlp = new Nlp({ container, languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false }, forceNER: false });
  nlp.addLanguage('en');
  return nlp;
}

/**
 * NLP.js's English tokenizer splits on spaces and punctuation, so a Chinese sentence would be one token:
 * it gets the same Chinese words the linear model sees, space-separated. Other text is passed unchanged.
 */
function nlpjsView(text: string): string {
  return hasHan(text) ? modelTokens(normalizeForModel(text)).join(' ') : text;
}

/** NLP.js (the mandated library) as one ensemble member: its own neural classifier over stems. */
export class NlpjsMember {
  private constructor(private readonly nlp: NlpjsNlp) {}

  /** Labels are class indices: intent names such as "None" mean something special to NLP.js. */
  static async train(examples: { text: string; label: number }[]): Promise<NlpjsMember> {
    const nlp = await createNlp();
    for (const e of examples) nlp.addDocument('en', nlpjsView(e.text), `c${e.label}`);
    await nlp.train();
    return new NlpjsMember(nlp);
  }

  static async load(data: string): Promise<NlpjsMember> {
    const nlp = await createNlp();
    nlp.import(data);
    return new NlpjsMember(nlp);
  }

  /** Scores per class index (about a distribution; NLP.js's own "None" is dropped: we decide out-of-scope ourselves). */
  async scores(text: string, classes: number): Promise<Float64Array> {
    const out = new Float64Array(classes);
    if (text.trim() === '') return out;
    const res = await this.nlp.process('en', nlpjsView(text));
    for (const c of res.classifications ?? []) {
      const k = /^c(\d+)$/.exec(c.intent)?.[1];
      if (k !== undefined && Number(k) < classes && c.score > 0) out[Number(k)] = c.score;
    }
    return out;
  }

  export(): string {
    return this.nlp.export(true);
  }
}
