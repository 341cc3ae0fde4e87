// Placeholder until the RoomService implementation lands: every method answers Twirp "not_found".
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaServerContext } from '../context.js';

export async function handleTwirp(req: IncomingMessage, res: ServerResponse, _ctx: MediaServerContext): Promise<void> {
  req.resume();
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ code: 'not_found', msg: `${req.url ?? ''} is not implemented` }));
}
