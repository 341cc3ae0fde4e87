// The client's address for per-address limits outside Express (the WebSocket upgrade), resolved
// with the same TRUST_PROXY rule Express applies to req.ip.
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { TokenServiceConfig } from '../config.js';

export function clientAddressResolver(trustProxy: TokenServiceConfig['trustProxy']): (req: IncomingMessage) => string {
  // Trusting no proxy, proxy-addr answers the socket's address (after parsing X-Forwarded-For for
  // nothing); asked on every limited request.
  // (As there, a socket already gone has no address.)
  if (trustProxy === false) return (req) => req.socket.remoteAddress as string;
  const trust = trustProxy === true ? () => true
    : typeof trustProxy === 'number' ? (_addr: string, hop: number) => hop < trustProxy
    : proxyaddr.compile(trustProxy);
  return (req) => proxyaddr(req, trust);
}
