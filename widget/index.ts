export { attachWidgetNamespace } from './server/namespace.js';
export type { WidgetDeps, WidgetLimits, WidgetLogger, LimitRule } from './server/types.js';
export type { SessionPayload, SessionConversation } from './server/session.js';
export { buildWidgetBundle, WIDGET_GZIP_BUDGET } from './build/bundle.js';
export { demoPageHtml, type DemoPageOptions } from './demo/demo-page.js';
