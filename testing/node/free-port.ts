// A TCP port on 127.0.0.1 that was free a moment ago, for a process that must be told its port
// before it starts (redis-server, a token service restarted on the same port).
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}
