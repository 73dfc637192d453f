import { jest } from '@jest/globals';
import { Registry } from 'prom-client';
import type { Intent, Message } from '../../core/index.js';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { keywordUnderstander } from '../test-support/keyword-understanding.js';
import { actionBackend, hang, json, type ActionBackend } from '../test-support/action-backend.js';
import { createActionRunner, type ActionRunner } from './action-runner.js';

jest.setTimeout(20_000);

let backend: ActionBackend;
let h: Harness;
let runner: ActionRunner;
let registry: Registry;
const warnings: Array<Record<string, unknown>> = [];

const NAMES = ['good', 'html', 'callback', 'slow', 'dead', 'busy', 'broken'];
const nlu = keywordUnderstander([
  { name: 'greeting', phrases: ['hello'] },
  ...NAMES.map((name) => ({ name, phrases: [`${name} please`] })),
]);

beforeAll(async () => {
  backend = await actionBackend({
    '/good': json({ text: 'Backend says hi', suggestions: [{ label: 'More', text: 'more' }] }),
    '/html': json({ text: '<img src=x onerror=alert(1)>' }),
    '/callback': json({ text: 'Let me get someone', handoff: true }),
    '/slow': hang,
    '/dead': hang,
    '/busy': hang,
    '/broken': json({ nope: true }),
  });
});
afterAll(async () => backend.close());

beforeEach(async () => {
  warnings.length = 0;
  registry = new Registry();
  h = await openHarness({
    openStores,
    nlu,
    policy: { escalateNegativeStreak: 0 },
    actions: (stores) => (runner = createActionRunner({ stores, secret: 'test-secret', logger: { warn: (o) => void warnings.push(o as Record<string, unknown>) }, registry, resetTimeoutMs: 60_000 })),
  });
  const http = (name: string, extra: object = {}): Intent => ({
    name,
    utterances: [`${name} please`],
    answer: `Fallback for ${name}.`,
    action: { type: 'http', url: backend.url(`/${name}`), ...extra },
  });
  await h.stores.intents.putIntent({ name: 'greeting', utterances: ['hello'], answer: 'Hello!' });
  for (const name of ['good', 'html', 'callback', 'broken']) await h.stores.intents.putIntent(http(name));
  await h.stores.intents.putIntent(http('slow', { timeoutMs: 1500 }));
  await h.stores.intents.putIntent(http('dead', { timeoutMs: 300 }));
  await h.stores.intents.putIntent(http('busy', { timeoutMs: 1500, maxConcurrent: 1 }));
});
afterEach(async () => h.close());

const turn = async (customerId: string, text: string): Promise<Message[]> => (await h.dialogue.handle(h.inbound(customerId, text))).processed;
const texts = (ms: Message[]) => ms.map((m) => m.text);

describe('http intent actions in the dialogue', () => {
  it('replies with the backend text and suggestions, keeping HTML as text', async () => {
    const c = await h.newCustomer();
    const [reply] = await turn(c, 'good please');
    expect(reply).toMatchObject({ text: 'Backend says hi', suggestions: [{ label: 'More', text: 'more' }] });
    expect(texts(await turn(c, 'html please'))).toEqual(['<img src=x onerror=alert(1)>']);
    const body = JSON.parse(backend.calls.find((x) => x.path === '/good')!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ intent: 'good', text: 'good please', customer: { id: c } });
  });

  it('hands over when the backend asks for it', async () => {
    const c = await h.newCustomer();
    const replies = await turn(c, 'callback please');
    expect(texts(replies)[0]).toBe('Let me get someone');
    expect((await h.stores.conversations.findOpen(c))?.state).toBe('queued');
  });

  it('gives the intent fallback reply on a bad answer, logs it and counts it on /metrics', async () => {
    const c = await h.newCustomer();
    expect(texts(await turn(c, 'broken please'))).toEqual(['Fallback for broken.']);
    expect(warnings).toEqual([expect.objectContaining({ intent: 'broken', reason: 'schema' })]);
    const text = await registry.metrics();
    expect(text).toMatch(/parley_intent_actions_total\{intent="broken",type="http",outcome="schema"\} 1/);
  });

  it('never delays another conversation while one waits on a slow backend', async () => {
    const slow = await h.newCustomer();
    const other = await h.newCustomer();
    let slowDone = false;
    const waiting = turn(slow, 'slow please').then((r) => ((slowDone = true), r));
    await new Promise((r) => setTimeout(r, 100)); // the slow call is in flight
    expect(texts(await turn(other, 'hello'))).toEqual(['Hello!']);
    expect(texts(await turn(other, 'good please'))).toEqual(['Backend says hi']);
    expect(slowDone).toBe(false);
    expect(texts(await waiting)).toEqual(['Fallback for slow.']);
    expect(warnings).toEqual([expect.objectContaining({ intent: 'slow', reason: 'timeout' })]);
  });

  it('opens the circuit: a dead backend costs one timeout, later messages get the fallback at once', async () => {
    const [a, b] = [await h.newCustomer(), await h.newCustomer()];
    const before = backend.calls.filter((x) => x.path === '/dead').length;
    expect(texts(await turn(a, 'dead please'))).toEqual(['Fallback for dead.']);
    expect(runner.breakerState('dead')).toBe('open');
    expect(texts(await turn(b, 'dead please'))).toEqual(['Fallback for dead.']);
    expect(backend.calls.filter((x) => x.path === '/dead').length - before).toBe(1);
    expect(warnings.map((w) => w.reason)).toEqual(['timeout', 'open']);
  });

  it('bounds concurrency per action: a call over maxConcurrent gets the fallback without waiting', async () => {
    const [a, b] = [await h.newCustomer(), await h.newCustomer()];
    let firstDone = false;
    const first = turn(a, 'busy please').then((r) => ((firstDone = true), r));
    await new Promise((r) => setTimeout(r, 100));
    expect(texts(await turn(b, 'busy please'))).toEqual(['Fallback for busy.']);
    expect(firstDone).toBe(false);
    expect(warnings).toEqual([expect.objectContaining({ reason: 'busy' })]);
    await first;
  });

  it('without ACTIONS_SECRET never calls the backend', async () => {
    const unsigned = createActionRunner({ stores: h.stores, logger: { warn: () => undefined } });
    const before = backend.calls.length;
    const result = await unsigned.run({ intent: 'good', action: { type: 'http', url: backend.url('/good') }, text: 'x', language: 'en', conversationId: 'c1', entities: [], slots: {} });
    expect(result).toEqual({ kind: 'failed', reason: 'no_secret' });
    expect(backend.calls.length).toBe(before);
    unsigned.close();
  });
});
