import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditActor = { agencyId: string | null; userId: string | null; email: string | null; ip?: string | null };

type AuditEntry = {
  action: string;
  model: string;
  recordId?: string | null;
  display?: string | null;
  parent?: { model: string; id: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object" && "toFixed" in value) return String(value);
  return value;
}

/** Only the fields that changed, as { before, after }; whole records for create and delete. */
export function auditDiff(before?: Record<string, unknown> | null, after?: Record<string, unknown> | null) {
  const skip = new Set(["updatedAt", "createdAt", "version", "passwordHash", "mfaSecret"]);
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (skip.has(key)) continue;
    const was = plain(before?.[key]);
    const is = plain(after?.[key]);
    if (before && after && JSON.stringify(was) === JSON.stringify(is)) continue;
    if (before) b[key] = was ?? null;
    if (after) a[key] = is ?? null;
  }
  return { before: before ? b : null, after: after ? a : null };
}

/** Writes one audit entry inside the caller's transaction, so the entry and the change land together. */
export async function writeAudit(tx: Tx, actor: AuditActor, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      actorEmail: actor.email,
      ip: actor.ip ?? null,
      action: entry.action,
      model: entry.model,
      recordId: entry.recordId ?? null,
      display: entry.display ?? null,
      parentModel: entry.parent?.model ?? null,
      parentId: entry.parent?.id ?? null,
      diff: auditDiff(entry.before, entry.after) as Prisma.InputJsonValue,
    },
  });
}
