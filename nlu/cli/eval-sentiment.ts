import type { SentimentLabel } from '../../core/index.js';
import { analyzeSentiment } from '../sentiment/analyze-sentiment.js';
import { log, parseArgs, readJson, sentimentDatasetSchema } from './dataset.js';
import { nlpjsSentiment } from './nlpjs-baseline.js';

/**
 * npm run eval:sentiment -- --data <file> [--baseline]
 * Reads { name, examples: [{ text, label }] }; progress on stderr, the last
 * stdout line is { accuracy, macroF1, negativeRecall, negativePrecision, p50Ms, examples } (+ baseline).
 */
const args = parseArgs(process.argv.slice(2));
const file = args.get('data');
if (typeof file !== 'string') {
  log('usage: eval-sentiment --data <file> [--baseline]');
  process.exit(2);
}
const data = readJson(file, sentimentDatasetSchema);
const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];

async function score(label: (text: string) => Promise<SentimentLabel> | SentimentLabel) {
  const times: number[] = [];
  const confusion = new Map<string, number>();
  let correct = 0;
  for (const e of data.examples) {
    const t = process.hrtime.bigint();
    const got = await label(e.text);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (got === e.label) correct++;
    confusion.set(`${e.label}>${got}`, (confusion.get(`${e.label}>${got}`) ?? 0) + 1);
  }
  const count = (truth: string, got: string) => confusion.get(`${truth}>${got}`) ?? 0;
  const f1 = LABELS.map((l) => {
    const tp = count(l, l);
    const fp = LABELS.reduce((s, t) => s + (t === l ? 0 : count(t, l)), 0);
    const fn = LABELS.reduce((s, g) => s + (g === l ? 0 : count(l, g)), 0);
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  const negTp = count('negative', 'negative');
  const negPredicted = LABELS.reduce((s, t) => s + count(t, 'negative'), 0);
  const negTrue = LABELS.reduce((s, g) => s + count('negative', g), 0);
  times.sort((a, b) => a - b);
  for (const truth of LABELS) log(`  ${truth.padEnd(8)} -> ${LABELS.map((g) => `${g}: ${count(truth, g)}`).join(', ')}`);
  return {
    accuracy: correct / data.examples.length,
    macroF1: f1.reduce((a, b) => a + b, 0) / LABELS.length,
    negativeRecall: negTrue ? negTp / negTrue : 0,
    negativePrecision: negPredicted ? negTp / negPredicted : 0,
    p50Ms: times[Math.floor(times.length / 2)] ?? 0,
    examples: data.examples.length,
  };
}

log(`${data.name}: ${data.examples.length} examples`);
log('parley sentiment:');
const ours = await score((t) => analyzeSentiment(t).label);
log(`  accuracy ${(ours.accuracy * 100).toFixed(1)}%, negative recall ${ours.negativeRecall.toFixed(3)}, precision ${ours.negativePrecision.toFixed(3)}`);
let baseline: Awaited<ReturnType<typeof score>> | undefined;
if (args.has('baseline')) {
  log('NLP.js default sentiment:');
  baseline = await score(await nlpjsSentiment());
  log(`  accuracy ${(baseline.accuracy * 100).toFixed(1)}%, negative recall ${baseline.negativeRecall.toFixed(3)}, precision ${baseline.negativePrecision.toFixed(3)}`);
}
process.stdout.write(`${JSON.stringify({ ...ours, ...(baseline ? { baseline } : {}) })}\n`);
