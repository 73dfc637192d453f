import { describe, expect, it } from '@jest/globals';
import { createFieldCipher, hmacHex, newId, parseOrThrow, ParleyError, safeEqual, toErrorBody, widgetCsatSchema, widgetEscalateSchema, widgetMessageSchema } from './index.js';

const codeOf = (fn: () => unknown) => {
  try { fn(); return null; } catch (e) { return (e as ParleyError).code; }
};

describe('ids', () => {
  it('sort by creation time', () => {
    const a = newId(1_000);
    const b = newId(2_000);
    expect(a < b).toBe(true);
    expect(newId()).not.toBe(newId());
  });
});

describe('message text rule', () => {
  it('trims and stores the trimmed text', () => {
    expect(parseOrThrow(widgetMessageSchema, { clientMessageId: 'm1', text: '  hi  ' }).text).toBe('hi');
  });
  it('counts code points, not UTF-16 units', () => {
    const emoji = '😀'.repeat(4000);
    expect(parseOrThrow(widgetMessageSchema, { clientMessageId: 'm1', text: emoji }).text).toBe(emoji);
    expect(codeOf(() => parseOrThrow(widgetMessageSchema, { clientMessageId: 'm1', text: emoji + 'x' }))).toBe('ERR_MESSAGE_TOO_LONG');
  });
  it('refuses ill-formed UTF-16 (lone surrogates) with ERR_VALIDATION instead of storing U+FFFD', () => {
    for (const text of ['hi \uD800 there', 'x\uDC00', '\uD83D']) {
      expect(codeOf(() => parseOrThrow(widgetMessageSchema, { clientMessageId: 'm1', text }))).toBe('ERR_VALIDATION');
    }
    expect(parseOrThrow(widgetMessageSchema, { clientMessageId: 'm1', text: 'ok \uD83D\uDE00' }).text).toBe('ok 😀');
    expect(codeOf(() => parseOrThrow(widgetCsatSchema, { conversationId: 'c', score: 5, comment: 'a\uDFFF' }))).toBe('ERR_VALIDATION');
    expect(codeOf(() => parseOrThrow(widgetEscalateSchema, { reason: '\uD800' }))).toBe('ERR_VALIDATION');
  });
  it('empty text and unknown keys are ERR_VALIDATION with issues', () => {
    expect(codeOf(() => parseOrThrow(widgetMessageSchema, { clientMessageId: 'm1', text: '   ' }))).toBe('ERR_VALIDATION');
    try {
      parseOrThrow(widgetMessageSchema, { clientMessageId: 'm1', text: 'hi', extra: 1 });
    } catch (e) {
      expect((e as ParleyError).details?.issues?.length).toBeGreaterThan(0);
    }
    expect(codeOf(() => parseOrThrow(widgetMessageSchema, { clientMessageId: 'm1', text: 'hi', extra: 1 }))).toBe('ERR_VALIDATION');
  });
});

describe('errors', () => {
  it('maps catalogue codes to status and hides unknown errors', () => {
    expect(toErrorBody(new ParleyError('ERR_FAQ_NOT_FOUND', { id: 'x' }))).toEqual({
      status: 404,
      body: { code: 'ERR_FAQ_NOT_FOUND', message: expect.any(String), details: { id: 'x' } },
    });
    expect(toErrorBody(new Error('db password is hunter2')).body).toEqual({ code: 'ERR_INTERNAL', message: expect.not.stringContaining('hunter2') });
  });
});

describe('crypto', () => {
  it('encrypts fields with AES-GCM and detects tampering', () => {
    const c = createFieldCipher('k'.repeat(32));
    const sealed = c.encrypt('ann@example.com');
    expect(sealed).not.toContain('ann@example.com');
    expect(c.decrypt(sealed)).toBe('ann@example.com');
    expect(c.encrypt('x')).not.toBe(c.encrypt('x'));
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => c.decrypt(tampered)).toThrow();
    expect(() => createFieldCipher('other'.repeat(8)).decrypt(sealed)).toThrow();
  });
  it('hmac and constant-time compare', () => {
    const h = hmacHex('secret', 'user-1');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(safeEqual(h, hmacHex('secret', 'user-1'))).toBe(true);
    expect(safeEqual(h, hmacHex('secret', 'user-2'))).toBe(false);
    expect(safeEqual('a', 'ab')).toBe(false);
  });
});
