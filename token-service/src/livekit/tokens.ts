// LiveKit access tokens for the people this service lets into a room. Grants are narrow: join this
// one room, publish camera/microphone/screen, subscribe, send data. Nobody may change their own
// name or metadata (canUpdateOwnMetadata stays off). No browser token carries roomAdmin: a moderator's
// actions (mute, remove, end) go through this service, which checks and logs them.
import { TrackSource } from '@livekit/protocol';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';
import type { TokenServiceConfig } from '../config.js';

export type RoomRole = 'member' | 'moderator' | 'guest' | 'caller';

export interface RoomTokenRequest {
  identity: string;
  name: string;
  room: string;
  role: RoomRole;
  metadata?: string;
  attributes?: Record<string, string>;
  /** Seconds the token is good for joining; LiveKit refreshes it for connected participants. */
  ttlSeconds?: number;
}

export const ROOM_TOKEN_TTL_SECONDS = 10 * 60;

const PUBLISH_SOURCES = [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO];

export function roomGrant(room: string, _role: RoomRole): VideoGrant {
  return {
    room,
    roomJoin: true,
    canPublish: true,
    canPublishSources: PUBLISH_SOURCES,
    canSubscribe: true,
    canPublishData: true,
    canUpdateOwnMetadata: false,
  };
}

export function mintRoomToken(config: Pick<TokenServiceConfig, 'livekit'>, p: RoomTokenRequest): Promise<string> {
  const at = new AccessToken(config.livekit.apiKey, config.livekit.apiSecret, {
    identity: p.identity,
    name: p.name,
    ttl: p.ttlSeconds ?? ROOM_TOKEN_TTL_SECONDS,
    ...(p.metadata !== undefined ? { metadata: p.metadata } : {}),
    ...(p.attributes ? { attributes: p.attributes } : {}),
  });
  at.addGrant(roomGrant(p.room, p.role));
  return at.toJwt();
}
