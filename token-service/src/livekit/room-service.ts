// The calls this service makes to LiveKit's RoomService (Twirp), with LiveKit's "not found" turned
// into a plain answer and every other failure into a 502 the client can understand.
import { RoomServiceClient } from 'livekit-server-sdk';
import { DataPacket_Kind, TrackSource, type ParticipantInfo } from '@livekit/protocol';
import type { TokenServiceConfig } from '../config.js';
import { ApiError } from '../http/errors.js';

export interface RoomParticipant {
  identity: string;
  name: string;
  attributes: Record<string, string>;
  joinedAt?: string;
  tracks: RoomTrack[];
}

export interface RoomTrack { sid: string; source: 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio' | 'unknown'; muted: boolean }

export interface RoomService {
  /** Participants now in the room; empty when the room is not running. */
  listParticipants(room: string): Promise<RoomParticipant[]>;
  /** Sets (or with "" deletes) participant attributes; false when the participant is not in the room. */
  setAttributes(room: string, identity: string, attributes: Record<string, string>): Promise<boolean>;
  /** Removes a participant; false when they were not in the room. */
  removeParticipant(room: string, identity: string): Promise<boolean>;
  /** Ends the conference for everyone; false when it was not running. */
  endRoom(room: string): Promise<boolean>;
  /** Mutes (or unmutes) one published track; false when the participant or track is gone. */
  muteTrack(room: string, identity: string, trackSid: string, muted: boolean): Promise<boolean>;
  /** Sends a reliable data packet to everyone in the room on `topic`; false when the room is not running. */
  sendData(room: string, payload: Uint8Array, topic: string): Promise<boolean>;
  /** Creates the room (LiveKit returns a running one as it is), then sets its metadata. */
  describeRoom(room: string, metadata: string, emptyTimeoutSeconds: number): Promise<void>;
  /** The running rooms whose name starts with `prefix`, with their metadata. */
  listRooms(prefix: string): Promise<Array<{ name: string; metadata: string }>>;
  /**
   * The sid of the instance of the room in which people are now (each start of a named room gets a
   * new one); undefined when none runs or it is empty (e.g. recreated by describeRoom alone).
   */
  runningSid(room: string): Promise<string | undefined>;
}

function isNotFound(err: unknown): boolean {
  const e = err as { status?: unknown; code?: unknown; message?: unknown } | null;
  return e?.status === 404 || e?.code === 'not_found' || (typeof e?.message === 'string' && /not.?found|does not exist/i.test(e.message));
}

function unavailable(err: unknown): ApiError {
  const e = new ApiError(502, 'livekit_unavailable', `LiveKit RoomService failed: ${(err as Error)?.message ?? String(err)}`);
  return e;
}

export function toParticipant(p: ParticipantInfo): RoomParticipant {
  const joinedAt = Number(p.joinedAt);
  return {
    identity: p.identity,
    name: p.name,
    attributes: { ...p.attributes },
    ...(joinedAt > 0 ? { joinedAt: new Date(joinedAt * 1000).toISOString() } : {}),
    tracks: p.tracks.map((t) => ({ sid: t.sid, source: sourceName(t.source), muted: t.muted })),
  };
}

function sourceName(source: TrackSource): RoomTrack['source'] {
  switch (source) {
    case TrackSource.CAMERA: return 'camera';
    case TrackSource.MICROPHONE: return 'microphone';
    case TrackSource.SCREEN_SHARE: return 'screen_share';
    case TrackSource.SCREEN_SHARE_AUDIO: return 'screen_share_audio';
    default: return 'unknown';
  }
}

export function createRoomService(config: Pick<TokenServiceConfig, 'livekit'>): RoomService {
  const host = config.livekit.url.replace(/^ws/, 'http');
  const client = new RoomServiceClient(host, config.livekit.apiKey, config.livekit.apiSecret, { requestTimeout: 5, failover: false });
  async function call<T>(fn: () => Promise<T>, whenMissing: T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isNotFound(err)) return whenMissing;
      throw unavailable(err);
    }
  }
  return {
    listParticipants: (room) => call(async () => (await client.listParticipants(room)).map(toParticipant), []),
    setAttributes: (room, identity, attributes) => call(async () => {
      await client.updateParticipant(room, identity, { attributes });
      return true;
    }, false),
    removeParticipant: (room, identity) => call(async () => {
      await client.removeParticipant(room, identity);
      return true;
    }, false),
    endRoom: (room) => call(async () => {
      await client.deleteRoom(room);
      return true;
    }, false),
    muteTrack: (room, identity, trackSid, muted) => call(async () => {
      await client.mutePublishedTrack(room, identity, trackSid, muted);
      return true;
    }, false),
    sendData: (room, payload, topic) => call(async () => {
      await client.sendData(room, payload, DataPacket_Kind.RELIABLE, { topic });
      return true;
    }, false),
    describeRoom: (room, metadata, emptyTimeout) => call(async () => {
      // CreateRoom leaves a running room's metadata alone (LiveKit and the dev media server alike).
      await client.createRoom({ name: room, metadata, emptyTimeout });
      await client.updateRoomMetadata(room, metadata);
    }, undefined),
    listRooms: (prefix) => call(async () => (await client.listRooms()).filter((r) => r.name.startsWith(prefix)).map((r) => ({ name: r.name, metadata: r.metadata })), []),
    runningSid: (room) => call(async () => (await client.listRooms([room])).find((r) => r.name === room && r.numParticipants > 0)?.sid || undefined, undefined),
  };
}
