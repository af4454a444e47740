import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import type { FieldChange, RevisionDiff, RevisionSnapshot } from "./view-types";
import { financeScope, requireFinanceStaff } from "./scope";
import { compareSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";

export type { FieldChange, RevisionDiff };

const FIELDS = [
  "title",
  "currency",
  "subtotal",
  "taxAmount",
  "total",
  "externalRef",
  "dueDate",
  "internalNotes",
] as const;
const LINE_FIELDS = ["category", "description", "quantity", "unitPrice", "taxRate", "amount"] as const;

/** Differences between two revision snapshots: changed fields, and lines (by position) added, removed and changed. */
export function diffSnapshots(a: RevisionSnapshot, b: RevisionSnapshot): Pick<RevisionDiff, "fields" | "lines"> {
  const fields = FIELDS.filter((f) => (a[f] ?? null) !== (b[f] ?? null)).map((f) => ({
    field: f,
    from: a[f] ?? null,
    to: b[f] ?? null,
  }));
  const before = new Map(a.lines.map((l) => [l.position, l]));
  const after = new Map(b.lines.map((l) => [l.position, l]));
  const added = b.lines.filter((l) => !before.has(l.position));
  const removed = a.lines.filter((l) => !after.has(l.position));
  const changed = b.lines
    .filter((l) => before.has(l.position))
    .map((l) => {
      const old = before.get(l.position)!;
      return {
        position: l.position,
        changes: LINE_FIELDS.filter((f) => (old[f] ?? null) !== (l[f] ?? null)).map((f) => ({
          field: f,
          from: old[f] ?? null,
          to: l[f] ?? null,
        })),
      };
    })
    .filter((c) => c.changes.length > 0);
  return { fields, lines: { added, removed, changed } };
}

/** The revisions of an object (staff only): the list, or with from/to the differences between any two. */
export async function listRevisions(ctx: AuthContext, id: string) {
  requireFinanceStaff(ctx);
  const scope = financeScope(ctx, "finance.read");
  if (!idSchema.safeParse(id).success) throw notFound("Financial object");
  const object = await db.financialObject.findFirst({ where: { AND: [scope, { id }] }, select: { id: true } });
  if (!object) throw notFound("Financial object");
  const rows = await db.financialRevision.findMany({
    where: { objectId: id, agencyId: ctx.agencyId },
    orderBy: { revision: "asc" },
  });
  const users = new Map(
    (
      await db.user.findMany({
        where: {
          agencyId: ctx.agencyId,
          id: { in: rows.map((r) => r.createdById).filter((v): v is string => Boolean(v)) },
        },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    revision: r.revision,
    reason: r.reason,
    createdBy: r.createdById ? (users.get(r.createdById) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    snapshot: r.snapshot as unknown as RevisionSnapshot,
  }));
}

export async function compareRevisions(ctx: AuthContext, id: string, raw: unknown): Promise<RevisionDiff> {
  const input = compareSchema.parse(raw);
  const revisions = await listRevisions(ctx, id);
  const a = revisions.find((r) => r.revision === input.from);
  const b = revisions.find((r) => r.revision === input.to);
  if (!a || !b)
    throw new AppError(
      "VALIDATION_FAILED",
      `Check ${!a ? "from" : "to"}: no such revision (1 to ${revisions.length})`,
      { fields: { [!a ? "from" : "to"]: "No such revision" } },
    );
  return {
    from: { revision: a.revision, reason: a.reason, createdAt: a.createdAt },
    to: { revision: b.revision, reason: b.reason, createdAt: b.createdAt },
    ...diffSnapshots(a.snapshot, b.snapshot),
  };
}
