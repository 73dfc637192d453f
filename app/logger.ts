import { pino, transport, type Logger } from 'pino';

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

export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines for machines (production, tests, log shippers); `pretty` for a developer's terminal: pino-pretty in
 * pino's transport thread, so formatting costs the event loop nothing. Redaction happens before either.
 */
export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  const options = { level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { service: 'parley' } };
  if (format === 'json' || level === 'silent') return pino(options);
  return pino(options, transport({ target: 'pino-pretty', options: { colorize: process.stdout.isTTY === true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } }));
}

export type { Logger };
