// Input checks shared by all routes. Each returns the clean value or throws invalid_input with a
// message that names the field, so a client can see what to fix.
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import typeis from 'type-is';
import { invalidInput } from './errors.js';
import { MARK_STACK, MAX_MARKS_PER_CHARACTER, MAX_NAME_LENGTH, UNPRINTABLE } from '../directory/names.js';

const DIRECTORY_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;
const ROOM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Directory ids never contain ':' so a guest identity (`guest:…`) can never equal one. */
export function isDirectoryId(value: string): boolean {
  return DIRECTORY_ID.test(value);
}

export function isRoomId(value: string): boolean {
  return ROOM_ID.test(value);
}

export function roomIdParam(req: Request): string {
  const room = req.params['room'];
  if (typeof room !== 'string' || !ROOM_ID.test(room)) throw invalidInput('room id must be 1-64 letters, digits, ".", "_" or "-"');
  return room;
}

/**
 * The JSON body as an object (express.json leaves it undefined for other content types). Plain
 * node:http requests work too (the POST /v1/token path in front of Express).
 */
export function jsonBody(req: IncomingMessage & { body?: unknown }): Record<string, unknown> {
  const body: unknown = req.body;
  // What Express's req.is() answers: false without a body or for another type.
  if (body === undefined && !typeis(req, ['application/json'])) throw invalidInput('send a JSON body with Content-Type: application/json');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidInput('request body must be a JSON object');
  return body as Record<string, unknown>;
}

export function text(body: Record<string, unknown>, field: string, opts: { max: number; min?: number }): string {
  const raw = body[field];
  if (typeof raw !== 'string') throw invalidInput(`${field} must be a string`);
  const value = raw.normalize('NFC').trim();
  if (UNPRINTABLE.test(value)) throw invalidInput(`${field} must not contain control or invisible formatting characters`);
  if (MARK_STACK.test(value)) throw invalidInput(`${field} must not stack more than ${MAX_MARKS_PER_CHARACTER} combining marks on one character`);
  const length = [...value].length;
  if (length < (opts.min ?? 1)) throw invalidInput(`${field} must not be empty`);
  if (length > opts.max) throw invalidInput(`${field} must be at most ${opts.max} characters`);
  return value;
}

export function optionalText(body: Record<string, unknown>, field: string, opts: { max: number }): string | undefined {
  return body[field] === undefined ? undefined : text(body, field, opts);
}

/** A person's name as shown in a call. */
export function displayName(body: Record<string, unknown>, field = 'name'): string {
  return text(body, field, { max: MAX_NAME_LENGTH });
}

export function bool(body: Record<string, unknown>, field: string): boolean {
  const v = body[field];
  if (typeof v !== 'boolean') throw invalidInput(`${field} must be true or false`);
  return v;
}

export function integer(body: Record<string, unknown>, field: string, opts: { min: number; max: number; default?: number }): number {
  const v = body[field];
  if (v === undefined && opts.default !== undefined) return opts.default;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < opts.min || v > opts.max) {
    throw invalidInput(`${field} must be a whole number from ${opts.min} to ${opts.max}`);
  }
  return v;
}

/** An ISO 8601 date-time with a zone (so "09:00" is never misread in the server's zone). */
export function instant(body: Record<string, unknown>, field: string): Date {
  const v = body[field];
  if (typeof v !== 'string' || v.length > 40 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    throw invalidInput(`${field} must be an ISO 8601 date-time with a time zone, e.g. 2026-03-02T09:00:00Z`);
  }
  const date = new Date(v);
  if (Number.isNaN(date.getTime())) throw invalidInput(`${field} is not a real date`);
  return date;
}

/**
 * An employee's directory id, or a guest's `guest:` + base64url (which may start with "-" and
 * hold "_": such guests must stay mutable and removable).
 */
const PARTICIPANT_IDENTITY = /^(?:guest:[A-Za-z0-9_-]{1,64}|[A-Za-z0-9][A-Za-z0-9._@-]{0,127})$/;

export function optionalIdentity(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !PARTICIPANT_IDENTITY.test(v)) throw invalidInput(`${field} is not a participant identity`);
  return v;
}

/** `userIds` of a ring or an add: 1–`max` distinct directory ids, else 400 invalid_input. */
export function colleagueIds(body: Record<string, unknown>, max: number): string[] {
  const ids = body['userIds'];
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > max) throw invalidInput(`userIds must be a list of 1-${max} user ids`);
  if (ids.some((id) => typeof id !== 'string' || !isDirectoryId(id))) throw invalidInput('userIds must hold user ids');
  if (new Set(ids).size !== ids.length) throw invalidInput('userIds must not repeat an id');
  return ids as string[];
}
