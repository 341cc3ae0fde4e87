// The service's logger: one JSON object per line (pino), with a request id on request lines.
// Every string logged goes through redact(), so a token that slips into a message or an error's
// stack comes out as "[token]"; headers and bodies are never logged.
import { pino, type Logger } from 'pino';
import { redact } from './request-log.js';

export type { Logger };

/**
 * pino's isoTime, formatted once per millisecond: a busy service writes several lines in the same
 * one (about 3 µs per access line otherwise, bench/token-profile).
 */
function isoTimeOncePerMs(): () => string {
  let at = -1;
  let text = '';
  return () => {
    const now = Date.now();
    if (now !== at) {
      at = now;
      text = `,"time":"${new Date(now).toISOString()}"`;
    }
    return text;
  };
}

/** `write` receives each JSON line (embedding hosts and tests); default: stdout. */
export function createLogger(write?: (line: string) => void): Logger {
  const options: pino.LoggerOptions = {
    base: { service: 'timio-token-service' },
    timestamp: isoTimeOncePerMs(),
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? redact(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  return write ? pino(options, { write: (line: string) => write(line.trimEnd()) }) : pino(options);
}

/** A catch handler for background work: logs what failed, with its context, and the error's message. */
export function logFailure(logger: Logger, what: string, context: Record<string, unknown> = {}): (err: unknown) => void {
  return (err) => logger.error(context, `${what}: ${err instanceof Error ? err.message : String(err)}`);
}
