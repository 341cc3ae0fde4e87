// Calls, room rings and room status on top of the realtime transport, one set per token service:
// the shared state (bus and call store on the same backend), the call service, the room ringer,
// the room watch and chat, and the hooks that tie them to pages (a call or a room invitation for a
// page that connects, a user whose pages are all gone, `watch-rooms`) and to LiveKit's webhooks
// (someone left a call room, joined or left a room's conference, a room finished).
import { createPageAuthenticator } from '../auth/authenticate-page.js';
import { clientAddressResolver } from '../http/client-address.js';
import { logFailure, type Logger } from '../http/logger.js';
import type { TokenServiceContext } from '../context.js';
import type { RealtimeBus } from '../realtime/bus.js';
import { MemoryBus } from '../realtime/memory-bus.js';
import { Realtime } from '../realtime/realtime.js';
import { RedisBus } from '../realtime/redis-bus.js';
import { defaultRealtimeSettings, type RealtimeSettings } from '../realtime/settings.js';
import type { CallStore } from './call-store.js';
import { CallService } from './call-service.js';
import { MemoryCallStore } from './memory-call-store.js';
import { RedisCallStore } from './redis-call-store.js';
import { RoomRinger } from './room-ring.js';
import { ColleagueRinger } from './colleague-ring.js';
import { createRoomStatus, type RoomStatus } from '../livekit/room-status.js';
import { toParticipant } from '../livekit/room-service.js';
import { DisconnectReason, type ParticipantInfo } from '@livekit/protocol';
import { RoomWatch, type RoomWatchDeps } from '../rooms/room-watch.js';
import { RoomChat } from '../rooms/chat.js';
import { isMember } from '../directory/directory.js';
import { CALL_ROOM_PREFIX } from './call-record.js';
import { callAsRing, CallMeetings, meetingPlace, type Place } from './call-meetings.js';
import { CallConversion } from './call-conversion.js';
import type { CallHistory } from '../history/call-history.js';

export interface Calling {
  realtime: Realtime;
  calls: CallService;
  rings: RoomRinger;
  colleagueRings: ColleagueRinger;
  /** Calls turned into meetings ("Person hinzufügen"). */
  meetings: CallMeetings;
  conversion: CallConversion;
  /** What a room id is: a directory room or a call turned meeting, with who may do what (http/access.ts). */
  places: Places;
  /** A moderator ended a call turned meeting: its record, grants and busy presence end now. */
  meetingEnded(room: string): Promise<void>;
  roomStatus: RoomStatus;
  roomWatch: RoomWatch;
  chat: RoomChat;
  /** Closes the pages, stops the call timers and leaves the bus. */
  close(): Promise<void>;
}

/** The one answer to "what is this room": the directory's rooms and the calls turned meetings. */
export interface Places { getRoom(id: string): Promise<Place | undefined> }

interface WebhookLike { event?: string; room?: { name?: string; sid?: string }; participant?: ParticipantInfo }

/**
 * `nextMeeting`: the room's next scheduled meeting for the room status (from the open invites).
 * `history`: the people's call histories, told of ended calls, meetings joined and left, rings missed.
 */
export function createCalling(ctx: TokenServiceContext, nextMeeting?: RoomWatchDeps['nextMeeting'], history?: CallHistory): Calling {
  const { config } = ctx;
  const settings: RealtimeSettings = { ...defaultRealtimeSettings, ...config.realtime };
  const logger = ctx.logger.child({ component: 'calls' });
  const { bus, store } = openSharedState(settings, config.redisUrl, ctx.logger.child({ component: 'realtime' }));
  const meetings = new CallMeetings({ store, describe: (room, metadata, emptyTimeout) => ctx.roomService.describeRoom(room, metadata, emptyTimeout) });
  const places: Places = {
    getRoom: async (id) => {
      if (id.startsWith(CALL_ROOM_PREFIX)) {
        const meeting = await meetings.get(id);
        if (meeting) return meetingPlace(meeting);
      }
      return ctx.directory.getRoom(id);
    },
  };
  const calls = new CallService({
    bus, store, settings,
    getUser: (id) => ctx.directory.getUser(id),
    mintCallToken: (user, room) => ctx.mintRoomToken({ identity: user.id, name: user.name, room, role: 'caller' }),
    livekitUrl: config.livekit.url,
    limits: ctx.limits,
    metrics: ctx.metrics,
    participants: async (room) => (await ctx.roomService.listParticipants(room)).map((p) => p.identity),
    isOnline: async (userId) => (await bus.statuses([userId]))[0]?.status !== 'offline',
    rooms: {
      describe: (room, metadata, emptyTimeoutSeconds) => ctx.roomService.describeRoom(room, metadata, emptyTimeoutSeconds),
      list: (prefix) => ctx.roomService.listRooms(prefix),
    },
    logger,
    ...(history ? { history } : {}),
    // Without Redis the meeting's record is rebuilt; with Redis it was kept. Either way its people
    // in the room are busy (a join whose webhook the stopped process never handled included).
    restoreMeeting: async (meeting, inRoom) => {
      const rebuilt = await meetings.restore(meeting);
      for (const id of meeting.members) if (inRoom.includes(id)) await store.setInConference(id, meeting.room, true);
      return rebuilt;
    },
  });
  // The calls and meetings that ran before this start (pages, call steps and rooms wait for it).
  meetings.waitFor(calls.restore());
  const roomStatus = createRoomStatus(ctx.roomService, ctx.events);
  const rings = new RoomRinger({
    bus, store, settings,
    getRoom: (id) => ctx.directory.getRoom(id),
    getUser: (id) => ctx.directory.getUser(id),
    participants: async (room) => (await roomStatus.participants(room)).map((p) => p.identity),
    limits: ctx.limits, metrics: ctx.metrics,
    ...(history ? { history } : {}),
  });
  const colleagueRings = new ColleagueRinger({
    bus, store, settings,
    meetingOf: async (id) => {
      const room = await places.getRoom(id);
      return room && { id: room.id, name: room.name };
    },
    getUser: (id) => ctx.directory.getUser(id),
    participants: async (room) => (await roomStatus.participants(room)).map((p) => p.identity),
    limits: ctx.limits,
    ...(history ? { history } : {}),
  });
  const conversion = new CallConversion({
    calls, meetings, colleagueRings,
    participants: async (room) => (await ctx.roomService.listParticipants(room)).map((p) => p.identity),
    setInConference: (userId, room, present) => store.setInConference(userId, room, present),
    ...(history ? { history } : {}),
  });
  const chat = new RoomChat({ store, roomService: ctx.roomService });
  // eslint-disable-next-line prefer-const -- the hub exists once the transport does
  let roomWatch: RoomWatch;
  const realtime = new Realtime({
    settings, bus,
    logger: ctx.logger.child({ component: 'realtime' }),
    allowedOrigins: config.allowedOrigins,
    clientAddress: clientAddressResolver(config.trustProxy),
    authenticatePage: createPageAuthenticator(ctx),
    onPageReady: async (page) => {
      const call = await calls.currentCallOf(page.user!.id);
      if (call) page.sendMessage({ type: 'call', call });
      for (const ring of await rings.pendingFor(page.user!.id)) page.sendMessage({ type: 'room-ring', ring });
      for (const ring of await colleagueRings.pendingFor(page.user!.id)) page.sendMessage({ type: 'room-ring', ring });
    },
    onWatchRooms: (page, add, remove) => roomWatch.watch(page, add, remove),
    // The call window lives in a portal page: a user with no page left anywhere has left their call.
    onUserGone: (userId) => {
      calls.userGone(userId).catch(logFailure(logger, 'ending the call of a departed user failed', { user: userId }));
    },
    onClosing: () => {
      calls.close();
      rings.close();
      colleagueRings.close();
      roomWatch.close();
      store.close();
    },
  });

  // A page keeps a room's status only while its user is a member (the directory may change).
  realtime.hub.setRoomAccess(async (room) => {
    const found = await places.getRoom(room);
    return found ? (userId) => isMember(found, userId) : undefined;
  });
  roomWatch = new RoomWatch({
    bus, hub: realtime.hub, directory: places, roomStatus, log: ctx.log, rejoinGraceMs: settings.roomRejoinGraceMs, ...(nextMeeting ? { nextMeeting } : {}),
    // A page change keeps an employee busy; out of the meeting once the grace ends without them.
    gone: (room, identity) => {
      if (identity.includes(':')) return;
      store.setInConference(identity, room, false).catch(logFailure(logger, 'presence after a grace failed', { room }));
      meetingLeft(identity, room);
      // A call turned meeting whose last person did not come back is over (a room lives on).
      endMeetingIfEmpty(room).catch(logFailure(logger, 'ending an empty meeting failed', { room }));
    },
  });

  ctx.events.on('webhook', (ev: WebhookLike) => {
    onWebhook(ev).catch(logFailure(logger, 'webhook handling failed', { event: ev.event, room: ev.room?.name }));
  });
  async function onWebhook(ev: WebhookLike): Promise<void> {
    const room = ev.room?.name;
    if (!room) return;
    if (ev.event === 'room_finished' && await finishedEarlier(room, ev.room?.sid)) {
      logger.info({ room, sid: ev.room?.sid }, 'a late room_finished of an earlier meeting in the room ignored');
      return;
    }
    // A call turned meeting is a meeting from then on; a call's room is the call's.
    const meeting = room.startsWith(CALL_ROOM_PREFIX) ? await meetings.get(room) : undefined;
    if (room.startsWith(CALL_ROOM_PREFIX) && !meeting) {
      if (ev.event === 'participant_joined' || ev.event === 'participant_left' || ev.event === 'room_finished') await calls.roomEvent(ev.event, room, ev.participant?.identity);
      return;
    }
    const directoryRoom = meeting ? meetingPlace(meeting) : await ctx.directory.getRoom(room);
    if (!directoryRoom) return;
    const identity = ev.participant?.identity;
    // Removed or the room deleted (real LiveKit says why): gone for good, no page-change grace.
    const sentOut = ev.participant?.disconnectReason === DisconnectReason.PARTICIPANT_REMOVED || ev.participant?.disconnectReason === DisconnectReason.ROOM_DELETED;
    // In their page-change grace, an employee stays busy (Departures says `gone` when it ends).
    const staying = ev.event === 'participant_left' && ev.participant?.identity && !sentOut ? roomWatch.departures.left(room, toParticipant(ev.participant)) : false;
    if (ev.event === 'participant_joined' && identity) roomWatch.departures.joined(room, identity);
    // room_finished alone is no end: LiveKit closes a room emptied by the last person's page change
    // (after departureTimeout); the moderator's end goes through POST /v1/rooms/:room/end.
    roomWatch.changed(room);
    // Employees only: guests (`guest:…`) have no presence.
    const employee = identity && !identity.includes(':') ? identity : undefined;
    if (ev.event === 'participant_joined' && employee) {
      await store.setInConference(employee, room, true);
      // In a call turned meeting, the callee came by the call (the caller's "ring").
      const answered = (await rings.joined(room, employee)) ?? (await colleagueRings.joined(room, employee))
        ?? (meeting && employee !== meeting.moderator.id ? callAsRing(meeting) : undefined);
      if (history) {
        const user = { id: employee, name: (await ctx.directory.getUser(employee))?.name ?? employee };
        await history.meetingJoined(user, { id: room, name: directoryRoom.name }, answered).catch(logFailure(logger, 'a meeting was not written into the call history', { room }));
      }
    } else if (ev.event === 'participant_left' && employee && !staying) {
      await store.setInConference(employee, room, false);
      meetingLeft(employee, room);
    } else if (ev.event === 'room_finished') {
      // LiveKit closes a room emptied by a page change too: who is in their grace stays busy, and a
      // call turned meeting waits for them (`gone` ends it if they do not come back).
      const inGrace = new Set(roomWatch.departures.awayIn(room).map((p) => p.identity));
      if (meeting && inGrace.size > 0) return;
      await roomOver(room, directoryRoom, inGrace);
    }
  }

  /**
   * Whether a room_finished belongs to an earlier instance of the room than the one people are in
   * now (LiveKit sends it after the departure timeout, and delays or retries webhooks: a new meeting
   * in the same room may have begun meanwhile). An instance with nobody in it does not count: the
   * service's own describeRoom may have recreated the room empty, and an empty new meeting's own
   * room_finished comes later anyway. LiveKit itself is asked which instance runs, not a sid
   * remembered from room_started/participant_joined: those webhooks can be late or lost just the
   * same, and LiveKit's answer is the same for every token-service process and after a restart.
   * Without a sid in the event, or when LiveKit cannot be asked, the room counts as finished (as
   * before: a chat left over would outlive its meeting).
   */
  async function finishedEarlier(room: string, sid: string | undefined): Promise<boolean> {
    if (!sid) return false;
    try {
      const running = await ctx.roomService.runningSid(room);
      return running !== undefined && running !== sid;
    } catch (err) {
      logger.warn({ room, err: (err as Error).message }, 'LiveKit could not say whether a room_finished is late; the room counts as finished');
      return false;
    }
  }

  /** The room's meeting is over: chat, rings and grants end; its people are no longer busy in it. */
  async function roomOver(room: string, place: Place, inGrace: ReadonlySet<string> = new Set()): Promise<void> {
    await chat.finished(room);
    await rings.finished(room);
    const rungIn = await colleagueRings.finished(room);
    for (const member of new Set([...place.members, ...place.moderators, ...rungIn])) {
      if (inGrace.has(member)) continue;
      await store.setInConference(member, room, false);
      meetingLeft(member, room);
    }
    // Last: a converted meeting's record answers the access questions above until here.
    if (place.kind === 'meeting') await meetings.finished(room);
  }

  /** A call turned meeting with nobody in it and nobody coming back is over. */
  async function endMeetingIfEmpty(room: string): Promise<void> {
    const meeting = await meetings.get(room);
    if (!meeting || roomWatch.departures.awayIn(room).length > 0) return;
    roomStatus.invalidate(room);
    if ((await roomStatus.participants(room)).length > 0) return;
    await roomOver(room, meetingPlace(meeting));
  }

  async function meetingEnded(room: string): Promise<void> {
    const meeting = await meetings.get(room);
    if (meeting) await roomOver(room, meetingPlace(meeting));
  }

  /** Out of the meeting for good: their history entry gets its duration. */
  function meetingLeft(userId: string, room: string): void {
    history?.meetingLeft(userId, room).catch(logFailure(logger, 'a meeting\'s end was not written into the call history', { room }));
  }

  return { realtime, calls, rings, colleagueRings, meetings, conversion, places, meetingEnded, roomStatus, roomWatch, chat, close: () => realtime.close() };
}

/** In this process's memory, or in Redis shared with the other processes: bus and store together. */
function openSharedState(settings: RealtimeSettings, redisUrl: string | undefined, logger: Logger): { bus: RealtimeBus; store: CallStore & { close(): void } } {
  if (redisUrl) {
    const bus = new RedisBus(redisUrl, { processTimeoutMs: settings.processTimeoutMs, graceMs: settings.graceMs, logger });
    return { bus, store: new RedisCallStore(bus) };
  }
  const bus = new MemoryBus();
  return { bus, store: new MemoryCallStore(bus) };
}
