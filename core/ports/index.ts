export type * from './stores.js';
export type * from './embedder.js';
export type * from './vector-index.js';
export type * from './understanding.js';
export type * from './channel.js';
export type * from './bus.js';
export type * from './cipher.js';
export type * from './dialogue.js';
