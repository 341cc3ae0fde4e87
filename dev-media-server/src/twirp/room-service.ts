// LiveKit's RoomService methods on the dev server's rooms: which grant each needs, how its request
// and response are typed, and what it does.
import {
  CreateRoomRequest,
  DataPacket_Kind,
  DeleteRoomRequest,
  DeleteRoomResponse,
  ListParticipantsRequest,
  ListParticipantsResponse,
  ListRoomsRequest,
  ListRoomsResponse,
  MuteRoomTrackRequest,
  MuteRoomTrackResponse,
  RemoveParticipantResponse,
  RoomParticipantIdentity,
  SendDataRequest,
  SendDataResponse,
  UpdateParticipantRequest,
  UpdateRoomMetadataRequest,
} from '@livekit/protocol';
import type { Message, MessageType } from '@bufbuild/protobuf';
import type { VideoGrant } from '../auth/access-token.js';
import type { RoomManager } from '../room/room-manager.js';
import { TwirpError } from './errors.js';

/** Which grant a method needs: roomList, roomCreate, or roomAdmin on the request's room. */
type Scope = 'list' | 'create' | 'admin';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table holds methods of every request type
export interface RoomServiceMethod<Req extends Message<Req> = any> {
  request: MessageType<Req>;
  scope: Scope;
  room(req: Req): string | undefined;
  run(rooms: RoomManager, req: Req): Message<any>;
}

function method<Req extends Message<Req>>(m: RoomServiceMethod<Req>): RoomServiceMethod<Req> {
  return m;
}

const MAX_ROOM_NAME = 256;

function requireField(value: string, what: string): string {
  if (!value) throw new TwirpError('invalid_argument', `${what} is required`);
  if (value.length > MAX_ROOM_NAME) throw new TwirpError('invalid_argument', `${what} is too long`);
  return value;
}

export const ROOM_SERVICE: Record<string, RoomServiceMethod> = {
  CreateRoom: method({
    request: CreateRoomRequest,
    scope: 'create',
    room: (req) => req.name,
    run: (rooms, req) =>
      rooms
        .createRoom(requireField(req.name, 'name'), {
          emptyTimeout: req.emptyTimeout,
          departureTimeout: req.departureTimeout || undefined,
          maxParticipants: req.maxParticipants,
          metadata: req.metadata,
        })
        .info(),
  }),
  ListRooms: method({
    request: ListRoomsRequest,
    scope: 'list',
    room: () => undefined,
    run: (rooms, req) => new ListRoomsResponse({ rooms: rooms.listRooms(req.names) }),
  }),
  DeleteRoom: method({
    request: DeleteRoomRequest,
    scope: 'create',
    room: (req) => req.room,
    run: (rooms, req) => {
      if (!rooms.deleteRoom(requireField(req.room, 'room'))) throw new TwirpError('not_found', `room "${req.room}" not found`);
      return new DeleteRoomResponse();
    },
  }),
  UpdateRoomMetadata: method({
    request: UpdateRoomMetadataRequest,
    scope: 'admin',
    room: (req) => req.room,
    run: (rooms, req) => rooms.updateRoomMetadata(req.room, req.metadata),
  }),
  ListParticipants: method({
    request: ListParticipantsRequest,
    scope: 'admin',
    room: (req) => req.room,
    run: (rooms, req) => new ListParticipantsResponse({ participants: rooms.listParticipants(req.room) }),
  }),
  GetParticipant: method({
    request: RoomParticipantIdentity,
    scope: 'admin',
    room: (req) => req.room,
    run: (rooms, req) => rooms.getParticipant(req.room, requireField(req.identity, 'identity')),
  }),
  RemoveParticipant: method({
    request: RoomParticipantIdentity,
    scope: 'admin',
    room: (req) => req.room,
    run: (rooms, req) => {
      rooms.removeParticipant(req.room, requireField(req.identity, 'identity'));
      return new RemoveParticipantResponse();
    },
  }),
  MutePublishedTrack: method({
    request: MuteRoomTrackRequest,
    scope: 'admin',
    room: (req) => req.room,
    run: (rooms, req) =>
      new MuteRoomTrackResponse({
        track: rooms.mutePublishedTrack(req.room, requireField(req.identity, 'identity'), requireField(req.trackSid, 'trackSid'), req.muted),
      }),
  }),
  UpdateParticipant: method({
    request: UpdateParticipantRequest,
    scope: 'admin',
    room: (req) => req.room,
    run: (rooms, req) =>
      rooms.updateParticipant(req.room, requireField(req.identity, 'identity'), {
        name: req.name || undefined,
        metadata: req.metadata || undefined,
        attributes: req.attributes,
        permission: req.permission,
      }),
  }),
  SendData: method({
    request: SendDataRequest,
    scope: 'admin',
    room: (req) => req.room,
    run: (rooms, req) => {
      const destinations = [...req.destinationIdentities];
      if (req.destinationSids.length > 0) {
        // deprecated addressing by sid: translate to identities
        for (const p of rooms.listParticipants(req.room)) if (req.destinationSids.includes(p.sid)) destinations.push(p.identity);
        if (destinations.length === 0) return new SendDataResponse();
      }
      const kind = req.kind === DataPacket_Kind.LOSSY ? DataPacket_Kind.LOSSY : DataPacket_Kind.RELIABLE;
      rooms.sendData(req.room, { payload: req.data, topic: req.topic, nonce: req.nonce }, destinations, kind);
      return new SendDataResponse();
    },
  }),
};

/** Throws unless the caller's grant allows `scope` (for admin calls: on exactly `room`). */
export function checkGrant(grant: VideoGrant, scope: Scope, room: string | undefined, methodName: string): void {
  const denied = (what: string) => new TwirpError('unauthenticated', `permissions denied: ${methodName} requires ${what}`);
  switch (scope) {
    case 'list':
      if (!grant.roomList) throw denied('the roomList grant');
      return;
    case 'create':
      if (!grant.roomCreate) throw denied('the roomCreate grant');
      return;
    case 'admin':
      if (!grant.roomAdmin) throw denied('the roomAdmin grant');
      if (!room) throw new TwirpError('invalid_argument', 'room is required');
      if (grant.room !== room) throw denied(`a roomAdmin grant for room "${room}"`);
      return;
  }
}
