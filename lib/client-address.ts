// The client's network address for per-address limits (docs/decisions/021-client-address.md).
//
// Next 16 gives route handlers, server actions and proxy.ts no socket: the only
// address they see is X-Forwarded-For, which Next fills from the socket only
// when the client sent none, so by itself it is whatever the client claims.
// Recall's own server (scripts/serve.ts, what `npm start` runs) therefore
// works the address out from the socket and hands it to the app in a header
// whose name is random per process (so no client can send it), overwriting
// anything a client sent under that name.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";

/** Names the header scripts/serve.ts sets; unset when the app runs under plain `next start`. */
export const CLIENT_ADDRESS_HEADER_ENV = "RECALL_CLIENT_ADDRESS_HEADER";

type Env = Record<string, string | undefined>;

/**
 * How many proxies in front of the app to trust (TRUST_PROXY): a whole number
 * of hops; "true" means 1 (the setting's earlier on/off form); unset, empty,
 * "0" or "false" mean none. Throws on anything else, so a typo cannot silently
 * trust nothing or everything.
 */
export function trustedProxyHops(env: Env = process.env): number {
  const v = (env.TRUST_PROXY ?? "").trim().toLowerCase();
  if (v === "" || v === "false") return 0;
  if (v === "true") return 1;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  throw new Error(`TRUST_PROXY must be the number of proxies in front of Recall (0, 1, 2, …), got "${env.TRUST_PROXY}"`);
}

/** What clientAddressOf reads of a Node request: the socket's peer and the forwarding header. */
export interface ConnectionInfo {
  socket: { remoteAddress?: string };
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The client's address, decided by `proxy-addr` (Express's well-kept
 * implementation): the addresses that handled the request are the socket's
 * peer, then the X-Forwarded-For entries from right to left (each proxy
 * appends the address it received the request from); the first `hops` of
 * them are trusted proxies, so the client is the next one: the socket's peer
 * with no proxy, the last X-Forwarded-For entry with one, the Nth from the
 * right with N. Entries further left were written by the client and are never
 * used, so a forged header can neither dodge the limit nor name someone else.
 * With fewer entries than trusted hops, the leftmost one.
 */
export function clientAddressOf(req: ConnectionInfo, hops: number): string | null {
  const forwarded = req.headers["x-forwarded-for"];
  const headers = { "x-forwarded-for": Array.isArray(forwarded) ? forwarded.join(",") : forwarded };
  // proxy-addr reads req.connection.remoteAddress and req.headers.
  const view = { connection: { remoteAddress: req.socket.remoteAddress }, headers } as unknown as IncomingMessage;
  // Express's "trust proxy = N" rule: the addresses at index < N (socket first) are trusted.
  return normalizeAddress(proxyaddr(view, (_address, i) => i < hops));
}

/** An IPv4 address mapped into IPv6 (::ffff:1.2.3.4) is the IPv4 address; anything that is not an IP address is kept short. */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]")); // [v6]:port
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":")); // v4:port
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7);
  if (isIP(a)) return a.toLowerCase();
  return a ? a.slice(0, 64) : null;
}

interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The client's address as the app sees it, or null when it cannot be known:
 * the header Recall's server set. Under plain `next start` the app never sees
 * the socket, so it has no per-address limit (npm start always goes through
 * scripts/serve.ts).
 */
export function requestClientAddress(headers: HeaderReader, env: Env = process.env): string | null {
  const name = env[CLIENT_ADDRESS_HEADER_ENV];
  return name ? normalizeAddress(headers.get(name) ?? undefined) : null;
}
