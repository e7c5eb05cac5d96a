import 'server-only';
import { BlockList, isIP } from 'node:net';
import { StartupError } from '@/lib/db/startup-error';

/**
 * The address a request came from, for per-address limits (sign-in throttling).
 *
 * Under `next start` a route handler never sees the socket: Next copies the peer
 * address into `X-Forwarded-For` only when the request has no such header
 * (`??=` in next/dist/server/base-server.js), so a client that sends its own value
 * replaces its address with anything it likes. Glossa's server process therefore
 * preloads scripts/peer-address.mjs, which appends the socket's peer address to
 * `X-Forwarded-For` of every request: the rightmost entry is always the peer.
 *
 * With no trusted proxies (GLOSSA_TRUSTED_PROXIES unset) that rightmost entry is the
 * client. Behind proxies, entries are walked from the right, skipping trusted proxy
 * addresses; the first untrusted one is the client (what the outermost trusted proxy
 * saw). Anything to its left was written by the client and is ignored.
 */
export function clientAddress(
  headers: Headers | Record<string, string | string[] | undefined>,
  remoteAddress?: string,
  trusted: BlockList = trustedProxies(),
): string | undefined {
  const chain = [...forwardedFor(headers), ...(remoteAddress ? [remoteAddress] : [])].map(normalize);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!isTrusted(trusted, chain[i]!) || i === 0) return chain[i];
  }
  return undefined;
}

function forwardedFor(headers: Headers | Record<string, string | string[] | undefined>): string[] {
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  const joined = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return joined
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

// A client-written entry can be any text; it is only ever used as a key, so keep it short.
const MAX_ENTRY = 64;

/** `::ffff:203.0.113.9` (IPv4 on a dual-stack socket) and `203.0.113.9` are one client. */
function normalize(entry: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(entry);
  return (mapped ? mapped[1]! : entry).slice(0, MAX_ENTRY).toLowerCase();
}

function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * GLOSSA_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges of the reverse
 * proxies in front of Glossa, e.g. `10.0.0.0/8, 127.0.0.1`. Throws on an entry that
 * is neither, naming it, so a typo cannot silently trust nothing; `npm start` checks
 * it before serving (scripts/start.ts).
 */
export function trustedProxies(value = process.env.GLOSSA_TRUSTED_PROXIES ?? ''): BlockList {
  const list = new BlockList();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    if (family === 0 || extra !== undefined || !/^\d+$/.test(String(bits)) || bits > (family === 4 ? 32 : 128)) {
      throw new StartupError(
        `GLOSSA_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`,
        'List the addresses or ranges of your reverse proxies, comma-separated, e.g. GLOSSA_TRUSTED_PROXIES=10.0.0.0/8,127.0.0.1.',
      );
    }
    list.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}
