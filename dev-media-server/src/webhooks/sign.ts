// The Authorization header of a webhook: a JWT (HS256, iss = API key) whose `sha256` claim is the
// base64 SHA-256 of the exact body, as livekit-server-sdk's WebhookReceiver verifies it.
import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';

const TOKEN_TTL_SECONDS = 5 * 60;

export function signWebhookBody(body: string | Buffer, apiKey: string, apiSecret: string): string {
  const sha256 = createHash('sha256').update(body).digest('base64');
  return jwt.sign({ sha256, video: {} }, apiSecret, { algorithm: 'HS256', issuer: apiKey, expiresIn: TOKEN_TTL_SECONDS, notBefore: 0 });
}
