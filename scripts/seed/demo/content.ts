import crypto from "node:crypto";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  ArtifactType,
  CampaignStatus,
  ContentTaskStatus,
  DeliverableType,
  ReviewOutcome,
} from "@/lib/generated/prisma/enums";
import { getStorage, type StoredFile } from "@/lib/storage";
import type { DemoUsers } from "./business";
import { FORWARD_CHAIN } from "@/lib/domain/campaigns/status-machine";

// Demo content of one agency (called by scripts/seed/demo/seed.ts), written with Prisma directly (data, not use cases):
// - the e2e campaign (CONTENT_DEMO_CAMPAIGN): the client user's client, IN_PRODUCTION, the demo creator
//   ("Ivy Creator") contracted, exactly one task OFFERED (DRAFT required, fee, due in 7 days), nothing else;
// - a richer campaign (CONTENT_SHOWCASE_CAMPAIGN) with a task in every status: script versions 1–3, real PNG
//   drafts stored through the storage, internal and client reviews, comments (internal, client, anchored to a
//   region of an image), published figures.
// Idempotent: found by campaign name; everything is created with its campaign.

export const CONTENT_DEMO_CAMPAIGN = { northwind: "Lumière Autumn Glow", blueharbor: "Tidal Autumn Sessions" } as const;
export const CONTENT_DEMO_TASK = { northwind: "Autumn Glow reel", blueharbor: "Autumn Sessions reel" } as const;
export const CONTENT_SHOWCASE_CAMPAIGN = {
  northwind: "Lumière Night Repair Stories",
  blueharbor: "Tidal Buds Studio Stories",
} as const;

const DAY = 24 * 60 * 60 * 1000;
/** The status machine's forward chain up to IN_PRODUCTION: what the content demo campaign has walked. */
const PATH: readonly CampaignStatus[] = FORWARD_CHAIN.slice(0, FORWARD_CHAIN.indexOf("IN_PRODUCTION") + 1);

/** A real PNG (RGB, no filter), a diagonal gradient in two tints. */
export function demoPng(size: number, tint: [number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 3 + 1) + 1 + x * 3;
      const t = (x + y) / (2 * size);
      raw[o] = Math.round(tint[0] * (1 - t) + 255 * t);
      raw[o + 1] = Math.round(tint[1] * (1 - t) + 220 * t);
      raw[o + 2] = Math.round(tint[2] * (1 - t) + 180 * t);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const SCRIPTS = [
  "Hook: I tried the night serum for two weeks.\nShow the bottle on the bathroom shelf.\nApply two drops before bed.\nMorning: close-up of the skin.\nCall to action: link in bio.",
  "Hook: Two weeks, one serum, no filter.\nShow the bottle on the bathroom shelf.\nApply two drops before bed, slowly.\nMorning: close-up of the skin in daylight.\nCall to action: code GLOW15, link in bio.\n#ad",
  "Hook: Two weeks, one serum, no filter.\nShow the bottle next to the mirror.\nApply two drops before bed, slowly.\nMorning: close-up of the skin in daylight.\nSay what the study found (no medical claims).\nCall to action: code GLOW15, link in bio.\n#ad",
];

type Campaign = { id: string; name: string; clientId: string; currency: string };

async function createCampaign(
  db: Db,
  agencyId: string,
  users: DemoUsers,
  name: string,
  clientId: string,
  currency: string,
  brief: string,
  startedDaysAgo: number,
): Promise<Campaign> {
  const id = crypto.randomUUID();
  const now = Date.now();
  const createdAt = new Date(now - (startedDaysAgo + 30) * DAY);
  const at = (k: number) => new Date(createdAt.getTime() + k * 2 * DAY);
  await db.campaign.create({
    data: {
      id,
      agencyId,
      clientId,
      name,
      objective: "Autumn content with creators",
      brief,
      briefRevision: 1,
      shortlistRevision: 1,
      startDate: new Date(now - startedDaysAgo * DAY),
      endDate: new Date(now + 30 * DAY),
      platforms: ["INSTAGRAM", "TIKTOK"],
      plannedBudget: "24000.00",
      currency,
      ownerId: users.cm,
      directorId: users.dir,
      policy: {
        clientApprovesBrief: true,
        clientApprovesShortlist: true,
        clientApprovesContent: true,
        approvalDueDays: 3,
        approvalExpiryDays: 14,
      },
      status: "IN_PRODUCTION",
      createdAt,
      statusChanges: {
        create: PATH.map((to, k) => ({
          agencyId,
          from: k === 0 ? null : PATH[k - 1],
          to,
          changedById: users.cm,
          reason: k === 0 ? "Campaign created" : null,
          createdAt: at(k),
        })),
      },
      briefs: { create: [{ agencyId, revision: 1, content: brief, createdById: users.cm, createdAt: at(0) }] },
      approvals: {
        create: [
          {
            agencyId,
            type: "BRIEF",
            status: "APPROVED",
            subjectType: "CampaignBrief",
            subjectId: id,
            subjectVersion: 1,
            subjectSnapshot: { brief, revision: 1, campaignName: name },
            approverRole: "CLIENT",
            approverScopeType: "CLIENT",
            approverScopeId: clientId,
            requestedById: users.cm,
            decidedById: users.client,
            decidedAt: at(2),
            dueAt: at(3),
            createdAt: at(1),
          },
        ],
      },
    },
  });
  return { id, name, clientId, currency };
}

async function assign(db: Db, agencyId: string, campaign: Campaign, influencerId: string, fee: string) {
  return db.campaignInfluencer.create({
    data: {
      agencyId,
      campaignId: campaign.id,
      influencerId,
      status: "CONTRACTED",
      proposedFee: fee,
      agreedFee: fee,
      currency: campaign.currency,
      deliverableType: "INSTAGRAM_REEL",
      contractSignedAt: new Date(Date.now() - 10 * DAY),
    },
  });
}

async function store(bytes: Buffer, name: string): Promise<StoredFile> {
  return getStorage().put(Readable.from([bytes]), { name });
}

/** Adds the demo content of one agency; returns how many rows it created. */
export async function seedContent(
  db: Db,
  agency: { id: string; slug: string },
  clientIds: string[],
  users: DemoUsers,
): Promise<number> {
  const slug = agency.slug === "blueharbor" ? "blueharbor" : "northwind";
  const agencyId = agency.id;
  const currency = slug === "northwind" ? "EUR" : "GBP";
  const clientId = clientIds[0];
  const ivy = await db.influencerProfile.findFirst({
    where: { agencyId, userId: users.creator },
    select: { id: true },
  });
  if (!ivy) return 0;
  let created = 0;
  const now = Date.now();

  // --- The e2e campaign: one offered task, nothing else.
  if (
    !(await db.campaign.findFirst({ where: { agencyId, name: CONTENT_DEMO_CAMPAIGN[slug] }, select: { id: true } }))
  ) {
    const campaign = await createCampaign(
      db,
      agencyId,
      users,
      CONTENT_DEMO_CAMPAIGN[slug],
      clientId,
      currency,
      "## Goal\nAutumn routine reels.\n\n## Deliverables\n- 1 reel per creator\n\n## Do\n- Disclose the partnership (#ad)",
      12,
    );
    const line = await assign(db, agencyId, campaign, ivy.id, "900.00");
    const task = await db.contentTask.create({
      data: {
        agencyId,
        campaignId: campaign.id,
        assignmentId: line.id,
        influencerId: ivy.id,
        deliverableType: "INSTAGRAM_REEL",
        title: CONTENT_DEMO_TASK[slug],
        instructions:
          "A 30-second reel of your autumn evening routine with the product. Natural light, no filters, #ad in the caption.",
        dueAt: new Date(now + 7 * DAY),
        requiredArtifacts: ["DRAFT"],
        status: "OFFERED",
        fee: "900.00",
        currency,
        offeredAt: new Date(now - DAY),
        createdById: users.cm,
      },
    });
    await db.notification.create({
      data: {
        agencyId,
        userId: users.creator,
        type: "content.offered",
        title: `New content task: ${task.title} (${campaign.name})`,
        body: `Fee: 900.00 ${currency}`,
        link: `/creator/tasks/${task.id}`,
      },
    });
    created += 1 + PATH.length + 2 + 1 + 1 + 1;
  }

  // --- The showcase campaign: a task in every status.
  if (await db.campaign.findFirst({ where: { agencyId, name: CONTENT_SHOWCASE_CAMPAIGN[slug] }, select: { id: true } }))
    return created;
  const campaign = await createCampaign(
    db,
    agencyId,
    users,
    CONTENT_SHOWCASE_CAMPAIGN[slug],
    clientId,
    currency,
    "## Goal\nStories about the night routine.\n\n## Deliverables\n- 1 reel and 2 stories per creator\n\n## Do\n- Disclose the partnership (#ad)",
    20,
  );
  created += 1 + PATH.length + 2;
  const others = await db.influencerProfile.findMany({
    where: { agencyId, profileType: "FULL", status: "ACTIVE", userId: null },
    orderBy: { displayName: "asc" },
    take: 3,
    select: { id: true },
  });
  const lines = [await assign(db, agencyId, campaign, ivy.id, "900.00")];
  for (const [k, o] of others.entries())
    lines.push(await assign(db, agencyId, campaign, o.id, (600 + k * 150).toFixed(2)));
  created += lines.length;

  const [png1, png2] = [
    await store(demoPng(96, [214, 120, 140]), "night-routine-v1.png"),
    await store(demoPng(96, [120, 110, 200]), "night-routine-v2.png"),
  ];
  const policy = { dueAt: new Date(now + 3 * DAY) };

  type Version = {
    type: ArtifactType;
    text?: string;
    file?: StoredFile;
    internal?: ReviewOutcome | "PENDING";
    client?: ReviewOutcome | "PENDING";
    internalNote?: string;
    clientNote?: string;
    comments?: {
      by: keyof DemoUsers;
      body: string;
      internal?: boolean;
      anchor?: object;
      stage: "INTERNAL" | "CLIENT";
    }[];
  };
  type TaskSeed = {
    status: ContentTaskStatus;
    title: string;
    line: number;
    deliverable: DeliverableType;
    required: ArtifactType[];
    due: number;
    versions?: Version[];
    declineReason?: string;
    published?: boolean;
  };
  const tasks: TaskSeed[] = [
    {
      status: "OFFERED",
      title: "Night routine story set",
      line: 0,
      deliverable: "INSTAGRAM_STORY",
      required: ["DRAFT"],
      due: 10,
    },
    {
      status: "ACCEPTED",
      title: "Unboxing reel",
      line: 1,
      deliverable: "INSTAGRAM_REEL",
      required: ["SCRIPT", "DRAFT"],
      due: 9,
    },
    {
      status: "DECLINED",
      title: "Long-form review",
      line: 2,
      deliverable: "YOUTUBE_VIDEO",
      required: ["SCRIPT", "FINAL"],
      due: 14,
      declineReason: "I do not have time for a long video this month.",
    },
    {
      status: "IN_PROGRESS",
      title: "Two-week diary TikTok",
      line: 3,
      deliverable: "TIKTOK_VIDEO",
      required: ["SCRIPT", "DRAFT"],
      due: 6,
      versions: [{ type: "SCRIPT", text: SCRIPTS[1], internal: "APPROVED", client: "APPROVED" }],
    },
    {
      status: "SUBMITTED",
      title: "Before-bed reel",
      line: 1,
      deliverable: "INSTAGRAM_REEL",
      required: ["SCRIPT"],
      due: 4,
      versions: [
        {
          type: "SCRIPT",
          text: SCRIPTS[0],
          internal: "CHANGES_REQUESTED",
          internalNote: "Add the discount code and the #ad disclosure.",
          comments: [
            { by: "cm", body: "The hook is strong; keep it.", stage: "INTERNAL" },
            {
              by: "dir",
              body: "Legal wants #ad in the first line of the caption too.",
              internal: true,
              stage: "INTERNAL",
            },
          ],
        },
        {
          type: "SCRIPT",
          text: SCRIPTS[1],
          internal: "CHANGES_REQUESTED",
          internalNote: "Mention the study without medical claims.",
        },
        { type: "SCRIPT", text: SCRIPTS[2], internal: "PENDING" },
      ],
    },
    {
      status: "IN_REVIEW",
      title: "Morning glow carousel",
      line: 0,
      deliverable: "INSTAGRAM_POST",
      required: ["DRAFT"],
      due: 3,
      versions: [
        {
          type: "DRAFT",
          file: png1,
          internal: "CHANGES_REQUESTED",
          internalNote: "Warmer light, please.",
          comments: [
            {
              by: "cm",
              body: "The bottle label is cut off here.",
              anchor: { x: 0.62, y: 0.18, w: 0.25, h: 0.3 },
              stage: "INTERNAL",
            },
          ],
        },
        {
          type: "DRAFT",
          file: png2,
          internal: "APPROVED",
          client: "PENDING",
          comments: [
            { by: "cm", body: "Second cut with warmer light, as discussed.", stage: "CLIENT" },
            { by: "cm", body: "Internal: we prefer this one, push for approval.", internal: true, stage: "CLIENT" },
          ],
        },
      ],
    },
    {
      status: "CHANGES_REQUESTED",
      title: "Serum close-up",
      line: 2,
      deliverable: "INSTAGRAM_REEL",
      required: ["DRAFT"],
      due: -2,
      versions: [
        {
          type: "DRAFT",
          file: png1,
          internal: "APPROVED",
          client: "CHANGES_REQUESTED",
          clientNote: "Please show the texture on the hand.",
          comments: [
            {
              by: "client",
              body: "Zoom in on the drops here.",
              anchor: { x: 0.3, y: 0.4, w: 0.2, h: 0.2 },
              stage: "CLIENT",
            },
          ],
        },
      ],
    },
    {
      status: "APPROVED",
      title: "Evening routine reel",
      line: 3,
      deliverable: "INSTAGRAM_REEL",
      required: ["DRAFT"],
      due: 5,
      versions: [{ type: "DRAFT", file: png2, internal: "APPROVED", client: "APPROVED" }],
    },
    {
      status: "SCHEDULED",
      title: "Weekend story",
      line: 1,
      deliverable: "INSTAGRAM_STORY",
      required: ["DRAFT"],
      due: 2,
      versions: [{ type: "DRAFT", file: png2, internal: "APPROVED", client: "APPROVED_WITH_CONDITIONS" }],
    },
    {
      status: "PUBLISHED",
      title: "Launch-day reel",
      line: 0,
      deliverable: "INSTAGRAM_REEL",
      required: ["DRAFT"],
      due: -5,
      versions: [{ type: "DRAFT", file: png2, internal: "APPROVED", client: "APPROVED" }],
      published: true,
    },
    {
      status: "CANCELLED",
      title: "Giveaway post",
      line: 2,
      deliverable: "INSTAGRAM_POST",
      required: ["DRAFT"],
      due: 8,
    },
  ];

  for (const [ti, t] of tasks.entries()) {
    const line = lines[t.line % lines.length];
    const taskId = crypto.randomUUID();
    const base = now - (20 - ti) * DAY;
    const approved = ["APPROVED", "SCHEDULED", "PUBLISHED"].includes(t.status);
    await db.contentTask.create({
      data: {
        id: taskId,
        agencyId,
        campaignId: campaign.id,
        assignmentId: line.id,
        influencerId: line.influencerId,
        deliverableType: t.deliverable,
        title: t.title,
        instructions: "Show the product in your real routine; natural light; disclose the partnership (#ad).",
        dueAt: new Date(now + t.due * DAY),
        requiredArtifacts: t.required,
        status: t.status,
        fee: line.agreedFee,
        currency,
        declineReason: t.declineReason ?? null,
        offeredAt: new Date(base),
        respondedAt: t.status === "OFFERED" ? null : new Date(base + DAY),
        approvedAt: approved ? new Date(base + 6 * DAY) : null,
        createdById: users.cm,
        createdAt: new Date(base),
        ...(t.published
          ? {
              publishedUrl: "https://instagram.com/p/demo-launch-day",
              publishedAt: new Date(now - 4 * DAY),
              views: 48_200,
              reach: 39_500,
              likes: 3_910,
              comments: 214,
              shares: 188,
              saves: 402,
              clicks: 655,
              metricsUpdatedAt: new Date(now - DAY),
            }
          : {}),
      },
    });
    created++;
    let previous: string | null = null;
    const counters = new Map<ArtifactType, number>();
    for (const [vi, v] of (t.versions ?? []).entries()) {
      const version = (counters.get(v.type) ?? 0) + 1;
      counters.set(v.type, version);
      const artifactId = crypto.randomUUID();
      const at = base + (2 + vi) * DAY;
      await db.contentArtifact.create({
        data: {
          id: artifactId,
          agencyId,
          taskId,
          artifactType: v.type,
          version,
          text: v.text ?? null,
          fileHash: v.file?.hash ?? null,
          fileName: v.file?.name ?? null,
          mimeType: v.file?.mime ?? null,
          sizeBytes: v.file ? BigInt(v.file.size) : null,
          supersedesId: previous,
          uploadedById: users.creator,
          createdAt: new Date(at),
        },
      });
      previous = artifactId;
      created++;
      const snapshot = (stage: "INTERNAL" | "CLIENT") => ({
        stage,
        taskId,
        artifactType: v.type,
        version,
        fileHash: v.file?.hash ?? null,
        mimeType: v.file?.mime ?? null,
        fileName: v.file?.name ?? null,
        hasText: Boolean(v.text),
      });
      const items: Record<"INTERNAL" | "CLIENT", string | null> = { INTERNAL: null, CLIENT: null };
      for (const stage of ["INTERNAL", "CLIENT"] as const) {
        const outcome = stage === "INTERNAL" ? v.internal : v.client;
        if (!outcome) continue;
        const pending = outcome === "PENDING";
        const decidedBy = stage === "INTERNAL" ? users.cm : users.client;
        const note = stage === "INTERNAL" ? v.internalNote : v.clientNote;
        const item: Prisma.ApprovalItemUncheckedCreateInput = {
          agencyId,
          campaignId: campaign.id,
          type: v.type === "SCRIPT" ? "SCRIPT" : "CONTENT",
          status: pending ? "PENDING" : outcome,
          subjectType: "ContentArtifact",
          subjectId: artifactId,
          subjectVersion: version,
          subjectSnapshot: snapshot(stage),
          ...(stage === "CLIENT"
            ? {
                approverRole: "CLIENT",
                approverScopeType: "CLIENT",
                approverScopeId: clientId,
                requestedById: users.cm,
              }
            : { approverUserId: users.cm }),
          contentTaskId: taskId,
          conditions: outcome === "APPROVED_WITH_CONDITIONS" ? "Post after 18:00 on a weekday." : null,
          decisionNote: pending ? null : (note ?? null),
          decidedById: pending ? null : decidedBy,
          decidedAt: pending ? null : new Date(at + (stage === "INTERNAL" ? 0.5 : 1) * DAY),
          dueAt: pending ? policy.dueAt : new Date(at + 3 * DAY),
          expiresAt: stage === "CLIENT" ? new Date(pending ? now + 14 * DAY : at + 14 * DAY) : null,
          createdAt: new Date(at + (stage === "INTERNAL" ? 0 : 0.6) * DAY),
        };
        const row = await db.approvalItem.create({ data: item });
        items[stage] = row.id;
        created++;
        if (!pending) {
          await db.contentReview.create({
            data: {
              agencyId,
              taskId,
              artifactId,
              artifactVersion: version,
              stage,
              approvalId: row.id,
              outcome,
              conditions: item.conditions ?? null,
              note: note ?? null,
              reviewerId: decidedBy,
              createdAt: item.decidedAt as Date,
            },
          });
          created++;
        }
        if (pending && stage === "CLIENT") {
          await db.notification.create({
            data: {
              agencyId,
              userId: users.client,
              type: "approval.requested",
              title: `Draft v${version} of "${t.title}" (${campaign.name}) waits for your approval`,
              body: "Please decide within three days.",
              link: `/client/approvals/${row.id}`,
            },
          });
          created++;
        }
      }
      for (const c of v.comments ?? []) {
        const approvalId = items[c.stage];
        if (!approvalId) continue;
        await db.approvalComment.create({
          data: {
            agencyId,
            approvalId,
            authorId: users[c.by],
            body: c.body,
            internal: c.internal ?? false,
            anchor: (c.anchor ?? undefined) as Prisma.InputJsonValue | undefined,
            createdAt: new Date(at + 0.3 * DAY),
          },
        });
        created++;
      }
    }
  }
  return created;
}
