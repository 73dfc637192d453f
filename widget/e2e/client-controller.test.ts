// Lives outside client/: the browser code may import only core/protocol and core/schemas, and this test needs the real server side.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io';
import { hmacHex, type DialogueApi, type Stores } from '../../core/index.js';
import type { WidgetTestServer } from '../test-support/socket-harness.js';
import { openKeywordWidgetFixture, type KeywordWidgetFixture } from '../test-support/keyword-fixture.js';
import { WidgetController } from '../client/controller.js';
import { memoryTokenStore } from '../client/storage.js';
import type { ViewState } from '../client/types.js';

const SECRET = 'controller-test-identity-secret';
let fixture: KeywordWidgetFixture;
let stores: Stores;
let dialogue: DialogueApi;
let server: WidgetTestServer;

beforeAll(async () => {
  fixture = await openKeywordWidgetFixture('parley-widget-client-', SECRET);
  ({ stores, dialogue, server } = fixture);
});

afterAll(() => fixture.close());

/** Resolves when the controller's state satisfies `ok` (guard timer only against hangs). */
function until(ctrl: WidgetController, ok: (s: ViewState) => boolean): Promise<ViewState> {
  return new Promise((resolve, reject) => {
    if (ok(ctrl.state)) return resolve(ctrl.state);
    const timer = setTimeout(() => (off(), reject(new Error(`state never matched: ${JSON.stringify(ctrl.state)}`))), 15_000);
    const off = ctrl.subscribe(() => {
      if (!ok(ctrl.state)) return;
      clearTimeout(timer);
      off();
      resolve(ctrl.state);
    });
  });
}

describe('widget controller (real server)', () => {
  it('chats, and a reload with the stored token shows the history', async () => {
    const tokens = memoryTokenStore();
    const ctrl = new WidgetController(server.url, tokens);
    const seen: unknown[] = [];
    ctrl.events.on('message', (m) => seen.push(m));
    ctrl.start(); // no token yet: stays idle until opened
    expect(ctrl.state.connection).toBe('idle');
    ctrl.open();
    await until(ctrl, (s) => s.connection === 'online');
    expect(tokens.get()).toEqual(expect.any(String));
    ctrl.send('hello');
    const state = await until(ctrl, (s) => s.items.some((i) => i.author === 'bot'));
    expect(state.items.map((i) => [i.author, i.text])).toEqual([
      ['customer', 'hello'],
      ['bot', 'Hello! How can I help you today?'],
    ]);
    expect(seen).toHaveLength(1);
    ctrl.destroy();

    const reloaded = new WidgetController(server.url, tokens);
    reloaded.start(); // a returning visitor reconnects at once
    const resumed = await until(reloaded, (s) => s.connection === 'online');
    expect(resumed.items.map((i) => i.text)).toEqual(['hello', 'Hello! How can I help you today?']);
    expect(resumed.conversation).toMatchObject({ state: 'bot' });
    reloaded.destroy();
  });

  it('a message whose ack was lost is retried with the same clientMessageId after reconnecting and stored once', async () => {
    let dropped = false;
    // Cut the connection right after the first customer message reaches the server, so its ack is lost.
    const onConnection = (socket: Socket): void => {
      socket.use(([event], next) => {
        next();
        if (event === 'message' && !dropped) {
          dropped = true;
          setImmediate(() => socket.disconnect(true));
        }
      });
    };
    server.io.of('/widget').on('connection', onConnection);
    const ctrl = new WidgetController(server.url, memoryTokenStore(), { retryMs: 100 });
    try {
      ctrl.open();
      await until(ctrl, (s) => s.connection === 'online');
      ctrl.send('where is my order 555555');
      await until(ctrl, (s) => s.connection === 'reconnecting');
      ctrl.send('thanks'); // typed while offline: queued, sent after the first
      const done = await until(ctrl, (s) => s.connection === 'online' && s.items.filter((i) => i.author === 'customer').every((i) => i.id && !i.delivery));
      const conversationId = done.conversation?.id as string;
      await dialogue.drain();
      const stored = await stores.conversations.recentMessages(conversationId);
      expect(stored.filter((m) => m.author === 'customer').map((m) => m.text)).toEqual(['where is my order 555555', 'thanks']);
      expect(dropped).toBe(true);
    } finally {
      server.io.of('/widget').off('connection', onConnection);
      ctrl.destroy();
    }
  });

  it('escalates and rates after close', async () => {
    const ctrl = new WidgetController(server.url, memoryTokenStore(), { retryMs: 100 });
    try {
      ctrl.open();
      await until(ctrl, (s) => s.connection === 'online');
      ctrl.escalate();
      const queued = await until(ctrl, (s) => s.conversation?.state === 'queued');
      const id = queued.conversation?.id as string;
      await dialogue.claim(id, { id: 'a1', name: 'Ann' });
      await until(ctrl, (s) => s.conversation?.agentName === 'Ann');
      await dialogue.close(id, { id: 'a1', name: 'Ann' });
      await until(ctrl, (s) => s.csat === 'pending');
      ctrl.rate(4, 'fine');
      await until(ctrl, (s) => s.csat === 'done');
      expect((await stores.conversations.get(id))?.csat).toMatchObject({ score: 4, comment: 'fine' });
    } finally {
      ctrl.destroy();
    }
  });

  it('identify() reconnects as the signed-in customer and keeps the conversation; a bad hmac falls back to anonymous', async () => {
    const ctrl = new WidgetController(server.url, memoryTokenStore(), { retryMs: 100 });
    const errors: unknown[] = [];
    ctrl.events.on('error', (e) => errors.push(e));
    try {
      ctrl.open();
      await until(ctrl, (s) => s.connection === 'online');
      ctrl.send('hello');
      const before = await until(ctrl, (s) => s.items.some((i) => i.author === 'bot'));
      const conversationId = before.conversation?.id as string;

      const nextSession = (): Promise<{ customerId: string }> =>
        new Promise((resolve) => {
          const off = ctrl.events.on('session', (payload) => (off(), resolve(payload as { customerId: string })));
        });
      let session = nextSession();
      ctrl.identify({ userId: 'ctrl-user', name: 'Lin', hmac: hmacHex(SECRET, 'ctrl-user') });
      const identified = await session;
      const owner = (await stores.conversations.get(conversationId))?.customerId as string;
      expect((await stores.customers.get(owner))?.externalId).toBe('identity:ctrl-user');
      expect(identified.customerId).toBe(owner);
      expect(ctrl.state.items.map((i) => i.text)).toEqual(['hello', 'Hello! How can I help you today?']);

      session = nextSession();
      ctrl.identify({ userId: 'someone-else', hmac: hmacHex('wrong-secret', 'someone-else') });
      const fallback = await session;
      expect(errors).toEqual([expect.objectContaining({ code: 'ERR_AUTH_IDENTITY' })]);
      // Still the previous customer (by the stored token), never "someone-else".
      expect(fallback.customerId).toBe(owner);
    } finally {
      ctrl.destroy();
    }
  });
});
