// Source addresses for benches that open thousands of sockets to one service. The token service
// lets one client address hold only a few sockets that have not authenticated yet (realtime
// `maxPendingPerAddress`, 100; more are answered 429) and rate-limits HTTP per address: right for
// production, where thousands of pages come from thousands of machines, so a bench must look like
// that too rather than loosen the limits. On Linux all of 127.0.0.0/8 is loopback: a client socket
// bound to 127.a.b.c reaches a service listening on 127.0.0.1, and with TRUST_PROXY off the
// service keys its limits on that socket address.
import { createServer } from 'node:net';

/** Distinct addresses per index: 254 per /24 (no .0, no .255), 127.0.0.0/16 left to everyone else. */
const PER_BLOCK = 254;

/** The i-th source address (i ≥ 0), never 127.0.0.1 nor any other 127.0.x.y. */
export function loopbackAddress(i: number): string {
  if (!Number.isInteger(i) || i < 0) throw new RangeError(`loopback index ${i}`);
  const host = 1 + (i % PER_BLOCK);
  const block = Math.floor(i / PER_BLOCK);
  const b = block % 256;
  const a = 1 + Math.floor(block / 256);
  if (a > 255) throw new RangeError(`loopback index ${i} beyond 127.255.255.254`);
  return `127.${a}.${b}.${host}`;
}

/**
 * Fails with a clear message where only 127.0.0.1 is loopback (macOS without aliases): there
 * the bench's sockets would fail one by one with EADDRNOTAVAIL.
 */
export async function assertLoopbackSpread(): Promise<void> {
  const address = loopbackAddress(0);
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, address, resolve);
    });
  } catch (err) {
    throw new Error(`cannot bind ${address} (${(err as NodeJS.ErrnoException).code}): the bench needs all of 127.0.0.0/8 as loopback (Linux)`);
  } finally {
    server.close();
  }
}
