import { describe, expect, test } from "vitest";
import { auditDiff } from "@/lib/audit";
import { Prisma } from "@/lib/generated/prisma/client";

describe("auditDiff", () => {
  test("an update keeps only the changed fields, before and after", () => {
    const before = { id: "c1", name: "Old", city: "Berlin", tags: ["a"], status: "ACTIVE" };
    const after = { id: "c1", name: "New", city: "Berlin", tags: ["a", "b"], status: "ACTIVE" };
    expect(auditDiff(before, after)).toEqual({
      before: { name: "Old", tags: ["a"] },
      after: { name: "New", tags: ["a", "b"] },
    });
  });

  test("nothing changed: empty before and after", () => {
    expect(auditDiff({ name: "Same" }, { name: "Same" })).toEqual({ before: {}, after: {} });
  });

  test("a create records the whole record as after, a delete as before", () => {
    expect(auditDiff(null, { name: "N", city: null })).toEqual({ before: null, after: { name: "N", city: null } });
    expect(auditDiff({ name: "N", city: "X" }, null)).toEqual({ before: { name: "N", city: "X" }, after: null });
    expect(auditDiff(undefined, undefined)).toEqual({ before: null, after: null });
  });

  test("bookkeeping and secret fields never reach the log", () => {
    const diff = auditDiff(
      {
        name: "A",
        version: 1,
        updatedAt: new Date(1),
        createdAt: new Date(0),
        passwordHash: "$argon2id$old",
        mfaSecret: "s1",
      },
      {
        name: "B",
        version: 2,
        updatedAt: new Date(2),
        createdAt: new Date(0),
        passwordHash: "$argon2id$new",
        mfaSecret: "s2",
      },
    );
    expect(diff).toEqual({ before: { name: "A" }, after: { name: "B" } });
    const created = auditDiff(null, { name: "A", passwordHash: "$argon2id$x", mfaSecret: "s" });
    expect(created.after).toEqual({ name: "A" });
  });

  test("dates and decimals become strings; unchanged dates are not reported", () => {
    const at = new Date("2026-01-02T03:04:05.000Z");
    const diff = auditDiff(
      { archivedAt: null, amount: new Prisma.Decimal("10.50"), seen: new Date(at) },
      { archivedAt: at, amount: new Prisma.Decimal("12.00"), seen: new Date(at) },
    );
    expect(diff).toEqual({
      before: { archivedAt: null, amount: "10.5" },
      after: { archivedAt: "2026-01-02T03:04:05.000Z", amount: "12" },
    });
  });

  test("a field present on one side only is reported with null on the other", () => {
    expect(auditDiff({ a: 1 }, { b: 2 })).toEqual({ before: { a: 1, b: null }, after: { a: null, b: 2 } });
  });
});
