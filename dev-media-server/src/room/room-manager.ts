// All rooms of the server, the operations RoomService (Twirp) performs on them, and the events
// webhooks are made from.
import { EventEmitter } from 'node:events';
import {
  DataPacket_Kind,
  DisconnectReason,
  ParticipantPermission,
  UserPacket,
  type ParticipantInfo,
  type Room as RoomInfo,
  type TrackInfo,
} from '@livekit/protocol';
import type { RtcOptions } from '../rtc/peer-config.js';
import { DEFAULT_PING, Room, type RoomOptions } from './room.js';
import type { RoomEventMap } from './room-events.js';

export interface RoomManagerOptions {
  rtc?: RtcOptions;
  /** Per-room participant limit; 0 = unlimited. */
  maxParticipants?: number;
  /** Seconds an empty room (never joined) lives. LiveKit's default is 300. */
  emptyTimeoutSeconds?: number;
  /** Seconds a room lives after its last participant left. */
  departureTimeoutSeconds?: number;
  /** Create rooms on first join (LiveKit's default). When false, joining an unknown room fails. */
  autoCreateRooms?: boolean;
  /** The pings the join response asks of clients (default every 5 s, 15 s timeout). */
  ping?: { intervalSeconds: number; timeoutSeconds: number };
}

export interface ParticipantChanges {
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  permission?: ParticipantPermission;
}

export class RoomNotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'RoomNotFoundError';
  }
}

export class RoomManager extends EventEmitter<RoomEventMap> {
  private readonly rooms = new Map<string, Room>();
  readonly autoCreateRooms: boolean;

  constructor(private readonly opts: RoomManagerOptions = {}) {
    super();
    this.autoCreateRooms = opts.autoCreateRooms ?? true;
  }

  listRooms(names?: string[]): RoomInfo[] {
    return [...this.rooms.values()].filter((r) => !names || names.length === 0 || names.includes(r.name)).map((r) => r.info());
  }

  getRoom(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /** Returns the room, creating it (and emitting room_started) when absent. */
  createRoom(name: string, opts: { emptyTimeout?: number; departureTimeout?: number; maxParticipants?: number; metadata?: string } = {}): Room {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const roomOpts: RoomOptions = {
      rtc: this.opts.rtc ?? {},
      maxParticipants: opts.maxParticipants || this.opts.maxParticipants || 0,
      emptyTimeoutSeconds: opts.emptyTimeout || this.opts.emptyTimeoutSeconds || 300,
      departureTimeoutSeconds: opts.departureTimeout ?? this.opts.departureTimeoutSeconds ?? 1,
      ping: this.opts.ping ?? DEFAULT_PING,
    };
    const room = new Room(
      name,
      roomOpts,
      (event, ...args) => this.emitSafely(event, ...args),
      (closed) => {
        if (this.rooms.get(closed.name) === closed) this.rooms.delete(closed.name);
      },
    );
    if (opts.metadata) room.metadata = opts.metadata;
    this.rooms.set(name, room);
    this.emitSafely('room_started', { room: room.info() });
    return room;
  }

  /** Disconnects everyone (leave reason ROOM_DELETED) and ends the room. */
  deleteRoom(name: string): boolean {
    const room = this.rooms.get(name);
    if (!room) return false;
    room.close(DisconnectReason.ROOM_DELETED);
    return true;
  }

  listParticipants(roomName: string): ParticipantInfo[] {
    return [...this.requireRoom(roomName).participants.values()].map((p) => p.toInfo());
  }

  getParticipant(roomName: string, identity: string): ParticipantInfo {
    return this.requireParticipant(roomName, identity).participant.toInfo();
  }

  /** Kicks a participant (leave reason PARTICIPANT_REMOVED). */
  removeParticipant(roomName: string, identity: string): void {
    const { room, participant } = this.requireParticipant(roomName, identity);
    room.remove(participant, DisconnectReason.PARTICIPANT_REMOVED, true);
  }

  /** Asks the publisher to mute (it confirms with its own mute request) and records the state. */
  mutePublishedTrack(roomName: string, identity: string, trackSid: string, muted: boolean): TrackInfo {
    const { room, participant } = this.requireParticipant(roomName, identity);
    const info = room.setTrackMuted(participant, trackSid, muted);
    if (!info) throw new RoomNotFoundError(`track "${trackSid}"`);
    participant.send({ case: 'mute', value: { sid: trackSid, muted } as never });
    return info.clone();
  }

  updateParticipant(roomName: string, identity: string, changes: ParticipantChanges): ParticipantInfo {
    const { room, participant } = this.requireParticipant(roomName, identity);
    room.updateParticipant(participant, changes);
    return participant.toInfo();
  }

  /** Server-sent user data; empty destinations = everyone. */
  sendData(
    roomName: string,
    data: { payload: Uint8Array; topic?: string; nonce?: Uint8Array },
    destinationIdentities: string[] = [],
    kind: DataPacket_Kind = DataPacket_Kind.RELIABLE,
  ): void {
    const room = this.requireRoom(roomName);
    const user = new UserPacket({
      payload: data.payload,
      topic: data.topic,
      nonce: data.nonce ?? new Uint8Array(),
      destinationIdentities,
    });
    room.sendUserData(user, kind, destinationIdentities);
  }

  updateRoomMetadata(roomName: string, metadata: string): RoomInfo {
    const room = this.requireRoom(roomName);
    room.updateMetadata(metadata);
    return room.info();
  }

  /** Ends every room (server shutdown). */
  async closeAll(): Promise<void> {
    const rooms = [...this.rooms.values()];
    for (const room of rooms) room.close(DisconnectReason.SERVER_SHUTDOWN);
    const closed = Promise.all(rooms.flatMap((room) => [...room.closing]));
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  }

  private requireRoom(name: string): Room {
    const room = this.rooms.get(name);
    if (!room) throw new RoomNotFoundError(`room "${name}"`);
    return room;
  }

  private requireParticipant(roomName: string, identity: string) {
    const room = this.requireRoom(roomName);
    const participant = room.participants.get(identity);
    if (!participant) throw new RoomNotFoundError(`participant "${identity}"`);
    return { room, participant };
  }

  /** A failing listener (webhook code) must not break the room that emitted. */
  private emitSafely<K extends keyof RoomEventMap>(event: K, ...args: RoomEventMap[K]): void {
    try {
      (this.emit as (e: K, ...a: RoomEventMap[K]) => boolean)(event, ...args);
    } catch (err) {
      console.error(`[media] ${String(event)} listener failed:`, err);
    }
  }
}
