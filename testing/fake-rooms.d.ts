import type { RoomChatMessage } from '../sdk/src/protocol/rest.js';
import type { FakeTokenService } from './fake-token-service.js';
export interface FakeRoomOptions {
    id: string;
    name: string;
    /** Who is signed in on this page. */
    self: {
        identity: string;
        name: string;
        guest?: boolean;
    };
    /** Directory moderators of the room. */
    moderators?: string[];
    /** Earlier chat messages of the running meeting. */
    chat?: RoomChatMessage[];
    startedAt?: string;
}
export interface FakeRoomState {
    chat: RoomChatMessage[];
    hands: Array<{
        identity?: string;
        raised: boolean;
    }>;
    muted: Array<{
        identity: string;
        source: string;
    }>;
    mutedAll: number;
    removed: string[];
    ended: boolean;
    tokens: Array<{
        moderator: boolean;
        role: string;
    }>;
}
export declare function fakeRoomRoutes(service: FakeTokenService, room: FakeRoomOptions): FakeRoomState;
