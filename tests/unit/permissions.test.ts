import { describe, expect, test } from "vitest";
import {
  ALL_PERMISSIONS,
  can,
  isPermission,
  LOCKED_PERMISSIONS,
  permissionsForRole,
  resolveGrants,
  ROLE_DEFAULTS,
  scopeOf,
  type Assignment,
  type Override,
  type Permission,
} from "@/lib/auth/permissions";
import { requiresMfa } from "@/lib/auth/context";
import type { Role } from "@/lib/generated/prisma/enums";

const ROLES: Role[] = ["CM", "DIR", "FIN", "ADM", "CLIENT", "INF"];

function holder(assignments: Assignment[], overrides: Override[] = []) {
  return { grants: resolveGrants(assignments, overrides) };
}

const agencyWide = (role: Role): Assignment => ({ role, scopeType: "AGENCY", scopeId: null });

describe("can", () => {
  test("grants a role's default permissions and nothing else", () => {
    for (const role of ROLES) {
      const h = holder([agencyWide(role)]);
      for (const permission of ALL_PERMISSIONS) {
        expect(can(h, permission), `${role} ${permission}`).toBe(ROLE_DEFAULTS[role].includes(permission));
      }
    }
  });

  test("answers the table's key examples", () => {
    expect(can(holder([agencyWide("CM")]), "campaign.create")).toBe(true);
    expect(can(holder([agencyWide("CM")]), "client.archive")).toBe(false);
    expect(can(holder([agencyWide("DIR")]), "client.archive")).toBe(true);
    expect(can(holder([agencyWide("FIN")]), "finance.approve")).toBe(true);
    expect(can(holder([agencyWide("FIN")]), "client.update")).toBe(false);
    expect(can(holder([agencyWide("ADM")]), "vault.reveal")).toBe(true);
    expect(can(holder([agencyWide("CLIENT")]), "client.create")).toBe(false);
    expect(can(holder([agencyWide("INF")]), "client.read")).toBe(false);
  });

  test("refuses a permission it does not know, even for the widest holder", () => {
    const everything = holder(ROLES.map(agencyWide));
    expect(isPermission("client.destroy")).toBe(false);
    expect(can(everything, "client.destroy" as Permission)).toBe(false);
    expect(can(everything, "" as Permission)).toBe(false);
    // Object prototype names are not permissions either.
    expect(can(everything, "toString" as Permission)).toBe(false);
    expect(can(everything, "__proto__" as Permission)).toBe(false);
  });

  test("a holder without grants can do nothing", () => {
    const nobody = holder([]);
    expect(ALL_PERMISSIONS.some((permission) => can(nobody, permission))).toBe(false);
  });

  test("any of several grants is enough", () => {
    const h = holder([agencyWide("INF"), agencyWide("FIN")]);
    expect(can(h, "creator.self")).toBe(true);
    expect(can(h, "finance.manage")).toBe(true);
    expect(can(h, "user.manage")).toBe(false);
  });
});

describe("scopeOf", () => {
  const clientA = "11111111-1111-4111-8111-111111111111";
  const clientB = "22222222-2222-4222-8222-222222222222";
  const campaign = "33333333-3333-4333-8333-333333333333";

  test("null when the permission is not held", () => {
    expect(scopeOf(holder([agencyWide("INF")]), "client.read")).toBeNull();
  });

  test("agency-wide when any grant holding it is agency-wide", () => {
    const h = holder([{ role: "CLIENT", scopeType: "CLIENT", scopeId: clientA }, agencyWide("CM")]);
    expect(scopeOf(h, "client.read")).toEqual({ agencyWide: true });
  });

  test("only the scoped clients and campaigns otherwise", () => {
    const h = holder([
      { role: "CLIENT", scopeType: "CLIENT", scopeId: clientA },
      { role: "CLIENT", scopeType: "CLIENT", scopeId: clientB },
      { role: "CM", scopeType: "CAMPAIGN", scopeId: campaign },
    ]);
    expect(scopeOf(h, "client.read")).toEqual({
      agencyWide: false,
      clientIds: [clientA, clientB],
      campaignIds: [campaign],
    });
    // client.create comes only from the campaign-scoped CM grant.
    expect(scopeOf(h, "client.create")).toEqual({ agencyWide: false, clientIds: [], campaignIds: [campaign] });
    expect(scopeOf(h, "user.manage")).toBeNull();
  });

  test("a grant whose override took the permission away does not widen the scope", () => {
    const h = holder(
      [{ role: "CLIENT", scopeType: "CLIENT", scopeId: clientA }, agencyWide("INF")],
      [{ role: "INF", permission: "client.read", allowed: false }],
    );
    expect(scopeOf(h, "client.read")).toEqual({ agencyWide: false, clientIds: [clientA], campaignIds: [] });
  });
});

describe("permissionsForRole with overrides", () => {
  test("without overrides: exactly the defaults", () => {
    for (const role of ROLES) expect([...permissionsForRole(role, [])].sort()).toEqual([...ROLE_DEFAULTS[role]].sort());
  });

  test("an override adds or removes one flag for its role only", () => {
    const overrides: Override[] = [
      { role: "CM", permission: "client.archive", allowed: true },
      { role: "CM", permission: "campaign.create", allowed: false },
    ];
    const cm = permissionsForRole("CM", overrides);
    expect(cm.has("client.archive")).toBe(true);
    expect(cm.has("campaign.create")).toBe(false);
    expect(cm.size).toBe(ROLE_DEFAULTS.CM.length);
    const dir = permissionsForRole("DIR", overrides);
    expect(dir.has("campaign.create")).toBe(true);
    expect([...dir].sort()).toEqual([...ROLE_DEFAULTS.DIR].sort());
  });

  test("overrides naming unknown permissions are ignored", () => {
    const set = permissionsForRole("CM", [{ role: "CM", permission: "everything", allowed: true }]);
    expect(set.has("everything" as Permission)).toBe(false);
    expect(set.size).toBe(ROLE_DEFAULTS.CM.length);
  });

  test("locked permissions cannot be removed", () => {
    for (const role of ROLES) {
      const locked = LOCKED_PERMISSIONS[role] ?? [];
      expect(locked.length, `${role} has locked flags`).toBeGreaterThan(0);
      const set = permissionsForRole(
        role,
        locked.map((permission) => ({ role, permission, allowed: false })),
      );
      for (const permission of locked) expect(set.has(permission), `${role} keeps ${permission}`).toBe(true);
    }
    const admin = permissionsForRole("ADM", [
      { role: "ADM", permission: "permission.manage", allowed: false },
      { role: "ADM", permission: "user.manage", allowed: false },
      { role: "ADM", permission: "audit.read", allowed: false },
    ]);
    expect(admin.has("permission.manage")).toBe(true);
    expect(admin.has("user.manage")).toBe(true);
    // audit.read is not locked: the override applies.
    expect(admin.has("audit.read")).toBe(false);
  });

  test("an override can grant a MFA-requiring permission, which then makes MFA mandatory", () => {
    const cm = holder([agencyWide("CM")]);
    expect(requiresMfa(cm)).toBe(false);
    const promoted = holder([agencyWide("CM")], [{ role: "CM", permission: "finance.approve", allowed: true }]);
    expect(requiresMfa(promoted)).toBe(true);
    for (const role of ["DIR", "FIN", "ADM"] as const) expect(requiresMfa(holder([agencyWide(role)])), role).toBe(true);
  });
});
