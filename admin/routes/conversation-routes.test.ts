import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { newToken } from '../../core/index.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';

let h: AdminHarness;
let admin: { auth: string };
let agent: { auth: string };
beforeEach(async () => {
  h = await openAdminHarness();
  admin = await h.staff('admin');
  agent = await h.staff('agent');
});
afterEach(async () => h.close());

let seq = 0;
async function say(customerId: string, text: string) {
  const r = await h.dialogue.handle({ channel: 'widget', customerId, clientMessageId: `c${++seq}`, senderKey: `customer:${customerId}`, text });
  await r.processed;
  return r;
}

/** A customer whose two unanswerable messages (the model is untrained) escalate the conversation. */
async function escalatedCustomer(name = 'Zoe Client') {
  const customer = await h.stores.customers.create({ visitorToken: newToken(), name, email: 'zoe@example.com' });
  await say(customer.id, 'Qwzx plok vrim?');
  const r = await say(customer.id, 'qwzx  PLOK vrim');
  return { customerId: customer.id, conversationId: r.conversationId };
}

describe('/api/conversations', () => {
  it('lists summaries by state and shows one conversation with each message analysis', async () => {
    const { customerId, conversationId } = await escalatedCustomer();
    const queued = await request(h.app).get('/api/conversations?state=queued').set('Authorization', agent.auth).expect(200);
    expect(queued.body.nextCursor).toBeNull();
    expect(queued.body.items).toEqual([
      expect.objectContaining({ id: conversationId, state: 'queued', assignee: null, customer: { id: customerId, name: 'Zoe Client', email: 'zoe@example.com' }, waitingSince: expect.any(String) }),
    ]);
    expect((await request(h.app).get('/api/conversations?state=closed').set('Authorization', agent.auth)).body.items).toEqual([]);
    const bad = await request(h.app).get('/api/conversations?state=open').set('Authorization', agent.auth);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'ERR_VALIDATION']);

    const one = await request(h.app).get(`/api/conversations/${conversationId}`).set('Authorization', agent.auth).expect(200);
    const customerMsgs = one.body.messages.filter((m: { author: string }) => m.author === 'customer');
    expect(customerMsgs).toHaveLength(2);
    expect(customerMsgs[0].analysis).toMatchObject({ decision: 'fallback', sentiment: expect.any(Object) });
    expect(customerMsgs[1].analysis.decision).toBe('escalate');
    expect(one.body.events.map((e: { event: string }) => e.event)).toEqual(['escalate']);
    expect((await request(h.app).get('/api/conversations/nope').set('Authorization', agent.auth)).body.error.code).toBe('ERR_CONVERSATION_NOT_FOUND');
    expect((await request(h.app).get('/api/conversations')).status).toBe(401);
  });

  it('gives agents the customer side panel and FAQ suggestions for the last customer message', async () => {
    await request(h.app).post('/api/faqs').set('Authorization', admin.auth).send({ id: 'returns', question: 'How do I return an item?', answer: 'Use the returns portal.' }).expect(201);
    const customer = await h.stores.customers.create({ visitorToken: newToken(), name: 'Max' });
    const conv = await h.dialogue.escalate(customer.id, 'widget', 'asked');
    await say(customer.id, 'how do I return an item I bought');
    const panel = await request(h.app).get(`/api/conversations/${conv.id}/customer`).set('Authorization', agent.auth).expect(200);
    expect(panel.body.customer).toMatchObject({ id: customer.id, name: 'Max' });
    expect(panel.body.conversations.map((c: { id: string }) => c.id)).toEqual([conv.id]);
    expect(panel.body.csatHistory).toEqual([]);
    const sug = await request(h.app).get(`/api/conversations/${conv.id}/suggestions`).set('Authorization', agent.auth).expect(200);
    expect(sug.body.items[0]).toMatchObject({ faqId: 'returns', answer: 'Use the returns portal.' });
  });
});

describe('/api/customers', () => {
  it('shows profile + timeline, exports everything, and erases the customer everywhere (admin only)', async () => {
    const { customerId, conversationId } = await escalatedCustomer();
    expect((await request(h.app).get(`/api/customers/${customerId}`).set('Authorization', agent.auth)).status).toBe(403);
    const profile = await request(h.app).get(`/api/customers/${customerId}`).set('Authorization', admin.auth).expect(200);
    expect(profile.body.customer).toMatchObject({ id: customerId, name: 'Zoe Client', email: 'zoe@example.com' });
    expect(profile.body.conversations[0]).toMatchObject({ id: conversationId, state: 'queued', escalated: true });
    expect(profile.body.timeline).toHaveLength(2);
    // From analytics: not enough history for a churn model yet, and it says so.
    expect(profile.body.churnRisk).toMatchObject({ ready: false });

    const exported = await request(h.app).get(`/api/customers/${customerId}/export`).set('Authorization', admin.auth).expect(200);
    expect(exported.body.customer.id).toBe(customerId);
    expect(exported.body.conversations[0].messages.some((m: { text: string }) => m.text === 'Qwzx plok vrim?')).toBe(true);
    expect(exported.body.interactions).toHaveLength(2);

    await request(h.app).delete(`/api/customers/${customerId}`).set('Authorization', admin.auth).expect(204);
    expect(await h.stores.customers.get(customerId)).toBeNull();
    expect(await h.stores.conversations.get(conversationId)).toBeNull();
    expect(await h.stores.interactions.count({ customerId })).toBe(0);
    expect((await request(h.app).get(`/api/customers/${customerId}`).set('Authorization', admin.auth)).body.error.code).toBe('ERR_CUSTOMER_NOT_FOUND');
    expect((await request(h.app).delete(`/api/customers/${customerId}`).set('Authorization', admin.auth)).status).toBe(404);
    const actions = (await h.stores.audit.list()).items.map((e) => e.action).sort();
    expect(actions).toEqual(['customer.erase', 'customer.export']);
  });
});

describe('/api/analytics/overview', () => {
  it('delegates to analytics with a validated range (admin only)', async () => {
    await escalatedCustomer();
    await h.analytics.run({ full: true });
    const res = await request(h.app).get('/api/analytics/overview').set('Authorization', admin.auth).expect(200);
    expect(res.body).toMatchObject({ conversations: 1, escalationRate: 1 });
    const bad = await request(h.app).get('/api/analytics/overview?from=last-week').set('Authorization', admin.auth);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect((await request(h.app).get('/api/analytics/overview').set('Authorization', agent.auth)).status).toBe(403);
  });
});

describe('/api/unanswered', () => {
  it("clusters fallback/clarify questions through analytics, with customers' contact details masked", async () => {
    await escalatedCustomer('A');
    const other = await h.stores.customers.create({ visitorToken: newToken() });
    await say(other.id, 'QWZX plok vrim!!');
    const third = await h.stores.customers.create({ visitorToken: newToken() });
    await say(third.id, 'Where is the blue llama?');
    const fourth = await h.stores.customers.create({ visitorToken: newToken() });
    await say(fourth.id, 'zorblat eve.private@example.com +1 415 555 0100 please');
    const res = await request(h.app).get('/api/unanswered').set('Authorization', admin.auth).expect(200);
    expect(res.body.nextCursor).toBeNull();
    // The escalating turn is not "unanswered" (a human took it), so the first customer counts once.
    expect(res.body.items[0]).toMatchObject({ count: 2, text: expect.stringMatching(/qwzx plok vrim/i), examples: expect.any(Array) });
    expect(res.body.items.map((g: { text: string }) => g.text.toLowerCase())).toEqual(expect.arrayContaining([expect.stringContaining('blue llama')]));
    const body = JSON.stringify(res.body);
    expect(body).not.toContain('eve.private@example.com');
    expect(body).not.toContain('555 0100');
    expect(body).toContain('[email]');
    const bad = await request(h.app).get('/api/unanswered?from=yesterday').set('Authorization', admin.auth);
    expect(bad.body.error.code).toBe('ERR_VALIDATION');
    expect((await request(h.app).get('/api/unanswered').set('Authorization', agent.auth)).status).toBe(403);
  });
});
