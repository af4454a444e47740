import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { generateCampaigns } from "@/scripts/seed/scale/campaigns";
import { generateInfluencers } from "@/scripts/seed/scale/influencers";
import { createRng, type ScaleCounts } from "@/scripts/seed/scale/rows";
import { addScaleClientUser, deleteAgency, findAgency, seedScale } from "@/scripts/seed/scale/seed";

// The scale seeder's generators and batch writer with tiny counts (the full 100,000 run is
// `npm run db:seed:scale`, not a test). Its own agency slug, so it shares the test database safely.

const slug = `scale-test-${crypto.randomBytes(4).toString("hex")}`;
const counts: ScaleCounts = {
  influencers: 200,
  socialsPerInfluencer: 2,
  clients: 12,
  campaigns: 30,
  minAssignments: 3,
  maxAssignments: 8,
  extraManagers: 2,
  creators: 3,
  contentTasks: 150,
  contentArtifacts: 420,
  financialObjects: 300,
};
let pool: pg.Pool;

beforeAll(() => {
  pool = new pg.Pool({ connectionString: inject("ownerUrl"), max: 2 });
});

afterAll(async () => {
  await pool?.end();
});

const count = async (table: string, agencyId: string) =>
  (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "agencyId" = $1`, [agencyId]))
    .rows[0].n;

describe("scale seed", () => {
  test("the generators are deterministic and give unique handles per platform", () => {
    const a = generateInfluencers("00000000-0000-4000-8000-000000000000", 7, 0, 500, 2);
    const b = generateInfluencers("00000000-0000-4000-8000-000000000000", 7, 0, 500, 2);
    expect(a).toEqual(b);
    expect(a.socials).toHaveLength(1000);
    const keys = new Set(a.socials.map((s) => `${s[3]}:${s[4]}`));
    expect(keys.size).toBe(1000);
    for (const s of a.socials) expect(s[4]).toMatch(/^[a-z0-9._]+$/);
    expect(createRng(1).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const campaigns = generateCampaigns(
      {
        agencyId: "00000000-0000-4000-8000-000000000000",
        seed: 7,
        clientIds: ["c1"],
        managerIds: ["m1"],
        directorId: "d1",
        influencerCount: 500,
        minAssignments: 3,
        maxAssignments: 8,
      },
      0,
      200,
    );
    const perCampaign = new Map<string, number>();
    for (const row of campaigns.assignments)
      perCampaign.set(row[2] as string, (perCampaign.get(row[2] as string) ?? 0) + 1);
    for (const n of perCampaign.values()) {
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(8);
    }
  });

  test("writes the counts asked for into the database, then --reset deletes the agency", async () => {
    const phases = new Set<string>();
    const result = await seedScale(pool, {
      slug,
      domain: `${slug}.test`,
      counts,
      batchSize: 64,
      passwordHash: "$argon2id$not-used",
      progress: (phase) => phases.add(phase),
    });
    expect([...phases]).toEqual([
      "clients",
      "influencers",
      "campaigns",
      "content",
      "artifacts",
      "finance",
      "approvals",
      "analyze",
    ]);
    const { agencyId } = result;
    expect(await findAgency(pool, slug)).toBe(agencyId);
    expect(await count("InfluencerProfile", agencyId)).toBe(200);
    expect(await count("SocialAccount", agencyId)).toBe(400);
    expect(await count("Client", agencyId)).toBe(12);
    expect(await count("Campaign", agencyId)).toBe(30);
    expect(await count("User", agencyId)).toBe(9);
    expect(result.rows.SocialAccount).toBe(400);

    const handles = await pool.query<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT (platform, handle))::int AS distinct FROM "SocialAccount" WHERE "agencyId" = $1`,
      [agencyId],
    );
    expect(handles.rows[0].distinct).toBe(handles.rows[0].n);
    // Kept totals agree with the accounts; every assignment points at an influencer of the same agency.
    const totals = await pool.query(
      `SELECT p.id FROM "InfluencerProfile" p JOIN "SocialAccount" s ON s."influencerId" = p.id
        WHERE p."agencyId" = $1 GROUP BY p.id, p."totalFollowers" HAVING sum(s.followers) <> p."totalFollowers"`,
      [agencyId],
    );
    expect(totals.rowCount).toBe(0);
    const assignments = await count("CampaignInfluencer", agencyId);
    expect(assignments).toBeGreaterThan(0);
    const roles = await pool.query(`SELECT role FROM "RoleAssignment" WHERE "agencyId" = $1 ORDER BY role`, [agencyId]);
    expect(roles.rows.map((r) => r.role)).toEqual(["CM", "CM", "CM", "DIR", "FIN", "CLIENT", "INF", "INF", "INF"]);
    // The client user: scoped to the client with the most campaigns; adding it again (an agency seeded before it
    // existed) does nothing.
    const clientUser = await pool.query<{ email: string; scopeType: string; scopeId: string }>(
      `SELECT u.email, r."scopeType", r."scopeId" FROM "User" u JOIN "RoleAssignment" r ON r."userId" = u.id
        WHERE u."agencyId" = $1 AND r.role = 'CLIENT'`,
      [agencyId],
    );
    const busiest = await pool.query<{ id: string }>(
      `SELECT "clientId" AS id FROM "Campaign" WHERE "agencyId" = $1 GROUP BY "clientId" ORDER BY count(*) DESC, "clientId" LIMIT 1`,
      [agencyId],
    );
    expect(clientUser.rows).toEqual([
      { email: `client@${slug}.test`, scopeType: "CLIENT", scopeId: busiest.rows[0].id },
    ]);
    const again = { agencyId, seed: 20261122, domain: `${slug}.test`, passwordHash: "$argon2id$not-used" };
    expect(await addScaleClientUser(pool, again)).toBe(false);
    expect(await count("User", agencyId)).toBe(9);

    // Content: the exact counts; tasks only for contracted assignments of campaigns in production or later,
    // with the assignment's influencer; creators own profiles with tasks; artifact versions 1..n without gaps.
    expect(await count("ContentTask", agencyId)).toBe(150);
    expect(await count("ContentArtifact", agencyId)).toBe(420);
    const wrongTasks = await pool.query(
      `SELECT t.id FROM "ContentTask" t JOIN "CampaignInfluencer" ci ON ci.id = t."assignmentId" JOIN "Campaign" c ON c.id = t."campaignId"
        WHERE t."agencyId" = $1 AND (ci."influencerId" <> t."influencerId" OR ci."campaignId" <> t."campaignId"
          OR ci.status NOT IN ('CONTRACTED', 'ACTIVE', 'COMPLETED') OR COALESCE(c."statusBeforeHold", c.status) IN ('DRAFT', 'SOURCING', 'CONTRACTING', 'CONTRACTED'))`,
      [agencyId],
    );
    expect(wrongTasks.rowCount).toBe(0);
    const statuses = await pool.query(`SELECT DISTINCT status FROM "ContentTask" WHERE "agencyId" = $1`, [agencyId]);
    expect(statuses.rowCount).toBeGreaterThan(3);
    const creators = await pool.query<{ email: string; tasks: number }>(
      `SELECT u.email, (SELECT count(*)::int FROM "ContentTask" t WHERE t."influencerId" = p.id) AS tasks
         FROM "User" u JOIN "InfluencerProfile" p ON p."userId" = u.id WHERE u."agencyId" = $1 ORDER BY u.email`,
      [agencyId],
    );
    expect(creators.rows.map((r) => r.email)).toEqual([
      `creator2@${slug}.test`,
      `creator3@${slug}.test`,
      `creator@${slug}.test`,
    ]);
    expect(creators.rows.reduce((sum, r) => sum + r.tasks, 0)).toBeGreaterThan(0);
    const gaps = await pool.query(
      `SELECT "taskId", "artifactType" FROM "ContentArtifact" WHERE "agencyId" = $1
        GROUP BY "taskId", "artifactType" HAVING max(version) <> count(*) OR min(version) <> 1`,
      [agencyId],
    );
    expect(gaps.rowCount).toBe(0);

    // Finance: exact count, all eight types, one revision each, lines adding up, gapless invoice numbers.
    expect(await count("FinancialObject", agencyId)).toBe(300);
    expect(await count("FinancialRevision", agencyId)).toBe(300);
    const types = await pool.query(`SELECT DISTINCT type FROM "FinancialObject" WHERE "agencyId" = $1`, [agencyId]);
    expect(types.rowCount).toBe(8);
    const sums = await pool.query(
      `SELECT o.id FROM "FinancialObject" o JOIN "FinancialLine" l ON l."objectId" = o.id WHERE o."agencyId" = $1
        GROUP BY o.id, o.subtotal, o.total, o."taxAmount" HAVING sum(l.amount) <> o.subtotal OR o.total <> o.subtotal + o."taxAmount"`,
      [agencyId],
    );
    expect(sums.rowCount).toBe(0);
    const numbering = await pool.query<{ year: number; n: number; max: number; last: number }>(
      `SELECT o."numberYear" AS year, count(*)::int AS n, max(o."numberSeq") AS max, k."lastNumber" AS last
         FROM "FinancialObject" o JOIN "InvoiceCounter" k ON k."agencyId" = o."agencyId" AND k.year = o."numberYear"
        WHERE o."agencyId" = $1 AND o.number IS NOT NULL GROUP BY o."numberYear", k."lastNumber"`,
      [agencyId],
    );
    expect(numbering.rowCount).toBeGreaterThan(0);
    for (const row of numbering.rows) expect([row.max, row.last]).toEqual([row.n, row.n]);
    // Pending approvals: step 1 (FIN) of every submitted object's current revision; the latest artifact of every
    // task waiting for review (internal: the owner; in client review: the client).
    const pending = await pool.query<{
      submitted: number;
      finance: number;
      wrong: number;
      reviewing: number;
      content: number;
    }>(
      `SELECT (SELECT count(*)::int FROM "FinancialObject" WHERE "agencyId" = $1 AND status = 'SUBMITTED') AS submitted,
              (SELECT count(*)::int FROM "ApprovalItem" a JOIN "FinancialObject" f ON f.id = a."subjectId"
                WHERE a."agencyId" = $1 AND a.status = 'PENDING' AND a."subjectType" = 'FinancialObject' AND f.status = 'SUBMITTED'
                  AND a."subjectVersion" = f.revision AND a."approverRole" = 'FIN' AND a.step = 1) AS finance,
              (SELECT count(*)::int FROM "ApprovalItem" a JOIN "ContentArtifact" x ON x.id = a."subjectId"
                WHERE a."agencyId" = $1 AND a."subjectType" = 'ContentArtifact' AND (x."taskId" <> a."contentTaskId" OR x.version <> a."subjectVersion"
                  OR EXISTS (SELECT 1 FROM "ContentArtifact" y WHERE y."taskId" = x."taskId" AND y.version > x.version))) AS wrong,
              (SELECT count(*)::int FROM "ContentTask" WHERE "agencyId" = $1 AND status IN ('SUBMITTED', 'IN_REVIEW')
                AND EXISTS (SELECT 1 FROM "ContentArtifact" y WHERE y."taskId" = "ContentTask".id)) AS reviewing,
              (SELECT count(*)::int FROM "ApprovalItem" WHERE "agencyId" = $1 AND "subjectType" = 'ContentArtifact' AND status = 'PENDING') AS content`,
      [agencyId],
    );
    expect(pending.rows[0].submitted).toBeGreaterThan(0);
    expect(pending.rows[0].finance).toBe(pending.rows[0].submitted);
    expect(pending.rows[0].content).toBe(pending.rows[0].reviewing);
    expect(pending.rows[0].wrong).toBe(0);

    expect(await deleteAgency(pool, slug)).toBe(true);
    expect(await findAgency(pool, slug)).toBeNull();
    expect(await count("InfluencerProfile", agencyId)).toBe(0);
    expect(await count("Campaign", agencyId)).toBe(0);
  });
});
