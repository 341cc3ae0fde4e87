// What the server forwards to one participant: every down track with its publisher, layer and
// packet count, plus the size of the participant's last subscriber offer. For tests and benches
// only (LiveKit's RoomService does not tell which tracks actually flow to a subscriber). In code:
// forwardingReport(server.rooms, room, identity); over HTTP only when the server was started with
// debugEndpoints (MEDIA_DEBUG_ENDPOINTS=1): GET /debug/forwarding?room=&identity= with a Bearer
// token granting roomAdmin for that room.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TrackSource } from '@livekit/protocol';
import { AccessTokenError, tokenFromAuthorization, verifyAccessToken } from '../auth/access-token.js';
import type { MediaServerContext } from '../context.js';
import type { RoomManager } from '../room/room-manager.js';

/** A down track counts as forwarding when a packet went out within this window. */
export const FORWARDING_WINDOW_MS = 1500;

export interface ForwardedTrack {
  trackSid: string;
  publisherIdentity: string;
  publisherSid: string;
  kind: 'audio' | 'video';
  /** camera, microphone, screen_share, screen_share_audio */
  source: string;
  /** Simulcast layer being forwarded ('' = single encoding), none before the first keyframe. */
  layer: string | null;
  /** The subscriber turned the track off (trackSetting disabled). */
  disabled: boolean;
  packets: number;
  /** Packets not forwarded: before the m-line was negotiated, of another layer, before a keyframe. */
  dropped: { notNegotiated: number; otherLayer: number; awaitingKeyframe: number };
  /** The layer to switch to at its next keyframe. */
  targetLayer: string | null;
  /** The subscriber m-line: its mid, SSRC, and whether it can send (codec negotiated, DTLS up). */
  sender: { mid: string | null; ssrc: number; ready: boolean };
  /** The published track's keyframe requests to its publisher (all subscribers together). */
  keyframeRequests: { sent: Record<string, number>; throttled: number; received: Record<string, number> };
  /** Packets the published track received from its publisher (all layers). */
  packetsReceived: number;
  /** The down track is in its published track's fan-out (false: nothing can reach it). */
  attached: boolean;
  /** The publisher still routes its packets to this track object (its m-line is bound to it). */
  bound: boolean;
  /** Milliseconds since the last forwarded packet, null if none yet. */
  lastPacketMsAgo: number | null;
  /** Packets went out within FORWARDING_WINDOW_MS. */
  forwarding: boolean;
}

export interface ForwardingReport {
  room: string;
  identity: string;
  sid: string;
  /** Subscribed tracks (m-lines carrying a track), whether or not packets flow right now. */
  tracks: ForwardedTrack[];
  /** The subscriber connection's last offer: bytes, m-lines, and m-lines kept idle for reuse. */
  subscriberSdp: { bytes: number; mediaSections: number; idleMediaSections: number };
}

export function forwardingReport(rooms: RoomManager, roomName: string, identity: string, now = Date.now()): ForwardingReport | undefined {
  const room = rooms.getRoom(roomName);
  const p = room?.participants.get(identity);
  if (!room || !p) return undefined;
  const bySid = new Map([...room.participants.values()].map((o) => [o.sid, o]));
  const tracks = [...p.subscriptions.values()].map((down): ForwardedTrack => {
    const last = down.lastForwardedAt;
    const ago = last > 0 ? now - last : null;
    return {
      trackSid: down.track.sid,
      publisherIdentity: bySid.get(down.track.publisherSid)?.identity ?? '',
      publisherSid: down.track.publisherSid,
      kind: down.track.kind,
      source: TrackSource[down.track.info.source].toLowerCase(),
      layer: down.currentLayer ?? null,
      disabled: down.disabled,
      packets: down.packetsSent,
      dropped: { ...down.dropped },
      targetLayer: down.targetLayer ?? null,
      sender: down.senderState,
      keyframeRequests: { sent: { ...down.track.keyframeRequests.sent }, throttled: down.track.keyframeRequests.throttled, received: { ...down.track.keyframeRequests.received } },
      packetsReceived: down.track.packetsReceived,
      attached: down.track.downTracks.has(down),
      bound: [...(bySid.get(down.track.publisherSid)?.tracksByMid.values() ?? [])].includes(down.track),
      lastPacketMsAgo: ago,
      forwarding: !down.disabled && ago !== null && ago <= FORWARDING_WINDOW_MS,
    };
  });
  const sub = p.subscriber;
  return {
    room: roomName,
    identity,
    sid: p.sid,
    tracks,
    subscriberSdp: { ...(sub?.lastOffer ?? { bytes: 0, mediaSections: 0 }), idleMediaSections: sub?.idleMediaSections ?? 0 },
  };
}

/** GET /debug/forwarding?room=&identity= (only mounted with debugEndpoints). */
export function handleForwardingRequest(req: IncomingMessage, res: ServerResponse, ctx: MediaServerContext): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const room = url.searchParams.get('room') ?? '';
  const identity = url.searchParams.get('identity') ?? '';
  if (!room || !identity) return sendError(res, 400, 'bad_request', 'room and identity are required');
  let grant;
  try {
    grant = verifyAccessToken(tokenFromAuthorization(req.headers.authorization), ctx.keys).video;
  } catch (err) {
    if (err instanceof AccessTokenError) return sendError(res, 401, 'unauthenticated', err.message);
    throw err;
  }
  if (!grant.roomAdmin || grant.room !== room) return sendError(res, 403, 'forbidden', 'needs roomAdmin for this room');
  const report = forwardingReport(ctx.rooms, room, identity);
  if (!report) return sendError(res, 404, 'not_found', `no participant ${identity} in room ${room}`);
  const body = JSON.stringify(report);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
