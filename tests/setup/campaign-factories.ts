import { db } from "@/lib/db/client";
import type { ApprovalStatus, ApprovalType, AssignmentStatus, CampaignStatus } from "@/lib/generated/prisma/enums";
import { uid } from "./factories";

// Campaign rows made directly (not through the domain) for tests that need a campaign in a given state.

export async function createCampaignRow(
  agencyId: string,
  data: {
    clientId: string;
    ownerId: string;
    directorId?: string | null;
    name?: string;
    status?: CampaignStatus;
    statusBeforeHold?: CampaignStatus | null;
    brief?: string | null;
    policy?: object;
  },
) {
  const brief = data.brief === undefined ? "# Brief\nMake it shine." : data.brief;
  const campaign = await db.campaign.create({
    data: {
      agencyId,
      clientId: data.clientId,
      ownerId: data.ownerId,
      directorId: data.directorId ?? null,
      name: data.name ?? `Campaign ${uid()}`,
      status: data.status ?? "DRAFT",
      statusBeforeHold: data.statusBeforeHold ?? null,
      brief,
      briefRevision: brief ? 1 : 0,
      policy: data.policy ?? {},
    },
  });
  if (brief)
    await db.campaignBrief.create({ data: { agencyId, campaignId: campaign.id, revision: 1, content: brief } });
  return campaign;
}

export async function createApprovalRow(
  agencyId: string,
  campaignId: string,
  data: { type: ApprovalType; status?: ApprovalStatus; subjectVersion: number },
) {
  return db.approvalItem.create({
    data: {
      agencyId,
      campaignId,
      type: data.type,
      status: data.status ?? "PENDING",
      subjectType: data.type === "BRIEF" ? "CampaignBrief" : "Shortlist",
      subjectId: campaignId,
      subjectVersion: data.subjectVersion,
    },
  });
}

export async function createAssignmentRow(
  agencyId: string,
  campaignId: string,
  status: AssignmentStatus = "SHORTLISTED",
) {
  const influencer = await db.influencerProfile.create({ data: { agencyId, displayName: `Influencer ${uid()}` } });
  return db.campaignInfluencer.create({
    data: { agencyId, campaignId, influencerId: influencer.id, status, currency: "EUR" },
  });
}
