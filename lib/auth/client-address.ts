import { CLIENT_ADDRESS_HEADER } from "@/scripts/server-edge.mjs";

/** Where request headers are read from: a web Request's, a Node request's adapter, or next/headers. */
export type HeaderSource = { get(name: string): string | null };

/**
 * The caller's IP address for rate limits, lockouts, sessions and the audit log: the one the server entry
 * (scripts/server.mjs) computed from the socket and TRUST_PROXY, in a header it deletes from what the client sends.
 * X-Forwarded-For and X-Real-IP are never read here: anyone can send them. Null when the app runs without the
 * entry (e.g. a bare `next start`): the rate limit then counts every such caller as one.
 */
export function clientAddressOf(source: HeaderSource): string | null {
  return source.get(CLIENT_ADDRESS_HEADER) || null;
}
