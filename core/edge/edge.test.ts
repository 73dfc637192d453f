import { describe, expect, it, jest } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { ParleyError, toErrorBody } from '../index.js';
import { jsonBody, withAck } from './index.js';

const call = (listener: (...args: unknown[]) => void, ...args: unknown[]): Promise<unknown> =>
  new Promise((resolve) => listener(...args, resolve));

describe('withAck', () => {
  it('payload first, ack last; no payload means the ack comes alone', async () => {
    const seen: unknown[] = [];
    const listener = withAck(async (p) => (seen.push(p), { echoed: true }), { event: 'x' });
    expect(await call(listener, { a: 1 })).toEqual({ ok: true, echoed: true });
    expect(await call(listener)).toEqual({ ok: true, echoed: true });
    expect(seen).toEqual([{ a: 1 }, undefined]);
  });

  it('catalogue errors ack in the common shape; unexpected ones are logged and hidden', async () => {
    const error = jest.fn();
    expect(await call(withAck(async () => { throw new ParleyError('ERR_CONVERSATION_NOT_FOUND'); }, { event: 'claim', logger: { error } }), {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'ERR_CONVERSATION_NOT_FOUND' }),
    });
    expect(error).not.toHaveBeenCalled();
    expect(await call(withAck(async () => { throw new Error('db password is hunter2'); }, { event: 'claim', logger: { error } }), {})).toEqual({
      ok: false,
      error: { code: 'ERR_INTERNAL', message: expect.any(String) },
    });
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('a listener without an ack callback never throws', async () => {
    const listener = withAck(async () => { throw new Error('boom'); }, { event: 'typing' });
    expect(() => listener({})).not.toThrow();
  });
});

describe('jsonBody', () => {
  const app = (tooLarge?: 'ERR_IMPORT_TOO_LARGE') => {
    const a = express();
    a.post('/', jsonBody('1kb', tooLarge), (req, res) => res.json(req.body));
    a.use(((err, _req, res, _next) => {
      const { status, body } = toErrorBody(err);
      res.status(status).json({ error: body });
    }) as express.ErrorRequestHandler);
    return a;
  };

  it('malformed JSON is ERR_VALIDATION with an issue; oversize is the chosen code', async () => {
    const bad = await request(app()).post('/').set('Content-Type', 'application/json').send('{"a":');
    expect([bad.status, bad.body.error.code, bad.body.error.details.issues[0].path]).toEqual([400, 'ERR_VALIDATION', '(body)']);
    const big = await request(app()).post('/').send({ a: 'x'.repeat(2000) });
    expect([big.status, big.body.error.code]).toEqual([413, 'ERR_PAYLOAD_TOO_LARGE']);
    const bigImport = await request(app('ERR_IMPORT_TOO_LARGE')).post('/').send({ a: 'x'.repeat(2000) });
    expect(bigImport.body.error.code).toBe('ERR_IMPORT_TOO_LARGE');
    expect((await request(app()).post('/').send({ a: 1 })).body).toEqual({ a: 1 });
  });
});
