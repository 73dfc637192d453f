/**
 * npm run demo:seed — a realistic synthetic month of customers and conversations, played
 * through the REAL dialogue manager (NLU, FAQ retrieval, policy, handoff, CSAT), so the
 * staff console's dashboard is populated on a fresh install. Options: --customers N (300),
 * --days N (30), --seed N. Uses the same configuration (DATA_DIR, STORE...) as `npm start`;
 * run it while the server is stopped (embedded store). Customers also get a year of orders (OrderStore,
 * demo-orders.ts). Then runs a full analytics pass.
 * Progress on stderr, last stdout line is one JSON summary.
 */
import { faker } from '@faker-js/faker';
import { createFieldCipher, type Assignee, type Clock, type Customer, type DialogueApi, type Stores } from '../../core/index.js';
import { openEmbeddedStores, openMongoStores } from '../../stores/index.js';
import { createNluService } from '../../nlu/index.js';
import { createKnowledgeService } from '../../knowledge/index.js';
import { createDialogue } from '../../bot/index.js';
import { createAnalytics } from '../../analytics/index.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { seedDemoContent, trainFirstModel } from '../seed-demo.js';
import { seedDemoOrders } from './demo-orders.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CUSTOMERS = arg('customers', 300);
const DAYS = arg('days', 30);
faker.seed(arg('seed', 42));
const log = (msg: string) => process.stderr.write(`${msg}\n`);
const MIN = 60_000;

/** What customers say, by kind of visit. */
const SCRIPTS = {
  greetings: ['hi', 'hello', 'good morning', 'hey there', 'hello, I need some help'],
  faq: [
    'How long does shipping take?', 'how much is shipping', 'do you ship to Canada?', 'how can I return an item',
    'when will I get my refund', 'which payment methods do you accept', 'why was my card declined',
    'can I change my order', 'my item arrived damaged', 'what warranty do you offer', 'how do I use a discount code',
    'how do I find the right size',
  ],
  intents: [
    'where is my order #A12345', 'track my order', 'I forgot my password', "can't sign in to my account",
    'what are your opening hours', 'are you open on sunday', 'cancel my subscription', 'I want a refund',
  ],
  unanswered: [
    'can I pay with bitcoin', 'do you have a shop in Lisbon', 'is the blue jacket waterproof', 'do you sell gift cards',
    'can I pick up my order in store', 'do you offer student discounts', 'is there a loyalty program',
    'can I pay in crypto?', 'gift card available?', 'any discount for students?',
  ],
  angry: [
    'This is ridiculous, my order is two weeks late and nobody answers!!',
    'Terrible service, I was charged twice and I am furious',
    'Your app is useless, I cannot log in for the third time this week',
    'I am very angry, the parcel arrived broken and no one helps me',
  ],
  human: ['talk to a human', 'I want to speak to a real person', 'agent please', 'connect me to an agent'],
  thanks: ['thanks', 'thank you so much', 'great, thanks', 'cheers'],
  agent: ['Hi, I am sorry about that. Let me check.', 'I have fixed it on our side, you should see it now.', 'Refund issued, it will arrive in 3-5 days.'],
};
type Kind = 'faq' | 'intent' | 'unanswered' | 'angry' | 'human';
const KINDS: [Kind, number][] = [['faq', 0.35], ['intent', 0.55], ['unanswered', 0.7], ['angry', 0.85], ['human', 1]];

class SimClock implements Clock {
  constructor(public t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  tick(minMs: number, maxMs: number): void {
    this.t += faker.number.int({ min: minMs, max: maxMs });
  }
}

async function openStores(): Promise<{ stores: Stores; config: ReturnType<typeof loadConfig> }> {
  const config = loadConfig();
  const cipher = createFieldCipher(config.encryptionKey, config.encryptionKeyPrevious);
  const stores =
    config.store === 'mongo'
      ? await openMongoStores({ uri: config.mongodbUri ?? '', cipher })
      : await openEmbeddedStores({ dataDir: config.dataDir, cipher });
  return { stores, config };
}

async function say(dialogue: DialogueApi, clock: SimClock, customerId: string, text: string, n: number): Promise<void> {
  clock.tick(20_000, 90_000);
  const res = await dialogue.handle({ channel: 'widget', customerId, senderKey: `customer:${customerId}`, clientMessageId: `demo-${n}`, text });
  await res.processed;
}

async function main() {
  const { stores, config } = await openStores();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const knowledge = await createKnowledgeService({
    store: stores.knowledge, dataDir: config.dataDir, modelsDir: config.modelsDir, embeddingModel: config.embeddingModel, logger,
  });
  const nlu = await createNluService({ intents: stores.intents, models: stores.nluModels, logger });
  await seedDemoContent({ stores, knowledge, logger });
  await trainFirstModel({ stores, nlu, logger });
  if (!nlu.status().modelVersion) log('warning: no trained NLU model: intents will fall back (retrain from the console)');
  const end = Date.now();
  const clock = new SimClock(end - DAYS * 86_400_000);
  const dialogue = createDialogue({ stores, nlu, knowledge, policy: config.policy, clock, logger });
  const agents: Assignee[] = Array.from({ length: 4 }, (_, i) => ({ id: `demo-agent-${i + 1}`, name: faker.person.firstName() }));

  // Visits spread over the period; some customers turn sour and go quiet (churn signal).
  const visits: { at: number; customer: number; kind: Kind }[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const sour = faker.number.float() < 0.2;
    const count = faker.number.int({ min: 1, max: 5 });
    for (let v = 0; v < count; v++) {
      const span = sour ? 0.6 : 1;
      const at = clock.t + faker.number.float({ min: 0, max: span }) * DAYS * 86_400_000;
      const r = faker.number.float();
      const kind = sour && v === count - 1 ? 'angry' : KINDS.find(([, p]) => r < p)![0];
      visits.push({ at, customer: c, kind });
    }
  }
  visits.sort((a, b) => a.at - b.at);
  const customerIds: string[] = [];
  const created: Customer[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const customer = await stores.customers.create({
      name: `${first} ${last}`,
      email: faker.internet.email({ firstName: first, lastName: last }).toLowerCase(),
      externalId: `identity:demo-${faker.string.alphanumeric(10)}`,
    });
    customerIds.push(customer.id);
    created.push(customer);
  }
  const purchases = await seedDemoOrders(stores, created, end);
  log(`${purchases.orders} orders (${purchases.lines} lines) over ${purchases.products} products`);

  let n = 0;
  let handedOff = 0;
  for (const [i, v] of visits.entries()) {
    clock.t = Math.max(clock.t, v.at);
    const customerId = customerIds[v.customer]!;
    const pick = (xs: string[]) => faker.helpers.arrayElement(xs);
    if (faker.number.float() < 0.6) await say(dialogue, clock, customerId, pick(SCRIPTS.greetings), n++);
    if (v.kind === 'faq') await say(dialogue, clock, customerId, pick(SCRIPTS.faq), n++);
    if (v.kind === 'intent') await say(dialogue, clock, customerId, pick(SCRIPTS.intents), n++);
    if (v.kind === 'unanswered') {
      await say(dialogue, clock, customerId, pick(SCRIPTS.unanswered), n++);
      if (faker.number.float() < 0.5) await say(dialogue, clock, customerId, pick(SCRIPTS.unanswered), n++);
    }
    if (v.kind === 'angry') {
      await say(dialogue, clock, customerId, pick(SCRIPTS.angry), n++);
      await say(dialogue, clock, customerId, pick(SCRIPTS.angry), n++);
    }
    if (v.kind === 'human') await say(dialogue, clock, customerId, pick(SCRIPTS.human), n++);
    const conv = await stores.conversations.findOpen(customerId);
    if (!conv) continue;
    let score: number;
    if (conv.state === 'queued' || v.kind === 'angry' || v.kind === 'human') {
      // An agent picks it up after a wait, answers, and closes.
      const agent = faker.helpers.arrayElement(agents);
      if (conv.state === 'queued' || conv.state === 'bot') {
        clock.tick(MIN, 25 * MIN);
        await dialogue.claim(conv.id, agent);
        clock.tick(30_000, 3 * MIN);
        await dialogue.agentMessage({ conversationId: conv.id, agent, clientMessageId: `demo-agent-${handedOff}`, text: pick(SCRIPTS.agent) });
        clock.tick(2 * MIN, 20 * MIN);
        await dialogue.close(conv.id, agent);
        handedOff++;
      }
      score = v.kind === 'angry' ? faker.helpers.arrayElement([1, 1, 2, 2, 3, 4]) : faker.helpers.arrayElement([3, 4, 4, 5, 5]);
    } else {
      if (faker.number.float() < 0.5) await say(dialogue, clock, customerId, pick(SCRIPTS.thanks), n++);
      clock.tick(MIN, 10 * MIN);
      await dialogue.close(conv.id, { id: 'demo-auto-close', name: 'Auto close' }, { isAdmin: true });
      score = v.kind === 'unanswered' ? faker.helpers.arrayElement([1, 2, 3, 3, 4]) : faker.helpers.arrayElement([3, 4, 5, 5, 5]);
    }
    if (faker.number.float() < 0.6) {
      clock.tick(30_000, 5 * MIN);
      await dialogue.submitCsat(customerId, { conversationId: conv.id, score });
    }
    if (i % 100 === 99) log(`${i + 1}/${visits.length} visits, ${n} messages`);
  }
  await dialogue.drain();

  const analytics = createAnalytics({ stores, logger, options: { settleMs: 0 } });
  const report = await analytics.run({ full: true });
  const overview = await analytics.overview({ from: new Date(end - DAYS * 86_400_000).toISOString() });
  await knowledge.close();
  await stores.close();
  process.stdout.write(
    `${JSON.stringify({
      demoSeed: true,
      customers: CUSTOMERS,
      visits: visits.length,
      customerMessages: n,
      handedOff,
      purchases,
      topIntents: overview.intents.slice(0, 5).map((x) => `${x.intent}:${x.volume}`),
      analytics: { activeDays: overview.daily.filter((d) => d.conversations > 0).length, conversations: overview.conversations, messages: overview.messages, automationRate: overview.automationRate, csat: overview.csat.average, churnReady: overview.churn.ready, segments: overview.segments.ready ? overview.segments.k : null, runMs: report.durationMs },
    })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
