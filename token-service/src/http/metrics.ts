// What operators see at GET /metrics (Prometheus text format, prom-client): pages and users on this
// process, calls ringing and active, ring outcomes, room rings, invites, webhook events and request
// latency by route. Gauges of calls are changed by the process that made the change, so with
// several processes their sum is the truth (`sum(timio_calls_ringing)`). One registry per service.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CallInfo } from '#protocol/realtime.js';
import { ApiError } from './errors.js';

const WEBHOOK_EVENTS = new Set(['room_started', 'room_finished', 'participant_joined', 'participant_left', 'track_published', 'track_unpublished', 'egress_started', 'egress_updated', 'egress_ended', 'ingress_started', 'ingress_ended']);

export interface LiveCounts { pages: number; users: number }

export class Metrics {
  readonly registry = new Registry();
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  private readonly ringing: Gauge;
  private readonly active: Gauge;
  private readonly outcomes: Counter<'outcome'>;
  private readonly roomRings: Counter;
  private readonly invites: Counter<'action'>;
  private readonly webhooks: Counter<'event'>;

  constructor(live: () => LiveCounts | undefined) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'timio_' });
    new Gauge({ name: 'timio_pages_open', help: 'Portal pages with a realtime connection to this process', registers, collect() { this.set(live()?.pages ?? 0); } });
    new Gauge({ name: 'timio_users_online', help: 'Users with at least one page on this process', registers, collect() { this.set(live()?.users ?? 0); } });
    this.ringing = new Gauge({ name: 'timio_calls_ringing', help: 'Calls ringing (sum over processes)', registers });
    this.active = new Gauge({ name: 'timio_calls_active', help: 'Calls answered and running (sum over processes)', registers });
    this.outcomes = new Counter({ name: 'timio_call_outcomes_total', help: 'Ended calls by outcome', labelNames: ['outcome'], registers });
    this.roomRings = new Counter({ name: 'timio_room_rings_total', help: 'Rooms rung ("call all members")', registers });
    this.invites = new Counter({ name: 'timio_invites_total', help: 'Guest invites made and revoked', labelNames: ['action'], registers });
    this.webhooks = new Counter({ name: 'timio_webhook_events_total', help: 'Verified LiveKit webhook events by type', labelNames: ['event'], registers });
    this.http = new Histogram({
      name: 'timio_http_request_duration_seconds', help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers,
    });
  }

  request(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status: String(status) }, seconds);
  }

  /** A call changed state on this process (`before` undefined: it was just placed). */
  call(before: CallInfo | undefined, after: CallInfo): void {
    if (before?.state === after.state) return;
    if (before?.state === 'ringing') this.ringing.dec();
    if (before?.state === 'active') this.active.dec();
    if (after.state === 'ringing') this.ringing.inc();
    if (after.state === 'active') this.active.inc();
    if (after.state === 'ended') this.outcomes.inc({ outcome: after.outcome ?? 'failed' });
  }

  roomRung(): void {
    this.roomRings.inc();
  }

  invite(action: 'created' | 'revoked'): void {
    this.invites.inc({ action });
  }

  webhook(event: string | undefined): void {
    this.webhooks.inc({ event: event && WEBHOOK_EVENTS.has(event) ? event : 'other' });
  }
}

/**
 * GET /metrics, for the scraper holding METRICS_TOKEN (as a bearer token). Without the setting the
 * endpoint does not exist (404): the figures say who is online.
 */
export function metricsEndpoint(metrics: Metrics, token: string | undefined): RequestHandler {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const expected = token ? digest(`Bearer ${token}`) : undefined;
  return (req, res, next) => {
    if (!expected) return next(new ApiError(404, 'not_found', 'no such endpoint'));
    if (!timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      return next(new ApiError(401, 'unauthorized', 'send the METRICS_TOKEN as "Authorization: Bearer <token>"'));
    }
    res.setHeader('Cache-Control', 'no-store');
    metrics.registry.metrics().then((text) => {
      res.type(metrics.registry.contentType).send(text);
    }, next);
  };
}
