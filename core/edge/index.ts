/**
 * The edge between transports and the rest: socket acks and JSON bodies in the common error shape, one logger type.
 * Server-only (express): not re-exported from core/index.ts, which the browser bundles read.
 */
export { withAck, type AckOptions } from './with-ack.js';
export { jsonBody } from './json-body.js';
export type { Logger } from '../ports/logger.js';
