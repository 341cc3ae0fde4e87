// The client's address for per-address limits outside Express (the WebSocket upgrade), resolved
// with the same TRUST_PROXY rule Express applies to req.ip.
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { TokenServiceConfig } from '../config.js';

export function clientAddressResolver(trustProxy: TokenServiceConfig['trustProxy']): (req: IncomingMessage) => string {
  const trust = trustProxy === true ? () => true
    : trustProxy === false ? () => false
    : typeof trustProxy === 'number' ? (_addr: string, hop: number) => hop < trustProxy
    : proxyaddr.compile(trustProxy);
  return (req) => proxyaddr(req, trust);
}
