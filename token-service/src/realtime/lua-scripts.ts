// Named Lua scripts on an ioredis connection (the bus's, which the call store shares): defined once,
// so ioredis sends EVALSHA and the script body only when Redis does not know it yet (after a
// restart), then run by name with string arguments.
import type { Redis } from 'ioredis';

/** A script's body, or its body and how many of its arguments are keys (KEYS[1..n]); default none. */
export type LuaScript = string | { lua: string; keys: number };

export type RunScript<N extends string> = (name: N, ...args: string[]) => Promise<unknown>;

/** Defines `scripts` on `redis` as commands named `prefix + name`; returns what runs one by name. */
export function defineScripts<N extends string>(redis: Redis, prefix: string, scripts: Readonly<Record<N, LuaScript>>): RunScript<N> {
  const commands = redis as unknown as Record<string, (...args: string[]) => Promise<unknown>>;
  for (const name of Object.keys(scripts) as N[]) {
    const script = scripts[name];
    redis.defineCommand(prefix + name, typeof script === 'string' ? { numberOfKeys: 0, lua: script } : { numberOfKeys: script.keys, lua: script.lua });
  }
  return (name, ...args) => commands[prefix + name]!.apply(redis, args);
}
