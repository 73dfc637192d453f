export { createDialogue, type DialogueDeps } from './dialogue/create-dialogue.js';
export type { Logger } from './dialogue/context.js';
export { decide, DEFAULT_HANDOFF_INTENTS, type PolicyConfig, type PolicyAction, type PolicyOutcome, type PendingSlot } from './policy/decide.js';
export { fillTemplate, templateSlots, slotLabel } from './policy/slots.js';
export { replies } from './policy/replies.js';
export { createWebhookRouter, type WebhookRouterDeps } from './channels/webhook-router.js';
export { startWebhookCallbacks, type WebhookCallbackOptions, type WebhookCallbackBody } from './channels/webhook-callback.js';
export { createBotFrameworkRouter, type BotFrameworkRouterDeps } from './channels/botframework-router.js';
