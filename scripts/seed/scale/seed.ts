import type pg from "pg";
import {
  ASSIGNMENT_TABLE,
  BRIEF_TABLE,
  CAMPAIGN_TABLE,
  CLIENT_TABLE,
  STATUS_CHANGE_TABLE,
  generateCampaigns,
  generateClients,
  type CampaignContext,
} from "./campaigns";
import { seedContent } from "./content";
import { seedFinance, seedPendingApprovals } from "./finance";
import {
  FIRST_NAMES,
  generateInfluencers,
  INFLUENCER_TABLE,
  influencerId,
  LAST_NAMES,
  RATE_CARD_TABLE,
  SOCIAL_TABLE,
} from "./influencers";
import { createRng, inTransaction, insertRows, type Progress, type Row, type ScaleCounts } from "./rows";

// The "Scale Agency": a large tenant for performance work (npm run db:seed:scale, npm run bench).
// Deterministic: the same seed gives the same rows (ids included), so bench runs are comparable.
// Rows go in with raw SQL through `pg`: one INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …) per batch
// (one parameter per column, whatever the batch size), each batch in its own transaction.

export const SCALE_SLUG = "scale";
export const SCALE_NAME = "Scale Agency";
export const SCALE_DOMAIN = "scale.test";
/** The default seed of the generators: the same seed gives the same rows, ids included. */
export const SCALE_SEED = 20261122;

export const FULL_SCALE: ScaleCounts = {
  influencers: 100_000,
  socialsPerInfluencer: 2,
  clients: 2_000,
  campaigns: 10_000,
  minAssignments: 3,
  maxAssignments: 8,
  extraManagers: 8,
  creators: 20,
  contentTasks: 100_000,
  contentArtifacts: 300_000,
  financialObjects: 200_000,
};

export const BATCH_SIZE = 5_000;

export type ScaleOptions = {
  slug?: string;
  name?: string;
  domain?: string;
  seed?: number;
  counts?: ScaleCounts;
  batchSize?: number;
  /** argon2id hash of the demo password for the scale users. */
  passwordHash: string;
  /** Encrypted TOTP secret for the DIR (MFA is required for directors). */
  mfaSecret?: string | null;
  progress?: Progress;
};

export async function findAgency(pool: pg.Pool, slug: string): Promise<string | null> {
  const found = await pool.query<{ id: string }>(`SELECT id FROM "Agency" WHERE slug = $1`, [slug]);
  return found.rows[0]?.id ?? null;
}

/**
 * Deletes an agency and everything of it. Campaigns first (their history and brief revisions go with them by
 * cascade; they refuse direct deletes), then every other table with an agencyId, in rounds until the foreign
 * keys let each go. The audit log is append-only and keeps its rows (it has no foreign key).
 */
export async function deleteAgency(pool: pg.Pool, slug: string): Promise<boolean> {
  const agencyId = await findAgency(pool, slug);
  if (!agencyId) return false;
  await inTransaction(pool, async (client) => {
    // Financial objects hold on to their campaign (RESTRICT); their lines and revisions go with them. One
    // statement, so payments and payouts go together with the invoices they point at.
    await client.query(`DELETE FROM "FinancialObject" WHERE "agencyId" = $1`, [agencyId]);
    await client.query(`DELETE FROM "Campaign" WHERE "agencyId" = $1`, [agencyId]);
    // Profiles before their social accounts (which go with them by cascade): deleting the accounts first would
    // make the search-column trigger rewrite every profile just before it is deleted.
    await client.query(`DELETE FROM "RateCard" WHERE "agencyId" = $1`, [agencyId]);
    await client.query(
      `UPDATE "InfluencerProfile" SET "userId" = NULL WHERE "agencyId" = $1 AND "userId" IS NOT NULL`,
      [agencyId],
    );
    await client.query("SAVEPOINT profiles");
    try {
      await client.query(`DELETE FROM "InfluencerProfile" WHERE "agencyId" = $1`, [agencyId]);
      await client.query("RELEASE SAVEPOINT profiles");
    } catch {
      await client.query("ROLLBACK TO SAVEPOINT profiles"); // something else still points at them: the rounds below
    }
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'agencyId'
          AND table_name NOT IN ('AuditLog', 'CampaignStatusChange', 'CampaignBrief', 'Campaign', 'ContentArtifact', 'ContentReview', 'FinancialLine', 'FinancialRevision')`,
    );
    let pending = tables.rows.map((r) => r.table_name);
    for (let round = 0; pending.length && round < 10; round++) {
      const failed: string[] = [];
      for (const table of pending) {
        await client.query("SAVEPOINT del");
        try {
          await client.query(`DELETE FROM "${table}" WHERE "agencyId" = $1`, [agencyId]);
          await client.query("RELEASE SAVEPOINT del");
        } catch {
          await client.query("ROLLBACK TO SAVEPOINT del");
          failed.push(table);
        }
      }
      pending = failed;
    }
    if (pending.length) throw new Error(`Could not delete the rows of ${slug} in: ${pending.join(", ")}`);
    await client.query(`DELETE FROM "Agency" WHERE id = $1`, [agencyId]);
  });
  return true;
}
export type ScaleResult = { agencyId: string; rows: Record<string, number>; ms: number };

/** Creates the agency, its users, clients, influencers, campaigns; then ANALYZE. */
export async function seedScale(pool: pg.Pool, options: ScaleOptions): Promise<ScaleResult> {
  const started = Date.now();
  const slug = options.slug ?? SCALE_SLUG;
  const domain = options.domain ?? SCALE_DOMAIN;
  const seed = options.seed ?? SCALE_SEED;
  const counts = options.counts ?? FULL_SCALE;
  const batch = options.batchSize ?? BATCH_SIZE;
  const progress = options.progress ?? (() => {});
  const rows: Record<string, number> = {};
  const add = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  const rng = createRng(seed);

  // Agency and users.
  const agencyId = rng.uuid();
  const directorId = rng.uuid();
  const cmId = rng.uuid();
  const managerIds = [cmId, ...Array.from({ length: counts.extraManagers }, () => rng.uuid())];
  const creatorIds = Array.from({ length: Math.min(counts.creators, counts.influencers) }, () => rng.uuid());
  const financeId = rng.uuid();
  const now = new Date().toISOString();
  await inTransaction(pool, async (client) => {
    await client.query(`INSERT INTO "Agency" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [
      agencyId,
      options.name ?? SCALE_NAME,
      slug,
    ]);
    const users: Row[] = [
      [
        directorId,
        agencyId,
        `dir@${domain}`,
        "Dora Director",
        options.passwordHash,
        options.mfaSecret ?? null,
        options.mfaSecret ? now : null,
        now,
      ],
      [cmId, agencyId, `cm@${domain}`, "Carl Manager", options.passwordHash, null, null, now],
      [
        financeId,
        agencyId,
        `fin@${domain}`,
        "Fiona Finance",
        options.passwordHash,
        options.mfaSecret ?? null,
        options.mfaSecret ? now : null,
        now,
      ],
      ...managerIds
        .slice(1)
        .map((id, k) => [
          id,
          agencyId,
          `cm${k + 2}@${domain}`,
          `${FIRST_NAMES[(k * 7) % FIRST_NAMES.length]} ${LAST_NAMES[(k * 5) % LAST_NAMES.length]}`,
          options.passwordHash,
          null,
          null,
          now,
        ]),
      ...creatorIds.map((id, k) => [
        id,
        agencyId,
        `creator${k === 0 ? "" : k + 1}@${domain}`,
        `Creator ${k + 1}`,
        options.passwordHash,
        null,
        null,
        now,
      ]),
    ];
    await insertRows(
      client,
      {
        table: "User",
        columns: [
          { name: "id", type: "uuid" },
          { name: "agencyId", type: "uuid" },
          { name: "email", type: "text" },
          { name: "name", type: "text" },
          { name: "passwordHash", type: "text" },
          { name: "mfaSecret", type: "text" },
          { name: "mfaEnabledAt", type: "timestamptz" },
          { name: "updatedAt", type: "timestamptz" },
        ],
      },
      users,
    );
    await insertRows(
      client,
      {
        table: "RoleAssignment",
        columns: [
          { name: "id", type: "uuid" },
          { name: "agencyId", type: "uuid" },
          { name: "userId", type: "uuid" },
          { name: "role", type: '"Role"' },
          { name: "scopeType", type: '"ScopeType"' },
          { name: "updatedAt", type: "timestamptz" },
        ],
      },
      users.map((u) => [
        rng.uuid(),
        agencyId,
        u[0],
        u[0] === directorId ? "DIR" : u[0] === financeId ? "FIN" : creatorIds.includes(u[0] as string) ? "INF" : "CM",
        "AGENCY",
        now,
      ]),
    );
    add("User", users.length);
    add("RoleAssignment", users.length);
  });

  // Clients.
  const clientIds: string[] = [];
  progress("clients", 0, counts.clients, 0);
  for (let from = 0; from < counts.clients; from += batch) {
    const to = Math.min(counts.clients, from + batch);
    const clientRows = generateClients(agencyId, seed, from, to);
    clientIds.push(...clientRows.map((r) => r[0] as string));
    await inTransaction(pool, (client) => insertRows(client, CLIENT_TABLE, clientRows));
    add("Client", clientRows.length);
    progress("clients", to, counts.clients, rows.Client);
  }

  // Influencers with their social accounts and rate cards, one transaction per batch.
  progress("influencers", 0, counts.influencers, 0);
  let written = 0;
  for (let from = 0; from < counts.influencers; from += batch) {
    const to = Math.min(counts.influencers, from + batch);
    const generated = generateInfluencers(agencyId, seed, from, to, counts.socialsPerInfluencer);
    await inTransaction(pool, async (client) => {
      await insertRows(client, INFLUENCER_TABLE, generated.influencers);
      await insertRows(client, SOCIAL_TABLE, generated.socials);
      await insertRows(client, RATE_CARD_TABLE, generated.rateCards);
    });
    add("InfluencerProfile", generated.influencers.length);
    add("SocialAccount", generated.socials.length);
    add("RateCard", generated.rateCards.length);
    written += generated.influencers.length + generated.socials.length + generated.rateCards.length;
    progress("influencers", to, counts.influencers, written);
  }
  // The creator users' own profiles: the first influencers.
  if (creatorIds.length) {
    await pool.query(
      `UPDATE "InfluencerProfile" p SET "userId" = t.user_id FROM unnest($1::uuid[], $2::uuid[]) AS t(profile_id, user_id) WHERE p.id = t.profile_id`,
      [creatorIds.map((_, k) => influencerId(seed, k)), creatorIds],
    );
  }

  // Campaigns with history, brief revisions and assignments.
  const ctx: CampaignContext = {
    agencyId,
    seed,
    clientIds,
    managerIds,
    directorId,
    influencerCount: counts.influencers,
    minAssignments: counts.minAssignments,
    maxAssignments: counts.maxAssignments,
    creators: creatorIds.length,
  };
  const campaignBatch = Math.max(1, Math.floor(batch / 2));
  progress("campaigns", 0, counts.campaigns, 0);
  written = 0;
  for (let from = 0; from < counts.campaigns; from += campaignBatch) {
    const to = Math.min(counts.campaigns, from + campaignBatch);
    const generated = generateCampaigns(ctx, from, to);
    await inTransaction(pool, async (client) => {
      await insertRows(client, CAMPAIGN_TABLE, generated.campaigns);
      await insertRows(client, STATUS_CHANGE_TABLE, generated.changes);
      await insertRows(client, BRIEF_TABLE, generated.briefs);
      for (let k = 0; k < generated.assignments.length; k += batch)
        await insertRows(client, ASSIGNMENT_TABLE, generated.assignments.slice(k, k + batch));
    });
    add("Campaign", generated.campaigns.length);
    add("CampaignStatusChange", generated.changes.length);
    add("CampaignBrief", generated.briefs.length);
    add("CampaignInfluencer", generated.assignments.length);
    written +=
      generated.campaigns.length + generated.changes.length + generated.briefs.length + generated.assignments.length;
    progress("campaigns", to, counts.campaigns, written);
  }

  await seedContent(pool, { agencyId, seed, counts, batch, progress, add });
  await seedFinance(pool, { agencyId, seed, counts, batch, progress, add });
  progress("approvals", 0, 1, 0);
  await seedPendingApprovals(pool, { agencyId, add });
  progress("approvals", 1, 1, rows.ApprovalItem ?? 0);
  if (await addScaleClientUser(pool, { agencyId, seed, domain, passwordHash: options.passwordHash })) {
    add("User", 1);
    add("RoleAssignment", 1);
  }

  progress("analyze", 0, 1, 0);
  for (const table of [
    "Client",
    "InfluencerProfile",
    "SocialAccount",
    "RateCard",
    "Campaign",
    "CampaignStatusChange",
    "CampaignBrief",
    "CampaignInfluencer",
    "User",
    "RoleAssignment",
    "ApprovalItem",
    "ContentTask",
    "ContentArtifact",
    "FinancialObject",
    "FinancialLine",
    "FinancialRevision",
    "InvoiceCounter",
  ]) {
    await pool.query(`ANALYZE "${table}"`);
  }
  progress("analyze", 1, 1, 0);
  return { agencyId, rows, ms: Date.now() - started };
}

/**
 * The client portal's user of the scale agency, client@<domain> ("Clara Client", demo password, no MFA: the CLIENT
 * role needs none): a CLIENT role scoped to the client with the most campaigns (ties: the lowest id), for the
 * benchmark's client pages. Its ids come from a generator of its own (seed + 1), so adding it to an agency seeded
 * before it existed (npm run db:seed:scale on an existing scale agency) leaves every other id as it was and gives
 * the same rows as a fresh seed. Does nothing when the e-mail exists or the agency has no campaign; true if added.
 */
export async function addScaleClientUser(
  pool: pg.Pool,
  options: { agencyId: string; seed: number; domain: string; passwordHash: string },
): Promise<boolean> {
  const email = `client@${options.domain}`;
  if ((await pool.query(`SELECT 1 FROM "User" WHERE email = $1`, [email])).rowCount) return false;
  const top = await pool.query<{ id: string }>(
    `SELECT "clientId" AS id FROM "Campaign" WHERE "agencyId" = $1 GROUP BY "clientId" ORDER BY count(*) DESC, "clientId" LIMIT 1`,
    [options.agencyId],
  );
  if (!top.rowCount) return false;
  const rng = createRng(options.seed + 1);
  const userId = rng.uuid();
  const roleId = rng.uuid();
  await inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO "User" (id, "agencyId", email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, 'Clara Client', $4, now())`,
      [userId, options.agencyId, email, options.passwordHash],
    );
    await client.query(
      `INSERT INTO "RoleAssignment" (id, "agencyId", "userId", role, "scopeType", "scopeId", "updatedAt")
       VALUES ($1, $2, $3, 'CLIENT', 'CLIENT', $4, now())`,
      [roleId, options.agencyId, userId, top.rows[0].id],
    );
  });
  return true;
}
