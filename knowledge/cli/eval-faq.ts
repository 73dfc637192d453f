// npm run eval:faq -- --data ../shared/datasets/covidfaq.json [--baseline] [--models-dir ./models] [--model Xenova/all-MiniLM-L6-v2]
// Progress and the threshold curve go to stderr; the last stdout line is the JSON result.
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { findInstalledModel } from '../embed/model-files.js';
import { TransformersEmbedder } from '../embed/transformers-embedder.js';
import { findStaticTable, STATIC_MODEL_NAME, StaticEmbedder } from '../embed/static/static-embedder.js';
import { FaqRetriever } from '../retriever.js';
import { HnswVectorIndex } from '../vector/hnsw-index.js';
import { parseArgs, round } from './args.js';
import { answerMetrics, latency, rankingMetrics, type Judged } from './eval-metrics.js';
import { groupQueries, readFaqDataset, type FaqDataset } from './faq-dataset.js';

const args = parseArgs(process.argv.slice(2));
const dataPath = args.get('data');
if (typeof dataPath !== 'string') {
  process.stderr.write('usage: eval-faq --data <faq.json> [--baseline] [--models-dir dir] [--model name]\n');
  process.exit(2);
}
const modelsDir = String(args.get('models-dir') ?? process.env.MODELS_DIR ?? './models');
const modelName = String(args.get('model') ?? process.env.EMBEDDING_MODEL ?? 'Xenova/all-MiniLM-L6-v2');

const data = await readFaqDataset(dataPath);
const groups = groupQueries(data.queries);
const rows = data.queries.map((q) => ({ text: q.text, relevant: new Set([q.faqId]) }));
process.stderr.write(`${data.name}: ${data.faqs.length} FAQs, ${data.queries.length} query rows, ${groups.length} distinct texts\n`);

// --model static: the distilled table (npm run models:distil) instead of a transformers.js model.
const staticTable = modelName === STATIC_MODEL_NAME ? findStaticTable(modelsDir) : null;
const installed = modelName === STATIC_MODEL_NAME ? staticTable : findInstalledModel(modelsDir, modelName);
const embedder = staticTable ? await StaticEmbedder.open(staticTable) : installed && typeof installed !== 'string' ? await TransformersEmbedder.start(installed) : null;
process.stderr.write(installed ? `model ${modelName} from ${modelsDir}: hybrid\n` : `no model ${modelName} in ${modelsDir}: lexical mode\n`);
const retriever = new FaqRetriever(embedder, embedder ? new HnswVectorIndex(embedder.info().dimensions) : null);
retriever.load(data.faqs.map((f) => ({ id: f.id, question: f.question, answer: f.answer, alternates: f.alternates ?? [] })));
await retriever.buildVectors();
const cal = await retriever.recalibrate();
const ANSWER_THRESHOLD = cal.answerThreshold;
process.stderr.write(`calibration: ${cal.source} on ${cal.samples} probe rows, answer threshold ${ANSWER_THRESHOLD.toFixed(3)}, weights ${cal.model.weights.map((w) => w.toFixed(2)).join(' ')} bias ${cal.model.bias.toFixed(2)}${retriever.mode() === 'hybrid' ? `, vector weight ${cal.vectorWeight}` : ''}\n`);

// Warm-up pass so JIT compilation does not land in the latency percentiles.
for (const q of groups.slice(0, 200)) await retriever.rank(q.text, 5);

async function judgeOurs(queries: { text: string; relevant: Set<string> }[]): Promise<Judged[]> {
  const out: Judged[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const ranked = await retriever.rank(q.text, 5);
    out.push({ ranked: ranked.map((r) => r.id), relevant: q.relevant, p1: ranked[0]?.calibrated ?? 0, ms: performance.now() - t0 });
  }
  return out;
}

function judgeBaseline(d: FaqDataset, queries: { text: string; relevant: Set<string> }[]): Judged[] {
  // Plain minisearch: question field only, default options.
  const ms = new MiniSearch<{ id: string; question: string }>({ fields: ['question'] });
  ms.addAll(d.faqs.map((f) => ({ id: f.id, question: f.question })));
  return queries.map((q) => {
    const t0 = performance.now();
    const ranked = ms.search(q.text).slice(0, 5).map((r) => String(r.id));
    return { ranked, relevant: q.relevant, ms: performance.now() - t0 };
  });
}

const judged = await judgeOurs(groups);
process.stderr.write('threshold  precision  coverage   (distinct query texts)\n');
for (let t = 0.1; t < 0.96; t += 0.05) {
  const m = answerMetrics(judged, t);
  process.stderr.write(`${t.toFixed(2)}       ${m.answerPrecision.toFixed(3)}      ${m.answerCoverage.toFixed(3)}\n`);
}
const d = answerMetrics(judged, ANSWER_THRESHOLD);
process.stderr.write(`${ANSWER_THRESHOLD.toFixed(3)}      ${d.answerPrecision.toFixed(3)}      ${d.answerCoverage.toFixed(3)}   <- default (self-supervised)\n`);
const perRowJudged = await judgeOurs(rows);
const result: Record<string, unknown> = {
  ...rankingMetrics(judged),
  ...answerMetrics(judged, ANSWER_THRESHOLD),
  ...latency(judged),
  mode: retriever.mode(),
  ...(installed ? { model: modelName } : {}),
  threshold: round(ANSWER_THRESHOLD),
  calibration: { source: cal.source, samples: cal.samples, ...(retriever.mode() === 'hybrid' ? { vectorWeight: cal.vectorWeight } : {}) },
  queries: groups.length,
  perRow: { ...rankingMetrics(perRowJudged), ...answerMetrics(perRowJudged, ANSWER_THRESHOLD), queries: rows.length },
};
if (args.has('baseline')) {
  const base = judgeBaseline(data, groups);
  const baseRows = judgeBaseline(data, rows);
  result.baseline = { ...rankingMetrics(base), ...latency(base), perRow: rankingMetrics(baseRows) };
  process.stderr.write(`R@1 ${result.recall1} vs baseline ${round(rankingMetrics(base).recall1)}; MRR ${result.mrr} vs ${rankingMetrics(base).mrr}\n`);
}
await embedder?.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
