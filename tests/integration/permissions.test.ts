import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { setPermissionOverride } from "@/lib/domain/admin/set-permission-override";
import { getPermissionMatrix } from "@/lib/domain/admin/get-permission-matrix";
import { contextFor, createActor, createAgency, expectAppError } from "../setup/factories";

type Actors = Awaited<ReturnType<typeof setUpAgency>>;

async function setUpAgency(label: string) {
  const agency = await createAgency(label);
  const admin = await createActor(agency.id, { role: "ADM" });
  const manager = await createActor(agency.id, { role: "CM" });
  return { agency, admin, manager };
}

/** The transaction id that wrote a row: equal for two rows means they were written in one transaction. */
async function writtenBy(table: "PermissionOverride" | "AuditLog", id: string) {
  const rows = await db.$queryRawUnsafe<{ xid: string }[]>(
    `SELECT xmin::text AS xid FROM "${table}" WHERE id = $1::uuid`,
    id,
  );
  return rows[0]?.xid;
}

let a: Actors;
let b: Actors;

beforeAll(async () => {
  [a, b] = await Promise.all([setUpAgency("PermA"), setUpAgency("PermB")]);
});

describe("setPermissionOverride", () => {
  test("granting a flag changes what loadUserContext gives the role in that agency only", async () => {
    expect(can(await contextFor(a.manager.user.id), "client.archive")).toBe(false);

    const result = await setPermissionOverride(a.admin.ctx, {
      role: "CM",
      permission: "client.archive",
      allowed: true,
    });
    expect(result).toEqual({ role: "CM", permission: "client.archive", allowed: true, overridden: true });

    expect(can(await contextFor(a.manager.user.id), "client.archive")).toBe(true);
    // Another agency's managers, and other roles of this agency, are untouched.
    expect(can(await contextFor(b.manager.user.id), "client.archive")).toBe(false);
    const row = await db.permissionOverride.findUniqueOrThrow({
      where: { agencyId_role_permission: { agencyId: a.agency.id, role: "CM", permission: "client.archive" } },
    });
    expect(row).toMatchObject({ allowed: true, updatedById: a.admin.user.id });
    expect(await db.permissionOverride.count({ where: { agencyId: b.agency.id } })).toBe(0);

    const matrixA = await getPermissionMatrix(a.admin.ctx);
    const matrixB = await getPermissionMatrix(b.admin.ctx);
    const archiveRow = (m: typeof matrixA) => m.permissions.find((p) => p.permission === "client.archive")!.byRole.CM;
    expect(archiveRow(matrixA)).toEqual({ allowed: true, byDefault: false, locked: false });
    expect(archiveRow(matrixB)).toEqual({ allowed: false, byDefault: false, locked: false });

    // Back to the default: the row goes, the flag goes.
    const reset = await setPermissionOverride(a.admin.ctx, { role: "CM", permission: "client.archive", allowed: null });
    expect(reset).toEqual({ role: "CM", permission: "client.archive", allowed: false, overridden: false });
    expect(
      await db.permissionOverride.count({ where: { agencyId: a.agency.id, role: "CM", permission: "client.archive" } }),
    ).toBe(0);
    expect(can(await contextFor(a.manager.user.id), "client.archive")).toBe(false);
  });

  test("taking a default flag away refuses it in that agency only, and setting it to its default removes the row", async () => {
    await setPermissionOverride(a.admin.ctx, { role: "CM", permission: "campaign.create", allowed: false });
    expect(can(await contextFor(a.manager.user.id), "campaign.create")).toBe(false);
    expect(can(await contextFor(b.manager.user.id), "campaign.create")).toBe(true);
    expect(
      await db.permissionOverride.count({
        where: { agencyId: a.agency.id, role: "CM", permission: "campaign.create" },
      }),
    ).toBe(1);

    await setPermissionOverride(a.admin.ctx, { role: "CM", permission: "campaign.create", allowed: true });
    expect(
      await db.permissionOverride.count({
        where: { agencyId: a.agency.id, role: "CM", permission: "campaign.create" },
      }),
    ).toBe(0);
    expect(can(await contextFor(a.manager.user.id), "campaign.create")).toBe(true);
  });

  test("each change writes one audit entry, in the same transaction as the override", async () => {
    const before = await db.auditLog.count({ where: { agencyId: a.agency.id, action: "permission.override" } });
    await setPermissionOverride(a.admin.ctx, { role: "FIN", permission: "client.update", allowed: true });
    const entries = await db.auditLog.findMany({
      where: { agencyId: a.agency.id, action: "permission.override" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(entries).toHaveLength(before + 1);
    const entry = entries[0];
    expect(entry).toMatchObject({
      model: "PermissionOverride",
      display: "FIN client.update",
      actorId: a.admin.user.id,
      actorEmail: a.admin.user.email,
      diff: { before: { allowed: false }, after: { allowed: true } },
    });
    const row = await db.permissionOverride.findUniqueOrThrow({
      where: { agencyId_role_permission: { agencyId: a.agency.id, role: "FIN", permission: "client.update" } },
    });
    expect(await writtenBy("AuditLog", entry.id)).toBe(await writtenBy("PermissionOverride", row.id));

    // The reset is audited too, naming the row it removed.
    await setPermissionOverride(a.admin.ctx, { role: "FIN", permission: "client.update", allowed: null });
    const last = await db.auditLog.findFirstOrThrow({
      where: { agencyId: a.agency.id, action: "permission.override" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(last.id).not.toBe(entry.id);
    expect(last).toMatchObject({ recordId: row.id, diff: { before: { allowed: true }, after: { allowed: false } } });
    expect(await db.auditLog.count({ where: { agencyId: b.agency.id, action: "permission.override" } })).toBe(0);
  });

  test("a locked flag cannot be taken away, and nothing is written", async () => {
    const audits = await db.auditLog.count({ where: { agencyId: a.agency.id } });
    const error = await expectAppError(
      setPermissionOverride(a.admin.ctx, { role: "ADM", permission: "permission.manage", allowed: false }),
      "UNPROCESSABLE",
    );
    expect(error.fields).toEqual({ permission: "This flag is locked for this role" });
    expect(await db.permissionOverride.count({ where: { agencyId: a.agency.id, role: "ADM" } })).toBe(0);
    expect(await db.auditLog.count({ where: { agencyId: a.agency.id } })).toBe(audits);
    expect(can(await contextFor(a.admin.user.id), "permission.manage")).toBe(true);
  });

  test("a user without permission.manage is refused, and nothing is written", async () => {
    const audits = await db.auditLog.count({ where: { agencyId: a.agency.id } });
    const overrides = await db.permissionOverride.count({ where: { agencyId: a.agency.id } });
    await expectAppError(
      setPermissionOverride(a.manager.ctx, { role: "CM", permission: "user.manage", allowed: true }),
      "FORBIDDEN",
    );
    expect(await db.permissionOverride.count({ where: { agencyId: a.agency.id } })).toBe(overrides);
    expect(await db.auditLog.count({ where: { agencyId: a.agency.id } })).toBe(audits);
    expect(can(await contextFor(a.manager.user.id), "user.manage")).toBe(false);
  });

  test("an unknown permission or role is a validation error, and nothing is written", async () => {
    const audits = await db.auditLog.count({ where: { agencyId: a.agency.id } });
    const error = await expectAppError(
      setPermissionOverride(a.admin.ctx, { role: "CM", permission: "client.destroy", allowed: true }),
      "VALIDATION_FAILED",
    );
    expect(error.fields?.permission).toBe("Unknown permission");
    const roleError = await expectAppError(
      setPermissionOverride(a.admin.ctx, { role: "ROOT" as "CM", permission: "client.read", allowed: true }),
      "VALIDATION_FAILED",
    );
    expect(roleError.fields?.role).toBe("Choose a role");
    expect(await db.auditLog.count({ where: { agencyId: a.agency.id } })).toBe(audits);
  });
});
