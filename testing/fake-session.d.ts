import { Store } from '../sdk/src/session/store.js';
import type { SessionApi } from '../sdk/src/session/session-api.js';
import type { ChatMessage, ConnectionState, DeviceKind, DevicesState, LocalMediaState, MediaProblem, ParticipantState, VisibleVideo } from '../sdk/src/session/types.js';
export declare class FakeSession implements SessionApi {
    readonly calls: string[];
    readonly shown: Array<readonly VisibleVideo[]>;
    readonly connection: Store<ConnectionState>;
    readonly participants: Store<readonly ParticipantState[]>;
    readonly departed: Store<readonly string[]>;
    readonly local: Store<LocalMediaState>;
    readonly problems: Store<readonly MediaProblem[]>;
    readonly devices: Store<DevicesState>;
    readonly chat: Store<readonly ChatMessage[]>;
    setCameraEnabled(on: boolean): Promise<void>;
    setMicrophoneEnabled(on: boolean): Promise<void>;
    setScreenShareEnabled(on: boolean): Promise<void>;
    switchDevice(kind: DeviceKind, id: string): Promise<void>;
    refreshDevices(): Promise<void>;
    startAudio(): Promise<void>;
    sendChat(text: string): Promise<void>;
    setHandRaised(raised: boolean): Promise<void>;
    showVideos(visible: readonly VisibleVideo[]): void;
    /** What a conference asked to start on joining (the test then sets the connection). */
    started?: {
        camera: boolean;
        microphone: boolean;
        cameraId?: string;
        microphoneId?: string;
    };
    connect(start?: {
        camera: boolean;
        microphone: boolean;
        cameraId?: string;
        microphoneId?: string;
    }): Promise<void>;
    leave(): Promise<void>;
    /** Adds or replaces a participant. */
    put(p: Partial<ParticipantState> & {
        identity: string;
    }): ParticipantState;
}
/** A container that provides `session` to the view parts placed inside it. */
export declare function sessionProvider(session: SessionApi): HTMLElement;
/** A real, moving video track (a canvas), so <video> elements get frames. */
export declare function canvasTrack(): MediaStreamTrack;
