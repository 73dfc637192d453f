import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** TRUST_PROXY: off, a hop count, or the proxies' addresses/subnets (proxy-addr names such as `loopback` work too). */
export type TrustProxy = false | number | string[];

/**
 * The same rule express applies for `trust proxy`, as a function: which hops may speak for the client.
 * Off = nobody, so X-Forwarded-For is ignored and the socket address is the client.
 */
export function trustFunction(setting: TrustProxy): (addr: string, hop: number) => boolean {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_addr, hop) => hop < setting;
  return proxyaddr.compile(setting);
}

/**
 * The client address for per-IP limits outside express (the socket.io handshake reads the raw request):
 * exactly what `req.ip` is inside express with the same setting, so every limit agrees on who the client is.
 */
export function clientIpResolver(setting: TrustProxy): (req: IncomingMessage) => string {
  const trust = trustFunction(setting);
  return (req) => proxyaddr(req, trust);
}
