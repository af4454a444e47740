import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import type { ContentTaskStatus } from "@/lib/generated/prisma/enums";
import { createCampaignRow, createInfluencerRow } from "../setup/approval-fixtures";

// The authorization matrix rows of the content pages' server actions (agency content tab and review page,
// the creator's tasks, the client's comments), spread into TABLE in matrix.test.ts. Each call makes its own
// IN_PRODUCTION campaign of the fixture's client owned by the matrix CM, with the matrix INF user's profile
// contracted and one content task; `stage` says how far the task's DRAFT v1 has come.

type Outcome = "allow" | "unauth" | "deny" | "notfound" | "invalid";
type RoleKey = "anon" | "CM" | "DIR" | "FIN" | "ADM" | "CLIENT" | "INF" | "OTHER_AGENCY_CM";
type Fixture = { clientId: string };
type Call<F> = (f: F) => Promise<Outcome>;
type Helpers<F extends Fixture> = {
  action: (file: string, name: string, input: () => unknown) => Call<F>;
  signedIn: (roles: Omit<Record<RoleKey, Outcome>, "anon">) => Record<RoleKey, Outcome>;
  agencyId: () => string;
  cm: () => AuthContext;
  inf: () => AuthContext;
};

/** none: OFFERED, nothing uploaded; internal: v1 waits for the agency; approved: approved internally; client: sent to the client. */
type Stage = "none" | "internal" | "approved" | "client" | "published";
type World = { campaignId: string; taskId: string; artifactId: string };

const profiles = new Map<string, string>();

/** The matrix INF user's influencer profile (a user has at most one). */
async function creatorProfile(agencyId: string, userId: string) {
  const known = profiles.get(userId);
  if (known) return known;
  const existing = await db.influencerProfile.findFirst({ where: { agencyId, userId }, select: { id: true } });
  const id =
    existing?.id ??
    (await db.influencerProfile.update({ where: { id: (await createInfluencerRow(agencyId)).id }, data: { userId } }))
      .id;
  profiles.set(userId, id);
  return id;
}

async function world<F extends Fixture>(h: Helpers<F>, f: F, stage: Stage): Promise<World> {
  const agencyId = h.agencyId();
  const owner = h.cm();
  const campaign = await createCampaignRow(agencyId, {
    clientId: f.clientId,
    ownerId: owner.userId,
    status: "IN_PRODUCTION",
  });
  const influencerId = await creatorProfile(agencyId, h.inf().userId);
  const assignment = await db.campaignInfluencer.create({
    data: {
      agencyId,
      campaignId: campaign.id,
      influencerId,
      currency: "EUR",
      proposedFee: "100",
      status: "CONTRACTED",
    },
  });
  const status: ContentTaskStatus = {
    none: "OFFERED",
    internal: "SUBMITTED",
    approved: "SUBMITTED",
    client: "IN_REVIEW",
    published: "APPROVED",
  }[stage] as ContentTaskStatus;
  const task = await db.contentTask.create({
    data: {
      agencyId,
      campaignId: campaign.id,
      assignmentId: assignment.id,
      influencerId,
      deliverableType: "INSTAGRAM_REEL",
      title: "Matrix task",
      requiredArtifacts: ["DRAFT"],
      status,
      fee: "100",
      currency: "EUR",
      offeredAt: new Date(),
    },
  });
  if (stage === "none") return { campaignId: campaign.id, taskId: task.id, artifactId: task.id };
  const artifact = await db.contentArtifact.create({
    data: {
      agencyId,
      taskId: task.id,
      artifactType: "DRAFT",
      version: 1,
      text: "Matrix draft",
      uploadedById: h.inf().userId,
    },
  });
  const item = (role: "INTERNAL" | "CLIENT", status: "PENDING" | "APPROVED") => ({
    agencyId,
    campaignId: campaign.id,
    type: "CONTENT" as const,
    subjectType: "ContentArtifact",
    subjectId: artifact.id,
    subjectVersion: 1,
    status,
    contentTaskId: task.id,
    ...(role === "CLIENT"
      ? {
          approverRole: "CLIENT" as const,
          approverScopeType: "CLIENT" as const,
          approverScopeId: f.clientId,
          requestedById: owner.userId,
        }
      : { approverUserId: owner.userId }),
    ...(status === "APPROVED" ? { decidedById: owner.userId, decidedAt: new Date() } : {}),
  });
  const internalApproved = stage !== "internal";
  await db.approvalItem.create({ data: item("INTERNAL", internalApproved ? "APPROVED" : "PENDING") });
  if (internalApproved)
    await db.contentReview.create({
      data: {
        agencyId,
        taskId: task.id,
        artifactId: artifact.id,
        artifactVersion: 1,
        stage: "INTERNAL",
        outcome: "APPROVED",
        reviewerId: owner.userId,
      },
    });
  if (stage === "client") await db.approvalItem.create({ data: item("CLIENT", "PENDING") });
  return { campaignId: campaign.id, taskId: task.id, artifactId: artifact.id };
}

export function contentActionRows<F extends Fixture>(
  h: Helpers<F>,
): Record<string, { call: Call<F>; expect: Record<RoleKey, Outcome> }> {
  const ACTIONS = "lib/actions/content.ts";
  const a =
    (file: string, name: string, stage: Stage, input: (w: World) => unknown): Call<F> =>
    async (f) => {
      const w = await world(h, f, stage);
      return h.action(file, name, () => input(w))(f);
    };
  // content.manage / content.review: CM and DIR; a CM of another agency finds nothing.
  const staffManage = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const creatorOnly = h.signedIn({
    CM: "deny",
    DIR: "deny",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "deny",
    INF: "allow",
    OTHER_AGENCY_CM: "deny",
  });
  return {
    [`${ACTIONS} createContentTaskAction`]: {
      call: async (f) => {
        const w = await world(h, f, "none");
        const assignment = await db.contentTask.findUniqueOrThrow({
          where: { id: w.taskId },
          select: { assignmentId: true },
        });
        return h.action(ACTIONS, "createContentTaskAction", () => ({
          campaignId: w.campaignId,
          assignmentId: assignment.assignmentId,
          deliverableType: "TIKTOK_VIDEO",
          title: "Matrix second task",
          requiredArtifacts: ["SCRIPT", "DRAFT"],
        }))(f);
      },
      expect: staffManage,
    },
    [`${ACTIONS} cancelContentTaskAction`]: {
      call: a(ACTIONS, "cancelContentTaskAction", "none", (w) => ({
        campaignId: w.campaignId,
        taskId: w.taskId,
        reason: "Matrix",
      })),
      expect: staffManage,
    },
    [`${ACTIONS} updateContentTaskAction`]: {
      call: a(ACTIONS, "updateContentTaskAction", "published", (w) => ({
        campaignId: w.campaignId,
        taskId: w.taskId,
        version: 1,
        status: "SCHEDULED",
      })),
      expect: staffManage,
    },
    [`${ACTIONS} reviewArtifactAction`]: {
      call: a(ACTIONS, "reviewArtifactAction", "internal", (w) => ({
        campaignId: w.campaignId,
        taskId: w.taskId,
        artifactId: w.artifactId,
        review: { decision: "CHANGES_REQUESTED", note: "Matrix" },
      })),
      // The internal review is addressed to the campaign owner (the matrix CM): the director sees it but may not decide it.
      expect: h.signedIn({
        CM: "allow",
        DIR: "deny",
        FIN: "deny",
        ADM: "deny",
        CLIENT: "deny",
        INF: "deny",
        OTHER_AGENCY_CM: "notfound",
      }),
    },
    [`${ACTIONS} sendArtifactToClientAction`]: {
      call: a(ACTIONS, "sendArtifactToClientAction", "approved", (w) => ({
        campaignId: w.campaignId,
        taskId: w.taskId,
        artifactId: w.artifactId,
      })),
      expect: staffManage,
    },
    [`${ACTIONS} commentOnArtifactStaffAction`]: {
      call: a(ACTIONS, "commentOnArtifactStaffAction", "internal", (w) => ({
        campaignId: w.campaignId,
        taskId: w.taskId,
        artifactId: w.artifactId,
        body: "Matrix",
        anchor: { x: 0.5, y: 0.5, w: 0, h: 0 },
        internal: true,
      })),
      expect: staffManage,
    },
    [`${ACTIONS} recordPublicationAction`]: {
      call: a(ACTIONS, "recordPublicationAction", "published", (w) => ({
        campaignId: w.campaignId,
        taskId: w.taskId,
        publishedUrl: "https://instagram.com/p/matrix",
        publishedAt: "2026-11-20",
        views: 10,
        likes: 2,
      })),
      expect: staffManage,
    },
    [`${ACTIONS} importMetricsCsvAction`]: {
      call: a(ACTIONS, "importMetricsCsvAction", "published", (w) => ({
        campaignId: w.campaignId,
        csv: `task_id,published_url,published_at,views\n${w.taskId},https://instagram.com/p/matrix,2026-11-20,100\n`,
      })),
      expect: staffManage,
    },
    [`${ACTIONS} respondToTaskAction`]: {
      call: a(ACTIONS, "respondToTaskAction", "none", (w) => ({ taskId: w.taskId, accept: true })),
      expect: creatorOnly,
    },
    [`${ACTIONS} completeCreatorTaskAction`]: {
      call: a(ACTIONS, "completeCreatorTaskAction", "published", (w) => ({
        taskId: w.taskId,
        publishedUrl: "https://instagram.com/p/matrix-creator",
      })),
      expect: creatorOnly,
    },
    [`${ACTIONS} commentOnArtifactCreatorAction`]: {
      call: a(ACTIONS, "commentOnArtifactCreatorAction", "internal", (w) => ({
        taskId: w.taskId,
        artifactId: w.artifactId,
        body: "Matrix reply",
        anchor: { seconds: 3 },
      })),
      expect: creatorOnly,
    },
    [`${ACTIONS} commentOnArtifactClientAction`]: {
      call: async (f) => {
        const w = await world(h, f, "client");
        const item = await db.approvalItem.findFirstOrThrow({
          where: { subjectId: w.artifactId, approverRole: "CLIENT" },
          select: { id: true },
        });
        return h.action(ACTIONS, "commentOnArtifactClientAction", () => ({
          approvalId: item.id,
          artifactId: w.artifactId,
          body: "Matrix client comment",
        }))(f);
      },
      // content.read: agency staff reach the action too (and comment on their own campaign's version); the
      // client only on what was sent to them; the influencer lacks content.read.
      expect: h.signedIn({
        CM: "allow",
        DIR: "allow",
        FIN: "deny",
        ADM: "deny",
        CLIENT: "allow",
        INF: "deny",
        OTHER_AGENCY_CM: "notfound",
      }),
    },
  };
}
