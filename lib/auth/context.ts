import "server-only";
import { db } from "@/lib/db/client";
import { queryRow } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { cachedCallerContext, contextGeneration, storeCallerContext } from "@/lib/auth/context-cache";
import {
  resolveGrants,
  type Assignment,
  type Grant,
  type Override,
  type Permission,
  can,
} from "@/lib/auth/permissions";

/** Who is calling: passed to every domain function, which scopes its queries with it. */
export type AuthContext = {
  agencyId: string;
  userId: string;
  email: string;
  name: string;
  sessionId: string | null;
  ip: string | null;
  grants: Grant[];
  mfaEnabled: boolean;
};

type ContextRow = {
  id: string;
  agencyId: string;
  email: string;
  name: string;
  mfaEnabled: boolean;
  assignments: Assignment[];
  overrides: Override[];
};

// Every request loads its caller: one statement (user, role assignments, the agency's overrides, and the
// session when there is one) instead of one per relation.
const CONTEXT_COLUMNS = Prisma.sql`
  u.id, u."agencyId", u.email, u.name, (u."mfaEnabledAt" IS NOT NULL) AS "mfaEnabled",
  COALESCE((SELECT json_agg(json_build_object('role', r.role, 'scopeType', r."scopeType", 'scopeId', r."scopeId"))
            FROM "RoleAssignment" r WHERE r."userId" = u.id), '[]') AS assignments,
  COALESCE((SELECT json_agg(json_build_object('role', o.role, 'permission', o.permission, 'allowed', o.allowed))
            FROM "PermissionOverride" o WHERE o."agencyId" = u."agencyId"), '[]') AS overrides`;

function toContext(row: ContextRow, extra: { sessionId?: string | null; ip?: string | null }): AuthContext {
  return {
    agencyId: row.agencyId,
    userId: row.id,
    email: row.email,
    name: row.name,
    sessionId: extra.sessionId ?? null,
    ip: extra.ip ?? null,
    grants: resolveGrants(row.assignments, row.overrides),
    mfaEnabled: row.mfaEnabled,
  };
}

/** Loads a user's context: role assignments with the agency's overrides applied. Null for unknown or disabled users. */
export async function loadUserContext(
  userId: string,
  extra: { sessionId?: string | null; ip?: string | null } = {},
): Promise<AuthContext | null> {
  const rows = await db.$queryRaw<ContextRow[]>`
    SELECT ${CONTEXT_COLUMNS}
    FROM "User" u WHERE u.id = ${userId}::uuid AND u.status = 'ACTIVE'`;
  return rows[0] ? toContext(rows[0], extra) : null;
}

const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

type SessionCaller = { context: AuthContext; lastSeenAt: Date | null };

/**
 * Loads the context behind a session id, if the session is live (not revoked, not expired). Held between
 * requests while this process hears every change to sessions, users, roles and overrides (context-cache.ts).
 */
export async function loadSessionContext(sessionId: string, ip: string | null): Promise<AuthContext | null> {
  if (!UUID.test(sessionId)) return null;
  let caller = cachedCallerContext<SessionCaller>(sessionId);
  if (!caller) {
    const generation = contextGeneration();
    // A prepared statement on the pool (lib/db/sql.ts).
    const row = await queryRow<ContextRow & { lastSeenAt: Date | null; expiresAt: Date }>(Prisma.sql`
      SELECT ${CONTEXT_COLUMNS}, s."lastSeenAt", s."expiresAt"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
      WHERE s.id = ${sessionId}::uuid AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u.status = 'ACTIVE'`);
    if (!row) return null;
    caller = { context: toContext(row, { sessionId }), lastSeenAt: row.lastSeenAt };
    storeCallerContext(
      sessionId,
      caller,
      { userId: row.id, agencyId: row.agencyId, sessionExpiresAt: row.expiresAt },
      generation,
    );
  }
  // "Last seen" for the sessions list on /account, written at most every five minutes per session.
  const lastSeenAt = caller.lastSeenAt;
  if (lastSeenAt && Date.now() - lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    caller.lastSeenAt = new Date();
    await db.session.updateMany({ where: { id: sessionId, lastSeenAt }, data: { lastSeenAt: caller.lastSeenAt } });
  }
  return { ...caller.context, ip };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Holding any of these makes TOTP MFA mandatory (ADM, DIR and FIN by default).
export const MFA_REQUIRING_PERMISSIONS: readonly Permission[] = [
  "user.manage",
  "permission.manage",
  "finance.approve",
  "finance.approve.high",
  "vault.reveal",
];

export function requiresMfa(holder: { grants: readonly Grant[] }): boolean {
  return MFA_REQUIRING_PERMISSIONS.some((permission) => can(holder, permission));
}
