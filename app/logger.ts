import { pino, type Logger } from 'pino';

/** Paths never written to logs: credentials, tokens and customer PII. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.visitorToken',
  '*.email',
  '*.hmac',
  'password',
  'token',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { service: 'parley' } });
}

export type { Logger };
