// Signed LiveKit webhooks for the room manager's events (see notifier.ts).
export { createWebhookNotifier } from './notifier.js';
export { signWebhookBody } from './sign.js';
