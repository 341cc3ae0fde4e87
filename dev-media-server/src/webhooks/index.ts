// Placeholder until the webhook sender lands: no webhooks are sent.
import type { WebhookNotifier, WebhookNotifierOptions } from '../context.js';

export function createWebhookNotifier(_opts: WebhookNotifierOptions): WebhookNotifier {
  return { close: async () => undefined };
}
