// Which tracks the dev media server forwards to a participant (dev-media-server/src/debug/
// forwarding.ts), read in-process from a server the test started or over HTTP from one started
// with debugEndpoints. Conference tests assert with it that only the tiles on screen get video.
import type { MediaServer } from '../../dev-media-server/src/server.js';
import { forwardingReport, type ForwardedTrack, type ForwardingReport } from '../../dev-media-server/src/debug/forwarding.js';
import { serverToken } from './tokens.js';
import { WAIT_MS } from '../wait.js';

export type { ForwardedTrack, ForwardingReport };

/** A server started in this process, or the ws:// or http:// URL of one with debugEndpoints. */
export type ForwardingSource = MediaServer | string;

export async function readForwarding(source: ForwardingSource, room: string, identity: string): Promise<ForwardingReport> {
  if (typeof source !== 'string') {
    const report = forwardingReport(source.rooms, room, identity);
    if (!report) throw new Error(`no participant ${identity} in room ${room}`);
    return report;
  }
  const base = source.replace(/^ws/, 'http').replace(/\/+$/, '');
  const query = new URLSearchParams({ room, identity });
  const res = await fetch(`${base}/debug/forwarding?${query}`, {
    headers: { Authorization: `Bearer ${await serverToken({ roomAdmin: true, room })}` },
  });
  if (!res.ok) throw new Error(`GET /debug/forwarding: ${res.status} ${await res.text()}`);
  return (await res.json()) as ForwardingReport;
}

/** Identities whose video (camera or screen share) packets currently flow to the participant. */
export function forwardedVideoFrom(report: ForwardingReport): string[] {
  return [...new Set(report.tracks.filter((t) => t.kind === 'video' && t.forwarding).map((t) => t.publisherIdentity))].sort();
}

/** Polls until `predicate(report)` holds; resolves with that report. */
export async function waitForForwarding(
  source: ForwardingSource,
  room: string,
  identity: string,
  predicate: (r: ForwardingReport) => boolean,
  opts: { timeoutMs?: number; what?: string } = {},
): Promise<ForwardingReport> {
  const deadline = Date.now() + (opts.timeoutMs ?? WAIT_MS);
  let last: ForwardingReport | undefined;
  for (;;) {
    last = await readForwarding(source, room, identity).catch(() => undefined);
    if (last && predicate(last)) return last;
    if (Date.now() > deadline) {
      const seen = last ? JSON.stringify(last.tracks.map((t) => `${t.publisherIdentity}/${t.source}:${t.forwarding ? 'on' : 'off'}`)) : 'no report';
      throw new Error(`forwarding to ${identity}: timed out waiting for ${opts.what ?? 'condition'}; last ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits for `wait` (a page waiting for the video of `publisher`); when it fails, the error also says
 * what the server forwards of `publisher` to `subscriber` and the subscriber's SDP.
 */
export async function explainedByForwarding<T>(wait: Promise<T>, source: ForwardingSource, room: string, subscriber: string, publisher: string): Promise<T> {
  try {
    return await wait;
  } catch (err) {
    const report = await readForwarding(source, room, subscriber).catch(() => undefined);
    const mine = report?.tracks.filter((t) => t.publisherIdentity === publisher);
    throw new Error(`${(err as Error).message}; server side: ${JSON.stringify(mine)}, subscriber SDP ${JSON.stringify(report?.subscriberSdp)}`);
  }
}
