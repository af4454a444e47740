import "server-only";
import pg from "pg";
import { databaseTimeouts, onCloseDb } from "@/lib/db/client";

// The caller's context of a live session, kept in this process between requests, so that a signed-in request
// does not start with a round trip to PostgreSQL. It is only used while this process LISTENs on the channel
// that triggers on "Session", "User", "RoleAssignment" and "PermissionOverride" notify on commit (migration
// 20261122090000_auth_change_notify): a revoked or expired session, a disabled user, a changed role or
// permission drops the entries it touches in every server process as soon as the change commits. While the
// listening connection is down (not yet up, dropped, reconnecting), nothing is cached and every request reads
// the database, as before. The domain functions that change these tables also drop the entries here at once
// (forgetCallerContexts), so a request of this process that follows the change never sees the old state.
// A load that was in flight when a change to its session, user or agency arrived is not stored: it may have
// read the state before the change.

export const AUTH_CHANNEL = "tikit_auth";
const MAX_ENTRIES = 10_000;
/** Defence in depth only: an entry is re-read at least this often even when no change was notified. */
const TTL_MS = 60_000;
const RETRY_MS = 1_000;

type Entry<T> = { value: T; userId: string; agencyId: string; sessionExpiresAt: number; storedAt: number };

type State = {
  entries: Map<string, Entry<unknown>>;
  /** Counts the changes heard; `changedAt` keeps, per "user:<id>" / "agency:<id>", the count of the last one. */
  generation: number;
  changedAt: Map<string, number>;
  /** Everything changed at this count (a TRUNCATE, the listener lost, or changedAt pruned). */
  allChangedAt: number;
  listening: boolean;
  client: pg.Client | null;
  connecting: boolean;
  retryAt: number;
};

const holder = globalThis as unknown as { tikitContextCache?: State };

function state(): State {
  if (!holder.tikitContextCache) {
    const created: State = {
      entries: new Map(),
      generation: 0,
      changedAt: new Map(),
      allChangedAt: 0,
      listening: false,
      client: null,
      connecting: false,
      retryAt: 0,
    };
    holder.tikitContextCache = created;
    onCloseDb(() => stopListening(created));
  }
  return holder.tikitContextCache;
}

function dropAll(s: State) {
  s.entries.clear();
  s.allChangedAt = ++s.generation;
  s.changedAt.clear();
}

const CHANGES_KEPT = 10_000;

function changed(s: State, key: string) {
  if (s.changedAt.size >= CHANGES_KEPT) {
    s.changedAt.clear();
    s.allChangedAt = s.generation + 1;
  }
  s.changedAt.set(key, ++s.generation);
}

async function stopListening(s: State) {
  const client = s.client;
  s.client = null;
  s.listening = false;
  s.retryAt = 0;
  dropAll(s);
  await client?.end().catch(() => {});
}

function lost(s: State, client: pg.Client, reason: string) {
  if (s.client !== client) return;
  console.error(`[auth] change listener lost (${reason}); caller contexts are read from the database until it is back`);
  s.client = null;
  s.listening = false;
  s.retryAt = Date.now() + RETRY_MS;
  dropAll(s);
  void client.end().catch(() => {});
}

function listen(s: State) {
  const url = process.env.DATABASE_APP_URL || process.env.DATABASE_URL;
  if (!url || s.connecting || s.client || Date.now() < s.retryAt) return;
  s.connecting = true;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: databaseTimeouts().connect });
  s.client = client;
  client.on("notification", (message) => {
    if (message.channel === AUTH_CHANNEL) applyChange(s, message.payload ?? "");
  });
  client.on("error", (error) => lost(s, client, error.message));
  client.on("end", () => lost(s, client, "connection ended"));
  client
    .connect()
    .then(() => client.query(`LISTEN ${AUTH_CHANNEL}`))
    .then(() => {
      if (s.client !== client) return;
      // The socket must not keep a script or a test process alive.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      dropAll(s);
      s.listening = true;
    })
    .catch((error: Error) => lost(s, client, error.message))
    .finally(() => {
      s.connecting = false;
    });
}

/** A notification: "session:<id>", "user:<id>" or "agency:<id>"; anything else drops everything. */
function applyChange(s: State, payload: string) {
  const [kind, id] = payload.split(":", 2);
  if (kind === "session" && id) {
    s.entries.delete(id);
    changed(s, `session:${id}`);
  } else if ((kind === "user" || kind === "agency") && id) forget(s, kind, id);
  else dropAll(s);
}

function forget(s: State, kind: "user" | "agency", id: string) {
  changed(s, `${kind}:${id}`);
  for (const [key, entry] of s.entries)
    if ((kind === "user" ? entry.userId : entry.agencyId) === id) s.entries.delete(key);
}

/** The cached context of a session, if this process is listening for changes and has a fresh one. */
export function cachedCallerContext<T>(sessionId: string): T | null {
  const s = state();
  if (!s.listening) {
    listen(s);
    return null;
  }
  const entry = s.entries.get(sessionId);
  if (!entry) return null;
  const now = Date.now();
  if (entry.sessionExpiresAt <= now || now - entry.storedAt > TTL_MS) {
    s.entries.delete(sessionId);
    return null;
  }
  return entry.value as T;
}

/** Call before reading a context from the database; pass the result to storeCallerContext. */
export function contextGeneration(): number {
  return state().generation;
}

/** Keeps a context read from the database, unless a change arrived while it was being read. */
export function storeCallerContext<T>(
  sessionId: string,
  value: T,
  owner: { userId: string; agencyId: string; sessionExpiresAt: Date },
  generation: number,
) {
  const s = state();
  if (!s.listening) return;
  // Not if anything about this session, its user or its agency changed after the read began.
  const since = Math.max(
    s.allChangedAt,
    s.changedAt.get(`session:${sessionId}`) ?? 0,
    s.changedAt.get(`user:${owner.userId}`) ?? 0,
    s.changedAt.get(`agency:${owner.agencyId}`) ?? 0,
  );
  if (since > generation) return;
  if (s.entries.size >= MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value!);
  s.entries.set(sessionId, {
    value,
    userId: owner.userId,
    agencyId: owner.agencyId,
    sessionExpiresAt: owner.sessionExpiresAt.getTime(),
    storedAt: Date.now(),
  });
}

/** Drops the cached contexts a committed change touches, in this process (other processes hear the trigger). */
export function forgetCallerContexts(change: { userId: string } | { agencyId: string }) {
  const s = state();
  if ("userId" in change) forget(s, "user", change.userId);
  else forget(s, "agency", change.agencyId);
}

/** For tests: whether the listener is up, and how many contexts are held. */
export function callerContextCacheStatus() {
  const s = state();
  return {
    listening: s.listening,
    size: s.entries.size,
    listenerPid: s.listening ? ((s.client as unknown as { processID?: number })?.processID ?? null) : null,
  };
}
