// Reading what a page sends on `/v1/realtime`: the parser of client frames. The frame types and
// close codes are the wire protocol (protocol/realtime.ts), shared with the SDK.
import type { ClientMessage } from '#protocol/realtime.js';

/** Longest contact id the server accepts in `watch` (directory ids are short). */
export const MAX_ID_LENGTH = 128;

/** Parses one text frame into a client message, or returns an error string saying what is wrong. */
export function parseClientMessage(text: string): ClientMessage | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'frame is not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'frame is not a JSON object';
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'auth':
      if (typeof m.token !== 'string' || m.token.length === 0 || m.token.length > 8192) return 'auth.token must be a non-empty string';
      return { type: 'auth', token: m.token };
    case 'watch': {
      const add = idList(m.add);
      const remove = idList(m.remove);
      if (add === null || remove === null) return `watch.add and watch.remove must be arrays of ids (1-${MAX_ID_LENGTH} chars)`;
      return { type: 'watch', add, remove };
    }
    case 'watch-rooms': {
      const add = idList(m.add);
      const remove = idList(m.remove);
      if (add === null || remove === null) return `watch-rooms.add and watch-rooms.remove must be arrays of room ids (1-${MAX_ID_LENGTH} chars)`;
      return { type: 'watch-rooms', add, remove };
    }
    case 'ping':
      return { type: 'ping' };
    default:
      return 'unknown message type';
  }
}

function idList(v: unknown): string[] | null {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return null;
  for (const id of v) if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return null;
  return v as string[];
}
