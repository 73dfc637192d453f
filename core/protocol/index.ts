export * from './widget.js';
export * from './agent.js';
export * from './rest.js';
