import type pg from "pg";
import { createRng, DAY, inTransaction, insertRows, iso, money, type PhaseArgs, type Row, type Table } from "./rows";

// The scale agency's content production (issue 4): tasks for the contracted assignments of campaigns at
// IN_PRODUCTION or later, and their append-only artifact versions. Generated from the campaigns and
// assignments already written (read back in id order, so the result is deterministic), with exact totals.

export const CONTENT_TASK_TABLE: Table = {
  table: "ContentTask",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "campaignId", type: "uuid" },
    { name: "assignmentId", type: "uuid" },
    { name: "influencerId", type: "uuid" },
    { name: "deliverableType", type: '"DeliverableType"' },
    { name: "title", type: "text" },
    { name: "instructions", type: "text" },
    { name: "dueAt", type: "timestamptz" },
    { name: "requiredArtifacts", type: '"ArtifactType"[]' },
    { name: "status", type: '"ContentTaskStatus"' },
    { name: "fee", type: "numeric" },
    { name: "currency", type: "text" },
    { name: "declineReason", type: "text" },
    { name: "offeredAt", type: "timestamptz" },
    { name: "respondedAt", type: "timestamptz" },
    { name: "approvedAt", type: "timestamptz" },
    { name: "publishedUrl", type: "text" },
    { name: "publishedAt", type: "timestamptz" },
    { name: "views", type: "int4" },
    { name: "reach", type: "int4" },
    { name: "likes", type: "int4" },
    { name: "comments", type: "int4" },
    { name: "shares", type: "int4" },
    { name: "saves", type: "int4" },
    { name: "clicks", type: "int4" },
    { name: "metricsUpdatedAt", type: "timestamptz" },
    { name: "createdById", type: "uuid" },
    { name: "createdAt", type: "timestamptz" },
    { name: "updatedAt", type: "timestamptz" },
  ],
};

export const CONTENT_ARTIFACT_TABLE: Table = {
  table: "ContentArtifact",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "taskId", type: "uuid" },
    { name: "artifactType", type: '"ArtifactType"' },
    { name: "version", type: "int4" },
    { name: "fileHash", type: "text" },
    { name: "fileName", type: "text" },
    { name: "mimeType", type: "text" },
    { name: "sizeBytes", type: "int8" },
    { name: "text", type: "text" },
    { name: "note", type: "text" },
    { name: "supersedesId", type: "uuid" },
    { name: "uploadedById", type: "uuid" },
    { name: "createdAt", type: "timestamptz" },
  ],
};

/** One contracted assignment of a campaign in production or later, as read back from the database. */
export type ContentAssignment = {
  id: string;
  campaignId: string;
  influencerId: string;
  campaignName: string;
  /** The campaign's status (the one before the hold for ON_HOLD). */
  stage: string;
  agreedFee: string | null;
  currency: string;
  deliverableType: string;
  ownerId: string;
  startDate: Date;
  endDate: Date;
  signedAt: Date | null;
  /** The creator user of the influencer, when it has one. */
  creatorUserId: string | null;
};

export const CONTENT_STAGES = [
  "IN_PRODUCTION",
  "CONTENT_IN_INTERNAL_REVIEW",
  "CONTENT_IN_CLIENT_REVIEW",
  "CONTENT_APPROVED",
  "SCHEDULED",
  "LIVE",
  "REPORTING",
  "REPORT_IN_REVIEW",
  "REPORT_APPROVED",
  "INVOICING",
  "CLOSED",
] as const;

const TASK_STATUS_FOR: Record<string, readonly (readonly [string, number])[]> = {
  production: [
    ["OFFERED", 10],
    ["ACCEPTED", 14],
    ["DECLINED", 3],
    ["IN_PROGRESS", 30],
    ["SUBMITTED", 10],
    ["IN_REVIEW", 10],
    ["CHANGES_REQUESTED", 9],
    ["APPROVED", 12],
    ["CANCELLED", 2],
  ],
  review: [
    ["IN_PROGRESS", 5],
    ["SUBMITTED", 10],
    ["IN_REVIEW", 25],
    ["CHANGES_REQUESTED", 10],
    ["APPROVED", 45],
    ["DECLINED", 3],
    ["CANCELLED", 2],
  ],
  scheduled: [
    ["APPROVED", 30],
    ["SCHEDULED", 62],
    ["DECLINED", 4],
    ["CANCELLED", 4],
  ],
  live: [
    ["SCHEDULED", 10],
    ["PUBLISHED", 80],
    ["DECLINED", 5],
    ["CANCELLED", 5],
  ],
  done: [
    ["PUBLISHED", 90],
    ["DECLINED", 5],
    ["CANCELLED", 5],
  ],
};

function stagePhase(stage: string): keyof typeof TASK_STATUS_FOR {
  if (stage === "IN_PRODUCTION") return "production";
  if (stage.startsWith("CONTENT_")) return "review";
  if (stage === "SCHEDULED") return "scheduled";
  if (stage === "LIVE") return "live";
  return "done";
}

const REQUIRED_SETS = [
  ["SCRIPT", "DRAFT", "FINAL", "CAPTION"],
  ["DRAFT", "FINAL", "CAPTION"],
  ["SCRIPT", "FINAL", "CAPTION", "THUMBNAIL"],
  ["FINAL", "CAPTION"],
] as const;

/** How far along the required artifacts a task in this status is: 0 = nothing uploaded, 1 = all of them. */
const PROGRESS_OF: Record<string, number> = {
  OFFERED: 0,
  ACCEPTED: 0,
  DECLINED: 0,
  CANCELLED: 0.25,
  IN_PROGRESS: 0.4,
  SUBMITTED: 0.8,
  IN_REVIEW: 0.9,
  CHANGES_REQUESTED: 0.9,
  APPROVED: 1,
  SCHEDULED: 1,
  PUBLISHED: 1,
};

const TITLES: Record<string, string> = {
  INSTAGRAM_REEL: "Instagram reel",
  INSTAGRAM_POST: "Instagram post",
  INSTAGRAM_STORY: "Instagram story",
  TIKTOK_VIDEO: "TikTok video",
  YOUTUBE_VIDEO: "YouTube video",
  YOUTUBE_SHORT: "YouTube short",
  X_POST: "X post",
  LINKEDIN_POST: "LinkedIn post",
  OTHER: "Content piece",
};

/** A task's plan before the artifacts are generated: which types, how many versions of each. */
export type TaskPlan = {
  id: string;
  status: string;
  types: string[];
  versions: number[];
  created: number;
  uploader: string;
};

/** Tasks for one assignment (n of them) and their artifact plans (versions per type, adjusted later). */
export function generateTasks(agencyId: string, seed: number, a: ContentAssignment, index: number, n: number) {
  const rng = createRng(seed * 17_000_003 + index);
  const tasks: Row[] = [];
  const plans: TaskPlan[] = [];
  const start = a.startDate.getTime();
  const end = Math.max(start + DAY, a.endDate.getTime());
  const offered = (a.signedAt?.getTime() ?? start - 10 * DAY) + rng.int(0, 3) * DAY;
  for (let k = 0; k < n; k++) {
    const id = rng.uuid();
    const status = rng.weighted(TASK_STATUS_FOR[stagePhase(a.stage)]);
    const required = REQUIRED_SETS[rng.int(0, REQUIRED_SETS.length - 1)];
    const due = start + Math.floor(((k + 1) / (n + 1)) * (end - start));
    const responded = status === "OFFERED" ? null : offered + rng.int(0, 2) * DAY + rng.int(0, DAY - 1);
    const approved = ["APPROVED", "SCHEDULED", "PUBLISHED"].includes(status) ? due - rng.int(1, 5) * DAY : null;
    const published = status === "PUBLISHED" ? due + rng.int(0, 2) * DAY : null;
    const views = published ? rng.int(2_000, 900_000) : null;
    const fee = a.agreedFee ? money(Math.round((Number(a.agreedFee) / n) * 100) / 100) : null;
    const updated = Math.max(offered, responded ?? 0, approved ?? 0, published ?? 0);
    tasks.push([
      id,
      agencyId,
      a.campaignId,
      a.id,
      a.influencerId,
      a.deliverableType,
      `${TITLES[a.deliverableType] ?? "Content piece"} ${k + 1} of ${n} — ${a.campaignName}`,
      k === 0 ? "Show the product in daily use; disclose the partnership (#ad)." : null,
      iso(due),
      `{${required.join(",")}}`,
      status,
      fee,
      a.currency,
      status === "DECLINED" ? rng.pick(["Schedule conflict", "Fee too low", "Not a fit for my audience"]) : null,
      iso(offered),
      responded ? iso(responded) : null,
      approved ? iso(approved) : null,
      published ? `https://example.com/p/${id.slice(0, 8)}` : null,
      published ? iso(published) : null,
      views,
      views ? Math.floor(views * 0.7) : null,
      views ? Math.floor(views * 0.05) : null,
      views ? Math.floor(views * 0.004) : null,
      views ? Math.floor(views * 0.002) : null,
      views ? Math.floor(views * 0.003) : null,
      views ? Math.floor(views * 0.01) : null,
      views ? iso(published! + 7 * DAY) : null,
      a.ownerId,
      iso(offered - DAY),
      iso(updated),
    ]);
    const reached = Math.round(PROGRESS_OF[status] * required.length);
    const types = required.slice(0, reached);
    // Changes requested → a second version of the last one; some finals went through a few rounds.
    const versions = types.map(
      (_, t) => 1 + (rng.chance(0.35) ? 1 : 0) + (t === types.length - 1 && status === "CHANGES_REQUESTED" ? 1 : 0),
    );
    plans.push({
      id,
      status,
      types: [...types],
      versions,
      created: responded ?? offered,
      uploader: a.creatorUserId ?? a.ownerId,
    });
  }
  return { tasks, plans };
}

/**
 * Makes the plans add up to exactly `target` artifacts, keeping versions 1..n without gaps: adds versions to
 * (or removes the last version of) the last type of the tasks that have artifacts, round after round.
 */
export function fitArtifactPlans(plans: TaskPlan[], target: number) {
  let total = plans.reduce((sum, p) => sum + p.versions.reduce((a, b) => a + b, 0), 0);
  const withArtifacts = plans.filter((p) => p.types.length > 0);
  if (withArtifacts.length === 0) return total;
  for (let round = 0; total !== target && round < 1000; round++) {
    for (const p of withArtifacts) {
      if (total === target) break;
      const last = p.versions.length - 1;
      if (total < target) {
        p.versions[last]++;
        total++;
      } else if (p.versions[last] > 1) {
        p.versions[last]--;
        total--;
      } else if (p.versions.length > 1) {
        p.versions.pop();
        p.types.pop();
        total--;
      }
    }
  }
  return total;
}

const hex64 = (rng: ReturnType<typeof createRng>) => {
  let s = "";
  for (let i = 0; i < 8; i++)
    s += Math.floor(rng.next() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
  return s;
};

/** The artifact rows of one task plan: versions 1..n per type, each superseding the one before. */
export function generateArtifacts(agencyId: string, seed: number, plan: TaskPlan, taskIndex: number): Row[] {
  const rng = createRng(seed * 19_000_003 + taskIndex);
  const rows: Row[] = [];
  let at = plan.created + DAY;
  plan.types.forEach((type, t) => {
    let previous: string | null = null;
    for (let v = 1; v <= plan.versions[t]; v++) {
      const id = rng.uuid();
      at += rng.int(2, 48) * 3_600_000;
      const textual = type === "SCRIPT" || type === "CAPTION";
      const video = type === "DRAFT" || type === "FINAL";
      rows.push([
        id,
        agencyId,
        plan.id,
        type,
        v,
        textual ? null : hex64(rng),
        textual ? null : `${type.toLowerCase()}-v${v}.${video ? "mp4" : "jpg"}`,
        textual ? null : video ? "video/mp4" : "image/jpeg",
        textual ? null : video ? rng.int(5, 250) * 1_048_576 + rng.int(0, 1_048_575) : rng.int(80, 900) * 1024,
        textual
          ? type === "SCRIPT"
            ? `Hook, product in use, call to action (version ${v}).`
            : `Loving my new favourite #ad (v${v})`
          : null,
        v > 1 ? rng.pick(["Shorter intro", "Brighter light", "Logo visible earlier", "Fixed the disclosure"]) : null,
        previous,
        plan.uploader,
        iso(at),
      ]);
      previous = id;
    }
  });
  return rows;
}

/** The contracted assignments of campaigns in production or later, with their creator user, in id order. */
export async function loadContentAssignments(pool: pg.Pool, agencyId: string): Promise<ContentAssignment[]> {
  const { rows } = await pool.query<ContentAssignment>(
    `SELECT ci.id, ci."campaignId", ci."influencerId", c.name AS "campaignName",
            (CASE WHEN c.status = 'ON_HOLD' THEN c."statusBeforeHold" ELSE c.status END)::text AS stage,
            ci."agreedFee"::text AS "agreedFee", ci.currency, ci."deliverableType"::text AS "deliverableType", c."ownerId",
            c."startDate", c."endDate", ci."contractSignedAt" AS "signedAt", p."userId" AS "creatorUserId"
       FROM "CampaignInfluencer" ci
       JOIN "Campaign" c ON c.id = ci."campaignId"
       JOIN "InfluencerProfile" p ON p.id = ci."influencerId"
      WHERE ci."agencyId" = $1 AND ci.status IN ('CONTRACTED', 'ACTIVE', 'COMPLETED')
        AND (CASE WHEN c.status = 'ON_HOLD' THEN c."statusBeforeHold" ELSE c.status END)::text = ANY($2::text[])
      ORDER BY ci.id`,
    [agencyId, CONTENT_STAGES],
  );
  return rows;
}

/** Tasks per assignment so that they add up to exactly `total`: the first (total mod n) get one more. */
export function tasksPerAssignment(assignments: number, total: number, index: number) {
  if (assignments === 0) return 0;
  return Math.floor(total / assignments) + (index < total % assignments ? 1 : 0);
}

/** Content tasks for the contracted assignments of campaigns in production or later, then their artifacts. */
export async function seedContent(pool: pg.Pool, { agencyId, seed, counts, batch, progress, add }: PhaseArgs) {
  const assignments = counts.contentTasks > 0 ? await loadContentAssignments(pool, agencyId) : [];
  const total = assignments.length ? counts.contentTasks : 0;
  progress("content", 0, total, 0);
  const plans: TaskPlan[] = [];
  let written = 0;
  let done = 0;
  for (let from = 0; from < assignments.length;) {
    const tasks: Row[] = [];
    let to = from;
    while (to < assignments.length && tasks.length < batch) {
      const generated = generateTasks(
        agencyId,
        seed,
        assignments[to],
        to,
        tasksPerAssignment(assignments.length, total, to),
      );
      tasks.push(...generated.tasks);
      plans.push(...generated.plans);
      to++;
    }
    await inTransaction(pool, (client) => insertRows(client, CONTENT_TASK_TABLE, tasks));
    add("ContentTask", tasks.length);
    written += tasks.length;
    done += tasks.length;
    progress("content", done, total, written);
    from = to;
  }
  fitArtifactPlans(plans, counts.contentArtifacts);
  progress("artifacts", 0, plans.length, 0);
  written = 0;
  for (let from = 0; from < plans.length;) {
    const rows: Row[] = [];
    let to = from;
    while (to < plans.length && rows.length < batch) rows.push(...generateArtifacts(agencyId, seed, plans[to], to++));
    await inTransaction(pool, (client) => insertRows(client, CONTENT_ARTIFACT_TABLE, rows));
    add("ContentArtifact", rows.length);
    written += rows.length;
    progress("artifacts", to, plans.length, written);
    from = to;
  }
}
