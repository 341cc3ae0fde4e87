import type { CallInfo, PresenceStatus, RoomRing, RoomStatus } from '../sdk/src/protocol/realtime.js';
import type { ErrorCode } from '../sdk/src/protocol/errors.js';
import type { RealtimePort } from '../sdk/src/calls/realtime-port.js';
type RoomUpdate = {
    status: RoomStatus;
} | {
    error: {
        code: ErrorCode;
        message: string;
    };
};
export declare const TEST_SERVICE = "http://timio.test";
export interface RecordedRequest {
    method: string;
    path: string;
    body: unknown;
    authorization: string | null;
}
type Handler = (body: any, path: string) => {
    status: number;
    json: unknown;
} | Promise<{
    status: number;
    json: unknown;
}>;
export declare function makeCall(patch?: Partial<CallInfo>): CallInfo;
export declare class FakeTokenService {
    readonly requests: RecordedRequest[];
    private readonly handlers;
    private readonly patterns;
    private readonly original;
    install(): this;
    uninstall(): void;
    on(route: string, handler: Handler): this;
    /** A handler for every path that matches (e.g. `/v1/rooms/x/participants/<identity>`); exact routes win. */
    onMatch(method: string, path: RegExp, handler: Handler): this;
    /** Waits until a request to `path` arrived. */
    next(path: RegExp | string): Promise<RecordedRequest>;
}
/** A realtime connection the test drives: presence, call and room-ring events. */
export declare class FakeRealtime implements RealtimePort {
    userId: string | undefined;
    pageId: string | undefined;
    private presence;
    private statuses;
    private calls;
    private rings;
    private ringsEnded;
    private rooms;
    private roomLast;
    watchRoom(room: string, listener: (u: RoomUpdate) => void): () => void;
    /** Pages watching the room (room bars connected). */
    watchingRoom(room: string): number;
    /** Pushes a room status (or an error) as the service would. */
    sendRoom(room: string, update: RoomUpdate): void;
    private readies;
    watchPresence(contactId: string, listener: (s: PresenceStatus) => void): () => void;
    watching(contactId: string): number;
    setPresence(contactId: string, status: PresenceStatus): void;
    onCall(l: (c: CallInfo) => void): () => boolean;
    onRoomRing(l: (r: RoomRing) => void): () => boolean;
    onRoomRingEnded(l: (id: string) => void): () => boolean;
    onReady(l: () => void): () => boolean;
    /** The connection came back (`ready` after a reconnect). */
    ready(): void;
    sendCall(call: CallInfo): void;
    sendRoomRing(ring: RoomRing): void;
    endRoomRing(id: string): void;
}
declare global {
    const describe: (name: string, body: () => void) => void;
    const it: (name: string, body: () => Promise<void> | void) => void;
    const beforeEach: (body: () => Promise<void> | void) => void;
    const afterEach: (body: () => Promise<void> | void) => void;
    const before: (body: () => Promise<void> | void) => void;
}
export {};
