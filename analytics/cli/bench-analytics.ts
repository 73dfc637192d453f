/**
 * The analytics benchmark — 100k customers / 1M interactions on the embedded store,
 * one full analytics run, one incremental run, then overview() latency (cold and warm).
 * Options: --customers N --interactions N --dir PATH --keep (a kept --dir is reused without
 * reseeding). Progress on stderr; the last stdout line is one JSON object.
 *
 * analytics/ may not import stores/ (ARCHITECTURE.md), so the runnable entry lives in app/cli
 * and hands in the store factory: `runAnalyticsBench((dir) => openEmbeddedStores({ dataDir: dir, cipher }))`.
 *
 * The store stamps conversations with the real time on create, so the analytics clock is
 * set 8 days ahead: the seeded conversations have settled, as they would have in production.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock, type NewInteraction, type Stores, type TurnDecision } from '../../core/index.js';
import { createAnalytics } from '../service.js';
import { seededRandom } from '../../core/index.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const CUSTOMERS = Number(arg('customers', '100000'));
const INTERACTIONS = Number(arg('interactions', '1000000'));
const DAY = 86_400_000;
const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

const rand = seededRandom(12345);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const INTENTS = Array.from({ length: 30 }, (_, i) => `intent.${i}`);
const DECISIONS: [TurnDecision, number][] = [['intent', 0.45], ['faq', 0.75], ['clarify', 0.82], ['fallback', 0.9], ['escalate', 0.95], ['handoff', 1]];
const decision = (): TurnDecision => {
  const r = rand();
  return DECISIONS.find(([, p]) => r < p)![0];
};
const AGENTS = Array.from({ length: 12 }, (_, i) => ({ id: `agent-${i}`, name: `Agent ${i}` }));

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const CHUNK = 1000;

/** Runs `work` over `items` CHUNK at a time, concurrently within a chunk (lets group commit batch the writes). */
async function inChunks<T>(items: T[], label: string, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    await Promise.all(items.slice(i, i + CHUNK).map(work));
    if ((i / CHUNK) % 100 === 99) log(`${label} ${i + CHUNK}`);
  }
}

interface PlannedConversation {
  customerId: string;
  start: number;
  turns: NewInteraction[];
  escalated: boolean;
}

async function seedStore(stores: Stores, now: number): Promise<{ conversations: number }> {
  const ids: string[] = new Array<string>(CUSTOMERS);
  await inChunks([...ids.keys()], 'customers', async (i) => {
    ids[i] = (await stores.customers.create({ externalId: `identity:bench-${i}` })).id;
  });
  // Plan every conversation first (skewed activity: a few customers talk a lot, most a little).
  const plans: PlannedConversation[] = [];
  let planned = 0;
  while (planned < INTERACTIONS) {
    const customerId = ids[Math.floor(CUSTOMERS * rand() ** 1.6)]!;
    const start = now - 8 * DAY - rand() * 90 * DAY;
    const n = Math.min(INTERACTIONS - planned, 1 + Math.floor(rand() * 8));
    const turns: NewInteraction[] = [];
    for (let t = 0; t < n; t++) {
      const d = decision();
      const score = Math.round((rand() * 2 - 1) * 100) / 100;
      turns.push({
        conversationId: '',
        customerId,
        messageId: `bench-${planned + t}`,
        channel: 'widget',
        text: d === 'fallback' || d === 'clarify' ? pick(['where is my order', 'can I pay with crypto', 'my app keeps crashing']) : 'hello',
        intent: d === 'fallback' ? null : { name: pick(INTENTS), confidence: 0.5 + rand() / 2 },
        alternatives: [],
        entities: [],
        sentiment: { score, label: score <= -0.3 ? 'negative' : score >= 0.3 ? 'positive' : 'neutral' },
        outOfScope: false,
        faqHits: [],
        decision: d,
        latencyMs: Math.floor(rand() * 200),
        createdAt: new Date(start + t * 30_000).toISOString(),
      });
    }
    plans.push({ customerId, start, turns, escalated: turns.some((t) => t.decision === 'escalate') });
    planned += n;
  }
  await inChunks(plans, 'conversations', async (p) => {
    const conv = await stores.conversations.create({ customerId: p.customerId, channel: 'widget' });
    for (const t of p.turns) t.conversationId = conv.id;
    const at = (ms: number) => new Date(p.start + ms).toISOString();
    const agent = pick(AGENTS);
    const end = p.turns.length * 30_000;
    if (p.escalated) {
      await stores.conversations.transition(conv.id, { event: 'escalate', actor: { kind: 'bot' }, at: at(end) });
      await stores.conversations.transition(conv.id, { event: 'claim', actor: { kind: 'agent', id: agent.id }, assignee: agent, at: at(end + rand() * 600_000) });
    }
    if (rand() < 0.5) {
      await stores.conversations.transition(conv.id, { event: 'close', actor: { kind: 'bot' }, at: at(1_800_000) });
      if (rand() < 0.5) await stores.conversations.setCsat(conv.id, { score: 1 + Math.floor(rand() * 5), at: at(1_900_000) });
    }
  });
  await inChunks(plans.flatMap((p) => p.turns), 'interactions', (t) => stores.interactions.record(t));
  return { conversations: plans.length };
}

async function countConversations(stores: Stores): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page = await stores.conversations.list({ limit: 200, cursor });
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

export async function runAnalyticsBench(openStores: (dataDir: string) => Promise<Stores>): Promise<void> {
  const given = arg('dir', '');
  const dir = given || fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'parley-bench-analytics-'));
  const stores = await openStores(dir);
  try {
    const clock = fixedClock(new Date(Date.now() + 8 * DAY));
    const t0 = Date.now();
    // --dir of an earlier --keep run: reuse its data (seeding through the ports is the slow part).
    const reuse = (await stores.interactions.count()) >= INTERACTIONS;
    if (reuse) log(`reusing the data in ${dir}`);
    const conversations = reuse
      ? (await stores.conversations.list({ limit: 1 })).items.length && (await countConversations(stores))
      : (await seedStore(stores, clock.now().getTime())).conversations;
    const seedMs = reuse ? 0 : Date.now() - t0;
    log(`seeded ${CUSTOMERS} customers, ${INTERACTIONS} interactions, ${conversations} conversations in ${(seedMs / 1000).toFixed(1)} s`);

    const analytics = createAnalytics({ stores, clock, options: { settleMs: 0 } });
    const full = await analytics.run({ full: true });
    log(`full run ${(full.durationMs / 1000).toFixed(1)} s: ${JSON.stringify(full.models)}`);

    // A minute of new traffic, then the incremental run the scheduler would do.
    clock.advance(60_000);
    const fresh = await stores.customers.create({ externalId: `identity:bench-new-${Date.now()}` });
    const conv = await stores.conversations.create({ customerId: fresh.id, channel: 'widget' });
    for (let i = 0; i < 1000; i++) {
      await stores.interactions.record({
        conversationId: conv.id, customerId: fresh.id, messageId: `new-${i}`, channel: 'widget', text: 'hello',
        intent: null, alternatives: [], entities: [], sentiment: { score: 0, label: 'neutral' }, outOfScope: false,
        faqHits: [], decision: 'fallback', latencyMs: 3, createdAt: new Date(clock.now().getTime() - 30_000 + i).toISOString(),
      });
    }
    const incremental = await analytics.run();
    log(`incremental run ${incremental.durationMs} ms (${incremental.interactions} interactions)`);

    const cold: number[] = [];
    for (let i = 0; i < 30; i++) {
      const fresh = createAnalytics({ stores, clock }); // empty day cache: every document read from SQLite
      const t = performance.now();
      await fresh.overview({ from: new Date(clock.now().getTime() - 97 * DAY).toISOString() });
      cold.push(performance.now() - t);
    }
    const warm: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await analytics.overview({ from: new Date(clock.now().getTime() - 97 * DAY).toISOString() });
      warm.push(performance.now() - t);
    }
    const o = await analytics.overview({ from: new Date(clock.now().getTime() - 97 * DAY).toISOString() });
    log(`overview: ${o.conversations} conversations, ${o.messages} messages, churn ready=${o.churn.ready}`);
    const ms = (x: number) => Math.round(x * 10) / 10;
    const result = {
      bench: 'analytics',
      customers: CUSTOMERS,
      interactions: INTERACTIONS,
      conversations,
      seedSeconds: ms(seedMs / 1000),
      fullRunSeconds: ms(full.durationMs / 1000),
      fullRunPhasesMs: full.phasesMs,
      incrementalRunMs: incremental.durationMs,
      overviewRangeDays: 98,
      overviewColdMs: { p50: ms(percentile(cold, 50)), p99: ms(percentile(cold, 99)) },
      overviewWarmMs: { p50: ms(percentile(warm, 50)), p99: ms(percentile(warm, 99)) },
      overviewConversations: o.conversations,
      overviewMessages: o.messages,
      churn: o.churn.ready ? { auc: o.churn.auc, atRisk: o.churn.atRisk } : o.churn,
      segments: o.segments.ready ? o.segments.k : null,
      meetsBudget: percentile(cold, 99) <= 500,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await stores.close();
    if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
  }
}
