// The JSON body of POST /v1/token read without body-parser, with express.json({limit, strict})'s
// rules: a declared or received size over the limit is 413 (after the body is read off, so the
// connection stays usable), JSON only as UTF-8 (a leading BOM dropped), strict (an object or an
// array; an empty body counts as {}), malformed is 400. Only the plain case is read here: a
// Content-Length, no Content-Encoding, Content-Type `application/json` with no charset or UTF-8.
// Anything else (other types, charsets, compression, chunked) goes to the express.json instance
// itself, so those answers are body-parser's by construction.
// body-parser spent ~35 µs per token (raw-body, iconv, content-type parsing, http-errors); this ~3.
import type { IncomingMessage } from 'node:http';
import { invalidInput, notJson, payloadTooLarge } from './errors.js';

/** What this reader takes; everything else is body-parser's. Browsers and the SDK send these. */
const PLAIN_JSON = /^application\/json(?:;[ \t]*charset=(?:utf-8|"utf-8"))?$/i;
const DIGITS = /^\d{1,15}$/;
/** JSON's whitespace (RFC 8259); body-parser's strict check skips exactly these. */
const JSON_SPACE = /^[\x20\x09\x0a\x0d]*/;

/** True when the request is one this reader answers exactly as express.json would. */
export function isPlainJson(req: IncomingMessage): boolean {
  const h = req.headers;
  const type = h['content-type'];
  const encoding = h['content-encoding'];
  return type !== undefined && PLAIN_JSON.test(type)
    && h['transfer-encoding'] === undefined
    && h['content-length'] !== undefined && DIGITS.test(h['content-length'])
    && (encoding === undefined || encoding.toLowerCase() === 'identity');
}

/** express.json's strict parse of a decoded body: 400 for anything but an object or array. */
export function parseStrictJson(text: string): unknown {
  if (text.length === 0) return {};
  const first = text[0] === '{' || text[0] === '[' ? text[0] : text.charAt(JSON_SPACE.exec(text)![0].length);
  if (first !== '{' && first !== '[') throw notJson();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}

function decode(chunks: Buffer[], size: number): unknown {
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  // iconv's UTF-8 decoder, which body-parser uses, drops a byte order mark.
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return parseStrictJson(bytes.toString('utf8', hasBom ? 3 : 0));
}

/**
 * Reads and parses a plain JSON request (isPlainJson) into `done(err, body)`. When the whole body
 * has already arrived (the usual case: one packet), it is read and parsed before this returns.
 */
export function readPlainJson(req: IncomingMessage, limit: number, done: (err: unknown, body?: unknown) => void): void {
  const length = Number(req.headers['content-length']);
  if (length > limit) {
    drain(req, () => done(payloadTooLarge()));
    return;
  }
  // Already here: the bytes sit in the stream's buffer; no events, no ticks. node's parser hands the
  // stream at most Content-Length bytes, so that many buffered is the whole body, even before it
  // marks the message complete (it does so later: `req.complete` is still false at this point).
  if (req.readableLength === length) {
    const chunks: Buffer[] = [];
    for (let chunk = req.read() as Buffer | null; chunk !== null; chunk = req.read() as Buffer | null) chunks.push(chunk);
    settle(done, chunks, length);
    return;
  }
  const chunks: Buffer[] = [];
  const onData = (chunk: Buffer) => void chunks.push(chunk);
  // node's HTTP parser ends the body exactly at its Content-Length (already checked against the limit).
  const onEnd = () => {
    cleanup();
    settle(done, chunks, length);
  };
  const onAbort = () => {
    cleanup();
    done(invalidInput('request aborted'));
  };
  const cleanup = () => {
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('error', onAbort);
    req.off('close', onAbort);
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onAbort);
  req.on('close', onAbort);
}

function settle(done: (err: unknown, body?: unknown) => void, chunks: Buffer[], size: number): void {
  let body: unknown;
  try {
    body = decode(chunks, size);
  } catch (err) {
    done(err);
    return;
  }
  done(undefined, body);
}

/** Reads the request off to its end (or its connection's end), then calls `then`. */
function drain(req: IncomingMessage, then: () => void): void {
  if (req.readableEnded || req.destroyed) {
    then();
    return;
  }
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    then();
  };
  req.once('end', once);
  req.once('close', once);
  req.resume();
}
