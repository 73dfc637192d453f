import { jest } from '@jest/globals';
import { hmacHex, type HttpAction } from '../../core/index.js';
import { actionBackend, hang, json, type ActionBackend } from '../test-support/action-backend.js';
import { ActionFailure, callHttpAction, MAX_ACTION_RESPONSE_BYTES } from './http-action.js';

jest.setTimeout(15_000);
const SECRET = 'actions-secret-for-tests';
let backend: ActionBackend;

beforeAll(async () => {
  backend = await actionBackend({
    '/ok': json({ text: 'Your order ships tomorrow', suggestions: [{ label: 'Track', text: 'track it' }], extra: 'ignored' }),
    '/html': json({ text: '<script>alert(1)</script><b>bold</b>' }),
    '/redirect': (res) => void res.writeHead(302, { location: '/ok' }).end(),
    '/error': json({ text: 'boom' }, 500),
    '/not-json': (res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops</html>'),
    '/schema': json({ text: 42 }),
    '/empty': json({}),
    '/slow': hang,
    // Chunked without content-length: the cap must hold while streaming, not trust a header.
    '/huge': (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(16 * 1024);
      res.write('{"text":"');
      for (let i = 0; i < 8; i++) res.write(chunk);
      res.end('"}');
    },
    '/huge-declared': (res) => void res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MAX_ACTION_RESPONSE_BYTES + 10) }).end('{"text":"'.padEnd(MAX_ACTION_RESPONSE_BYTES + 8, 'y') + '"}'),
  });
});
afterAll(async () => backend.close());

const action = (path: string, extra: Partial<HttpAction> = {}): HttpAction => ({ type: 'http', url: backend.url(path), ...extra });
const reason = async (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: unknown) => (e instanceof ActionFailure ? e.reason : `other: ${String(e)}`));

describe('callHttpAction', () => {
  it('signs exactly the bytes it sends and returns the validated answer', async () => {
    const body = JSON.stringify({ intent: 'order_status', text: 'where is my order? 包裹' });
    const answer = await callHttpAction(action('/ok'), body, SECRET);
    expect(answer).toEqual({ text: 'Your order ships tomorrow', suggestions: [{ label: 'Track', text: 'track it' }] });
    const call = backend.calls.find((c) => c.path === '/ok')!;
    expect(call.body).toBe(body);
    expect(call.signature).toBe(hmacHex(SECRET, body));
  });

  it('keeps HTML as text (channels show it as text)', async () => {
    expect((await callHttpAction(action('/html'), '{}', SECRET)).text).toBe('<script>alert(1)</script><b>bold</b>');
  });

  it('refuses redirects, errors, non-JSON, wrong shapes and empty answers', async () => {
    expect(await reason(callHttpAction(action('/redirect'), '{}', SECRET))).toBe('redirect');
    expect(backend.calls.filter((c) => c.path === '/ok')).toHaveLength(1); // the redirect was not followed
    expect(await reason(callHttpAction(action('/error'), '{}', SECRET))).toBe('status');
    expect(await reason(callHttpAction(action('/not-json'), '{}', SECRET))).toBe('not_json');
    expect(await reason(callHttpAction(action('/schema'), '{}', SECRET))).toBe('schema');
    expect(await reason(callHttpAction(action('/empty'), '{}', SECRET))).toBe('schema');
    expect(await reason(callHttpAction(action('/missing'), '{}', SECRET))).toBe('status');
  });

  it('refuses an answer over 64 KB, streamed or declared', async () => {
    expect(await reason(callHttpAction(action('/huge'), '{}', SECRET))).toBe('too_large');
    expect(await reason(callHttpAction(action('/huge-declared'), '{}', SECRET))).toBe('too_large');
  });

  it('times out on its own signal', async () => {
    const started = Date.now();
    expect(await reason(callHttpAction(action('/slow', { timeoutMs: 200 }), '{}', SECRET))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a refused connection as a network failure', async () => {
    expect(await reason(callHttpAction({ type: 'http', url: 'http://127.0.0.1:9/' }, '{}', SECRET))).toBe('network');
  });
});
