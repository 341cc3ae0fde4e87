// Events the room manager emits for webhooks and tests; payloads are @livekit/protocol messages.
import type { ParticipantInfo, Room as RoomInfo, TrackInfo } from '@livekit/protocol';

export interface RoomEventMap {
  room_started: [{ room: RoomInfo }];
  room_finished: [{ room: RoomInfo }];
  participant_joined: [{ room: RoomInfo; participant: ParticipantInfo }];
  participant_left: [{ room: RoomInfo; participant: ParticipantInfo }];
  track_published: [{ room: RoomInfo; participant: ParticipantInfo; track: TrackInfo }];
  track_unpublished: [{ room: RoomInfo; participant: ParticipantInfo; track: TrackInfo }];
}

export type RoomEventName = keyof RoomEventMap;
