// One access line per request. Paths can carry invite tokens (/v1/invites/<jwt>): any JWT-shaped
// segment is replaced before logging, and headers and bodies are never logged.
import type { RequestHandler } from 'express';

const JWT_LIKE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;

export function redact(text: string): string {
  return text.replace(JWT_LIKE, '[token]');
}

export function requestLog(log: (line: string) => void): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = redact((req.originalUrl || req.url).split('?')[0] ?? '');
      log(`${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  };
}
