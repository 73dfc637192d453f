export * from './errors.js';
export * from './ids.js';
export * from './clock.js';
export * from './validation.js';
export * from './crypto.js';
export * from './events.js';
export * from './schemas/index.js';
export * from './protocol/index.js';
export type * from './ports/index.js';
