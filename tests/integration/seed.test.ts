import crypto from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate } from "@/lib/db/migrate";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoEmail, seed } from "@/lib/db/seed";
import { verifyPassword } from "@/lib/crypto/password";
import { decrypt } from "@/lib/crypto/encryption";

// The demo seed uses fixed slugs and e-mails, so it gets a database of its own on the same server.

const name = `tikit_seed_${crypto.randomBytes(5).toString("hex")}`;
let url: string;
let prisma: PrismaClient;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject("adminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${name}"`);
  const parsed = new URL(inject("adminUrl"));
  parsed.pathname = `/${name}`;
  url = parsed.toString();
  await migrate(url);
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

async function counts() {
  const [agencies, users, roleAssignments, clients, contacts] = await Promise.all([
    prisma.agency.count(),
    prisma.user.count(),
    prisma.roleAssignment.count(),
    prisma.client.count(),
    prisma.contact.count(),
  ]);
  return { agencies, users, roleAssignments, clients, contacts };
}

describe("seed", () => {
  test("creates two agencies with six users each and a dozen clients; a second run creates nothing", async () => {
    const first = await seed(prisma);
    expect(first.created).toBeGreaterThan(0);
    const afterFirst = await counts();

    const agencies = await prisma.agency.findMany({
      orderBy: { slug: "asc" },
      include: { _count: { select: { users: true, clients: true } } },
    });
    expect(agencies.map((a) => a.slug)).toEqual(["blueharbor", "northwind"]);
    for (const agency of agencies) {
      expect(agency._count.users, agency.slug).toBe(6);
      expect(agency._count.clients, agency.slug).toBeGreaterThanOrEqual(12);
      const roles = await prisma.roleAssignment.findMany({ where: { agencyId: agency.id }, select: { role: true } });
      expect(roles.map((r) => r.role).sort()).toEqual(["ADM", "CLIENT", "CM", "DIR", "FIN", "INF"]);
    }

    const second = await seed(prisma);
    expect(second.created).toBe(0);
    expect(await counts()).toEqual(afterFirst);
  });

  test("the demo accounts are usable: password, MFA secret, client scope, hierarchy", async () => {
    const dir = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("northwind", "dir") } });
    expect(dir.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(dir.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(decrypt(dir.mfaSecret!)).toBe(DEMO_TOTP_SECRET);
    const cm = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("northwind", "cm") } });
    expect(cm.mfaSecret).toBeNull();

    const clientUser = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("blueharbor", "client") }, include: { roleAssignments: true } });
    const [assignment] = clientUser.roleAssignments;
    expect(assignment).toMatchObject({ role: "CLIENT", scopeType: "CLIENT" });
    const scoped = await prisma.client.findUniqueOrThrow({ where: { id: assignment.scopeId! } });
    expect(scoped.agencyId).toBe(clientUser.agencyId);

    const men = await prisma.client.findFirstOrThrow({ where: { name: "Lumière Men" }, include: { parent: true } });
    expect(men.parent?.name).toBe("Lumière Cosmetics");
  });
});
