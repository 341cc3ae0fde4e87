// Twirp RoomService endpoint (POST /twirp/livekit.RoomService/<Method>), as livekit-server-sdk calls
// it: JSON (or protobuf) bodies, a Bearer access token whose grants allow the method, Twirp errors.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessTokenError, tokenFromAuthorization, verifyAccessToken } from '../auth/access-token.js';
import type { MediaServerContext } from '../context.js';
import { RoomNotFoundError } from '../room/room-manager.js';
import { sendTwirpError, TwirpError } from './errors.js';
import { checkGrant, ROOM_SERVICE } from './room-service.js';

const PREFIX = '/twirp/livekit.RoomService/';
const MAX_BODY_BYTES = 1024 * 1024;

export async function handleTwirp(req: IncomingMessage, res: ServerResponse, ctx: MediaServerContext): Promise<void> {
  try {
    await dispatch(req, res, ctx);
  } catch (err) {
    if (err instanceof TwirpError) return sendTwirpError(res, err);
    if (err instanceof RoomNotFoundError) return sendTwirpError(res, new TwirpError('not_found', err.message));
    console.error('[media] twirp request failed:', err);
    sendTwirpError(res, new TwirpError('internal', 'internal error'));
  }
}

async function dispatch(req: IncomingMessage, res: ServerResponse, ctx: MediaServerContext): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const methodName = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : '';
  const method = Object.hasOwn(ROOM_SERVICE, methodName) ? ROOM_SERVICE[methodName] : undefined;
  if (req.method !== 'POST' || !method) {
    req.resume();
    throw new TwirpError('bad_route', `no handler for ${req.method ?? ''} ${path}`);
  }

  let grant;
  try {
    grant = verifyAccessToken(tokenFromAuthorization(req.headers.authorization), ctx.keys).video;
  } catch (err) {
    req.resume();
    if (err instanceof AccessTokenError) throw new TwirpError('unauthenticated', err.message);
    throw err;
  }

  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const binary = contentType === 'application/protobuf';
  if (!binary && contentType !== 'application/json') {
    req.resume();
    throw new TwirpError('bad_route', `unexpected Content-Type "${contentType}"`);
  }
  const body = await readBody(req);
  let request;
  try {
    request = binary
      ? method.request.fromBinary(body)
      : method.request.fromJsonString(body.length ? body.toString('utf8') : '{}', { ignoreUnknownFields: true });
  } catch (err) {
    throw new TwirpError('malformed', `the request body could not be decoded: ${err instanceof Error ? err.message : String(err)}`);
  }

  checkGrant(grant, method.scope, method.room(request), methodName);
  const response = method.run(ctx.rooms, request);
  const out = binary ? Buffer.from(response.toBinary()) : Buffer.from(response.toJsonString());
  res.writeHead(200, { 'Content-Type': binary ? 'application/protobuf' : 'application/json', 'Content-Length': out.length });
  res.end(out);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      req.destroy();
      throw new TwirpError('malformed', `request body larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
