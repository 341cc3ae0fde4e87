// What a RoomSession is started with (room-session.ts): where and as whom it connects, and how the
// session behaves for a 1:1 call or a conference.
import type { Room } from 'livekit-client';
import type { ChatTransport } from './chat.js';
import type { ListDevices } from './devices.js';

export interface RoomSessionOptions {
  url: string;
  token: string;
  /** Raises or lowers this user's hand through the token service (which sets `timio.hand`). */
  setHand?: (raised: boolean) => Promise<void>;
  /**
   * A conference's chat through the token service (stored for late joiners, sender stamped there);
   * without it, chat goes over LiveKit text streams.
   */
  chat?: ChatTransport;
  /** The room object; tests pass a fake, everyone else leaves it out. */
  room?: Room;
  /**
   * Say "reconnecting" as soon as the partner's media stops arriving (1:1 calls). Off for
   * conferences: there one person's lost connection is not this person's.
   */
  watchMedia?: boolean;
  /** How devices are listed (tests); default LiveKit's Room.getLocalDevices. */
  listDevices?: ListDevices;
  /**
   * Conferences: someone who goes without saying goodbye (their page changed within the portal)
   * stays listed as `reconnecting` this long, so nobody sees "left" and "joined" for a page
   * change; leave() says goodbye, so a real leave shows at once. Off (0) for 1:1 calls, whose
   * partner's return is followed through the call.
   */
  rejoinGraceMs?: number;
  /**
   * Before a view has said what it shows, receive at most this many remote cameras (the first in
   * the room's order), asked for as soon as the media server has answered the join, while the
   * peer connections are still being set up: the first picture then comes as early as with
   * LiveKit's auto-subscribe. Conferences: one page of tiles. Without it, everything is received
   * until the view reports (a 1:1 call).
   */
  earlyVideos?: number;
  /**
   * Receive every track of the others as soon as it is published, as LiveKit's auto-subscribe
   * does (a 1:1 call: the window shows each of the partner's tracks). The media server then adds
   * a returning partner's tracks to this page's connection when they are published, instead of
   * after a round trip for this page's subscription, and its first keyframe request reaches a
   * connection that can take the picture (page change: about 400 ms sooner on the staying side).
   * showVideos still sizes and drops videos. Off: each video only once a view shows it.
   */
  autoSubscribe?: boolean;
  /**
   * Publish camera and microphone while the room connects (LiveKit holds them until its signal
   * connection is up), not once it is connected: the others see this person sooner, and this
   * person sees them a little later (both connections are set up at once). For a call resumed on
   * the next page, where the partner waits for exactly this; a fresh join sees the others first.
   */
  publishWhileConnecting?: boolean;
}
