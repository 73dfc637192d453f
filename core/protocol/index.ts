export * from './widget.js';
export * from './agent.js';
export * from './rest.js';
export * from './api-key-routes.js';
export * from './error-body.js';
export * from './outbound.js';
