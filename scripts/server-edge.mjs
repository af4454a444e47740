// The edge of the HTTP server, shared by its entry (scripts/server.mjs), next.config.ts and the app: which
// address a request comes from, the body limits checked before Next.js reads a body, and the shutdown grace.
// Plain JavaScript (typed by server-edge.d.mts) because the server entry runs under plain Node, without tsx.
import net from "node:net";

/**
 * The client's address as the server entry computed it (from the socket and TRUST_PROXY). The entry deletes any
 * copy the client sent, so the app can believe it; lib/auth/client-address.ts is its only reader.
 */
export const CLIENT_ADDRESS_HEADER = "x-tikit-client-address";

/** Largest server action body (next.config.ts experimental.serverActions.bodySizeLimit and the entry's 413). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Largest body of an Auth.js endpoint (/api/auth/*): open before sign-in, and its forms are a CSRF token, a
 * callback URL and a one-minute ticket, well under 1 KB. The entry refuses a larger declared body;
 * lib/auth/limit-body.ts counts the bytes of a chunked one.
 */
export const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The limit on a request's declared body that the server entry enforces before Next.js reads any of it, or null.
 * Only what Next.js would otherwise read whole: server actions (POST with a Next-Action header) and /api/auth/*.
 */
export function bodyLimitOf(method, url, headers) {
  if (method !== "POST" && method !== "PUT" && method !== "PATCH") return null;
  if (headers["next-action"] !== undefined) return SERVER_ACTION_BODY_LIMIT_BYTES;
  if (url.startsWith("/api/auth/") || url === "/api/auth") return AUTH_BODY_LIMIT_BYTES;
  return null;
}

/** How long a stopping server lets its requests in flight finish before it closes what is left and exits. */
export const SHUTDOWN_GRACE_MS = 8_000;

/** TRUST_PROXY: how many proxies in front of the server append to X-Forwarded-For (0, the default: none). */
export function parseTrustProxy(value) {
  if (value === undefined || value.trim() === "") return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 32) {
    throw new Error(`TRUST_PROXY must be the number of proxies in front of the server (0-32), not "${value}"`);
  }
  return hops;
}

/** An IP address as one form: IPv4-mapped IPv6 as IPv4, a port or brackets dropped; null when it is none. */
export function normalizeAddress(raw) {
  if (typeof raw !== "string") return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.indexOf(":"));
  const zone = value.indexOf("%");
  if (zone > 0) value = value.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1];
  const kind = net.isIP(value);
  if (kind === 4) return value;
  if (kind === 6) return value.toLowerCase();
  return null;
}

/**
 * The client address of a request: with `hops` trusted proxies in front, the `hops`-th address from the right of
 * the chain "X-Forwarded-For entries, then the socket's peer" (each proxy appends the address it saw, so only the
 * right-most `hops` entries were written by someone we trust; anything left of them is the client's to invent).
 * A chain shorter than that gives its left-most address. An entry that is not an IP address is not believed:
 * the nearest address to its right (written by a trusted proxy or the socket itself) stands in for it.
 */
export function clientAddress({ socketAddress, forwardedFor, hops }) {
  const socket = normalizeAddress(socketAddress);
  if (!hops || !forwardedFor) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const chain = [...header.split(","), socketAddress];
  let best = socket;
  for (let i = chain.length - 2, step = 1; i >= 0 && step <= hops; i--, step++) {
    const address = normalizeAddress(chain[i]);
    if (!address) break;
    best = address;
  }
  return best;
}
