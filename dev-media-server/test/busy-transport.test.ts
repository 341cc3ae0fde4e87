// A publisher's peer connection survives what a busy machine does to it (FINDINGS.md "A subscribed
// video that never gets a packet"; src/rtc/transport-fixes.ts): a DTLS HelloVerifyRequest that
// arrives twice (the server's ClientHello was retransmitted and the client answered both). werift
// used to fail the server's side of the connection for good while the publisher kept sending: its
// camera then never reached anyone. (The other cause, ICE consent expiring while the event loop is
// late, has no test: a deliberately slowed event loop here did not make werift's checks fail.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RTCPeerConnection } from 'werift';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { SyntheticCrowd, type SyntheticParticipant } from '../../testing/node/synthetic-participants.js';
import { waitUntil } from '../../testing/wait.js';

const ROOM = 'busy';
const HANDSHAKE = 22;
const HELLO_VERIFY_REQUEST = 3;
let media: MediaServer;
let crowd: SyntheticCrowd;

before(async () => {
  media = await startMediaServer({ port: 0 });
  crowd = new SyntheticCrowd({ url: media.url, max: 4 });
});
after(async () => {
  await crowd?.close();
  await media?.close();
});

/** The server's view of a participant's publishing: its connection state and packets received. */
function serverSide(p: SyntheticParticipant): { connection: string; packets: number } {
  const participant = media.rooms.getRoom(ROOM)?.participants.get(p.identity);
  const track = participant?.published.get(p.trackSid);
  return { connection: participant?.publisher?.pc.connectionState ?? 'none', packets: track?.packetsReceived ?? 0 };
}

/** Packets of the camera arrive at the server, and more keep arriving. */
async function mediaArrives(p: SyntheticParticipant): Promise<void> {
  const before = serverSide(p).packets;
  await waitUntil(() => serverSide(p).packets >= before + 20, `${p.identity}'s packets at the server (now ${JSON.stringify(serverSide(p))})`);
  assert.equal(serverSide(p).connection, 'connected');
}

/** Sends every DTLS HelloVerifyRequest of this (offering, DTLS server) side twice. */
function repeatHelloVerify(pc: RTCPeerConnection): void {
  for (const transport of pc.iceTransports) {
    const connection = transport.connection as unknown as { send(data: Buffer): Promise<void> };
    const send = connection.send;
    connection.send = async (data: Buffer) => {
      await send(data);
      if (data[0] === HANDSHAKE && data[13] === HELLO_VERIFY_REQUEST) await send(data);
    };
  }
}

describe('publisher connections on a busy machine', { timeout: 300_000 }, () => {
  test('a HelloVerifyRequest that arrives twice does not fail the connection', async () => {
    const p = await crowd.join(ROOM, 'twice', { beforeOffer: repeatHelloVerify });
    await mediaArrives(p);
  });

});
