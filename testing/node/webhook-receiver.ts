// An HTTP endpoint on 127.0.0.1 that accepts LiveKit webhooks only if livekit-server-sdk's
// WebhookReceiver verifies them, and records the events for tests to wait on.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { DEV_API_KEY, DEV_API_SECRET } from './tokens.js';
import { WAIT_MS } from '../wait.js';

export interface WebhookSink {
  url: string;
  events: WebhookEvent[];
  /** Requests refused because the signature or body did not verify. */
  rejected: string[];
  contentTypes: string[];
  waitFor(predicate: (e: WebhookEvent) => boolean, timeoutMs?: number, what?: string): Promise<WebhookEvent>;
  close(): Promise<void>;
}

export async function startWebhookSink(opts: { apiKey?: string; apiSecret?: string } = {}): Promise<WebhookSink> {
  const receiver = new WebhookReceiver(opts.apiKey ?? DEV_API_KEY, opts.apiSecret ?? DEV_API_SECRET);
  const events: WebhookEvent[] = [];
  const rejected: string[] = [];
  const contentTypes: string[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      contentTypes.push(req.headers['content-type'] ?? '');
      receiver.receive(body, req.headers.authorization).then(
        (event) => {
          events.push(event);
          for (const wake of waiters) wake();
          res.writeHead(200).end();
        },
        (err: unknown) => {
          rejected.push(err instanceof Error ? err.message : String(err));
          res.writeHead(401).end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/livekit/webhook`;
  return {
    url,
    events,
    rejected,
    contentTypes,
    waitFor(predicate, timeoutMs = WAIT_MS, what = 'webhook event') {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const wake = () => {
          const hit = events.find(predicate);
          if (!hit) return;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${events.map((e) => e.event).join(', ')}`));
        }, timeoutMs);
        waiters.add(wake);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
