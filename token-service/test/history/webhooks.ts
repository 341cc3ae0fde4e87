// LiveKit's webhooks as a test sends them to a token service: signed with the LiveKit key pair of
// the test environment, so the service takes them as LiveKit's own.
import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { LIVEKIT_KEY, LIVEKIT_SECRET } from '../helpers.js';

let n = 0;

/** Sends one webhook event (`participant_joined`, `participant_left`, `room_finished`) to the service at `base`. */
export async function sendWebhook(base: string, event: string, room: string, identity?: string): Promise<void> {
  const body = JSON.stringify({
    event, room: { name: room }, ...(identity ? { participant: { identity, name: identity } } : {}),
    id: `EV_history_${Date.now()}_${n++}`, createdAt: String(Math.floor(Date.now() / 1000)),
  });
  const at = new AccessToken(LIVEKIT_KEY, LIVEKIT_SECRET);
  at.sha256 = createHash('sha256').update(body).digest('base64');
  const res = await fetch(`${base}/v1/livekit/webhook`, {
    method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await at.toJwt() }, body,
  });
  if (res.status !== 200) throw new Error(`webhook refused: ${res.status} ${await res.text()}`);
}
