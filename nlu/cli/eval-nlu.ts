import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Embedder } from '../../core/index.js';
import { trainClassifier, type Example, type HyperParams } from '../classifier/train-classifier.js';
import { evaluateDecider, type EvaluationResult } from '../model/evaluate.js';
import { log, nluDatasetSchema, parseArgs, readJson, type NluDataset } from './dataset.js';
import { trainNlpjsBaseline } from './nlpjs-baseline.js';

/**
 * npm run eval:nlu -- --data ../shared/datasets/clinc150.json [--baseline] [--few 10] [--nlpjs auto|on|off] [--embedder <module>]
 * --embedder: a module exporting `createEmbedder(): Promise<Embedder>` (core/ports); the semantic member is then
 * trained and calibrated on its vectors, and every test analysis embeds its text (counted in p50/p99).
 * Several files (comma-separated) are trained and tested one by one and pooled.
 * Human-readable progress on stderr; the last stdout line is one JSON object.
 */
const args = parseArgs(process.argv.slice(2));
const files = String(args.get('data') ?? '').split(',').filter(Boolean);
if (files.length === 0) {
  log('usage: eval-nlu --data <file>[,<file>...] [--baseline] [--few N] [--nlpjs auto|on|off]');
  process.exit(2);
}
const few = Number(args.get('few') ?? 0);
const nlpjsMode = String(args.get('nlpjs') ?? 'auto') as HyperParams['nlpjs'];
const embedderModule = args.get('embedder');
const embedder: Embedder | null = embedderModule
  ? await (((await import(pathToFileURL(resolve(String(embedderModule))).href)) as { createEmbedder(): Promise<Embedder> }).createEmbedder())
  : null;

function firstPerIntent(examples: Example[], n: number): Example[] {
  const seen = new Map<string, number>();
  return examples.filter((e) => {
    const k = e.intent ?? '\u0000oos';
    const c = seen.get(k) ?? 0;
    seen.set(k, c + 1);
    return c < n;
  });
}

type Row = EvaluationResult & { trainMs: number; trainCpuMs?: number };

function summary(rows: Row[], extra: Record<string, unknown> = {}) {
  const n = rows.reduce((s, r) => s + r.examples, 0);
  const pool = (f: (r: Row) => number | null) => {
    const parts = rows.filter((r) => f(r) !== null);
    return parts.length ? parts.reduce((s, r) => s + (f(r) ?? 0) * r.examples, 0) / parts.reduce((s, r) => s + r.examples, 0) : null;
  };
  return {
    accuracy: pool((r) => r.accuracy),
    macroF1: pool((r) => r.macroF1),
    inScopeAccuracy: pool((r) => r.inScopeAccuracy),
    oosRecall: pool((r) => r.oosRecall),
    trainMs: rows.reduce((s, r) => s + r.trainMs, 0),
    ...(rows.every((r) => r.trainCpuMs !== undefined) ? { trainCpuMs: rows.reduce((s, r) => s + (r.trainCpuMs ?? 0), 0) } : {}),
    p50Ms: Math.max(...rows.map((r) => r.p50Ms)),
    p99Ms: Math.max(...rows.map((r) => r.p99Ms)),
    p99CpuMs: Math.max(...rows.map((r) => r.p99CpuMs)),
    examples: n,
    ...extra,
  };
}

function report(name: string, r: Row): void {
  const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(2)}%`);
  log(`${name}: accuracy ${pct(r.accuracy)}, in-scope ${pct(r.inScopeAccuracy)}, oos recall ${pct(r.oosRecall)}, macro-F1 ${r.macroF1.toFixed(4)}, train ${r.trainMs} ms${r.trainCpuMs !== undefined ? ` (cpu ${r.trainCpuMs} ms)` : ''}, p50 ${r.p50Ms.toFixed(3)} ms, p99 ${r.p99Ms.toFixed(3)} ms (cpu ${r.p99CpuMs.toFixed(3)} ms)`);
  for (const c of r.topConfusions.slice(0, 8)) log(`  ${c.truth} -> ${c.predicted}: ${c.count}`);
}

const ours: Row[] = [];
const base: Row[] = [];
const perDataset: Record<string, unknown>[] = [];
for (const file of files) {
  const data: NluDataset = readJson(file, nluDatasetSchema);
  const train = few > 0 ? firstPerIntent(data.train, few) : data.train;
  log(`${data.name}: training on ${train.length} utterances (${data.validation ? 'validation split' : 'no validation: training data'} for calibration)`);
  const cpu0 = process.cpuUsage();
  const { classifier, metrics } = await trainClassifier(train, data.validation ?? [], {
    hyper: { nlpjs: nlpjsMode },
    onProgress: (p) => process.stderr.write(`\r  training ${(p * 100).toFixed(0)}%`),
    ...(embedder ? { semantic: { model: embedder.info().model, embed: (t: string[]) => embedder.embed(t) } } : {}),
  });
  const cpu = process.cpuUsage(cpu0);
  process.stderr.write('\n');
  // CPU time next to wall time: on a shared machine the wall clock mostly measures the neighbours.
  const trainCpuMs = Math.round((cpu.user + cpu.system) / 1000);
  // Same rule as the NLP.js baseline: in a data set with an intent named "None" (NLP.js's fallback
  // intent), declining means "None".
  const fallback = train.some((e) => e.intent === 'None') ? 'None' : null;
  const r: Row = { ...(await evaluateDecider(async (t) => (await classifier.predict(t, embedder ? ((await embedder.embed([t]))[0] ?? null) : null)).intent?.name ?? fallback, data.test)), trainMs: metrics.trainMs, trainCpuMs };
  report(`${data.name} parley`, r);
  ours.push(r);
  const entry: Record<string, unknown> = { name: data.name, ...summary([r]), threshold: metrics.threshold, temperature: metrics.temperature, nlpjsWeight: metrics.nlpjsWeight, semanticWeight: metrics.semanticWeight };
  if (args.has('baseline')) {
    log(`${data.name}: training NLP.js defaults`);
    const b = await trainNlpjsBaseline(train);
    const br: Row = { ...(await evaluateDecider(b.decide, data.test)), trainMs: b.trainMs };
    report(`${data.name} nlp.js`, br);
    base.push(br);
    entry.baseline = summary([br]);
  }
  perDataset.push(entry);
}
const result = summary(ours, {
  ...(few > 0 ? { fewShot: few } : {}),
  ...(base.length ? { baseline: summary(base) } : {}),
  ...(files.length > 1 ? { datasets: perDataset } : { threshold: perDataset[0]?.threshold, nlpjsWeight: perDataset[0]?.nlpjsWeight, semanticWeight: perDataset[0]?.semanticWeight }),
  ...(embedder ? { embedder: embedder.info().model } : {}),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
await embedder?.close();
