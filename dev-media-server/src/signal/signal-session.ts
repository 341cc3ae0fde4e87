// One client's signal WebSocket: decodes SignalRequests, handles them strictly in order, and
// isolates failures so one bad client never affects the room or the server.
import { DisconnectReason, LeaveRequest, LeaveRequest_Action, Pong, SignalRequest, SignalResponse } from '@livekit/protocol';
import type { WebSocket } from 'ws';
import type { Participant, SignalSink } from '../room/participant.js';
import type { Room } from '../room/room.js';

const MAX_QUEUED_REQUESTS = 500;

export class WebSocketSignalSink implements SignalSink {
  constructor(private readonly ws: WebSocket) {}

  send(message: SignalResponse['message']): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    try {
      this.ws.send(new SignalResponse({ message }).toBinary());
    } catch {
      // the socket is closing; nothing to do
    }
  }

  close(): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(1000);
  }
}

/** Answers a resume attempt: resumption is disabled, so the client must rejoin from scratch. */
export function refuseResume(ws: WebSocket): void {
  const sink = new WebSocketSignalSink(ws);
  sink.send({ case: 'leave', value: new LeaveRequest({ canReconnect: true, reason: DisconnectReason.UNKNOWN_REASON, action: LeaveRequest_Action.RECONNECT }) });
  sink.close();
}

export function runSignalSession(ws: WebSocket, room: Room, participant: Participant): void {
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;
  let left = false;

  ws.on('message', (data, isBinary) => {
    let request: SignalRequest;
    try {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      request = isBinary ? SignalRequest.fromBinary(bytes) : SignalRequest.fromJsonString(bytes.toString('utf8'), { ignoreUnknownFields: true });
    } catch {
      return; // malformed frames are ignored, as LiveKit does
    }
    if (++pending > MAX_QUEUED_REQUESTS) {
      ws.close(1008, 'too many requests');
      return;
    }
    queue = queue
      .then(() => handle(request))
      .catch((err: unknown) => console.error(`[media] signal request from ${participant.identity} failed:`, err))
      .finally(() => {
        pending -= 1;
      });
  });

  // The client pings every pingInterval (5 s as LiveKit ships): a socket silent for four of them
  // (20 s) belongs to a vanished client.
  const { intervalSeconds } = room.ping;
  const silenceTimeoutMs = 4 * intervalSeconds * 1000;
  let lastHeardAt = Date.now();
  ws.on('message', () => {
    lastHeardAt = Date.now();
  });
  const watchdog = setInterval(() => {
    if (Date.now() - lastHeardAt > silenceTimeoutMs) ws.terminate();
  }, intervalSeconds * 1000);
  watchdog.unref();

  ws.on('close', () => {
    clearInterval(watchdog);
    if (!left) room.remove(participant, DisconnectReason.CLIENT_INITIATED, false);
  });
  ws.on('error', () => undefined);

  async function handle(request: SignalRequest): Promise<void> {
    if (room.participants.get(participant.identity) !== participant) return;
    const msg = request.message;
    switch (msg.case) {
      case 'offer':
        return room.publisherOffer(participant, msg.value);
      case 'answer':
        return room.subscriberAnswer(participant, msg.value);
      case 'trickle':
        return room.trickle(participant, msg.value);
      case 'addTrack':
        return room.addTrack(participant, msg.value);
      case 'mute':
        room.setTrackMuted(participant, msg.value.sid, msg.value.muted);
        return;
      case 'subscription': {
        const sids = [...msg.value.trackSids, ...msg.value.participantTracks.flatMap((pt) => pt.trackSids)];
        room.updateSubscriptions(participant, sids, msg.value.subscribe);
        return;
      }
      case 'trackSetting':
        room.updateTrackSettings(participant, msg.value.trackSids, msg.value);
        return;
      case 'updateMetadata':
        room.updateOwnMetadata(participant, msg.value);
        return;
      case 'leave':
        left = true;
        room.remove(participant, DisconnectReason.CLIENT_INITIATED, false);
        return;
      case 'ping':
        participant.send({ case: 'pong', value: BigInt(Date.now()) });
        return;
      case 'pingReq':
        participant.send({ case: 'pongResp', value: new Pong({ lastPingTimestamp: msg.value.timestamp, timestamp: BigInt(Date.now()) }) });
        return;
      default:
        // subscriptionPermission, syncState, simulate, updateAudioTrack, updateLayers, … accepted and ignored
        return;
    }
  }
}
