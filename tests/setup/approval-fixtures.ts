import { db } from "@/lib/db/client";
import type { Platform } from "@/lib/generated/prisma/enums";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { createActor, createAgency, createClientRow, uid } from "./factories";

// Rows for the approval, shortlist and notification tests, written straight to the database so that these
// tests do not depend on the campaign and directory use cases.

export async function createCampaignRow(
  agencyId: string,
  data: {
    clientId: string;
    ownerId: string;
    directorId?: string | null;
    status?: CampaignStatus;
    brief?: string | null;
    platforms?: Platform[];
    policy?: object;
  },
) {
  return db.campaign.create({
    data: {
      agencyId,
      clientId: data.clientId,
      ownerId: data.ownerId,
      directorId: data.directorId ?? null,
      name: `Campaign ${uid()}`,
      status: data.status ?? "DRAFT",
      brief: data.brief === undefined ? "## Goal\nLaunch the spring line." : data.brief,
      briefRevision: 1,
      platforms: data.platforms ?? ["INSTAGRAM"],
      currency: "EUR",
      policy: data.policy ?? {},
    },
  });
}

export async function createInfluencerRow(
  agencyId: string,
  data: { name?: string; handle?: string; fee?: string; platform?: Platform } = {},
) {
  const handle = data.handle ?? `handle_${uid()}`;
  return db.influencerProfile.create({
    data: {
      agencyId,
      displayName: data.name ?? `Influencer ${uid()}`,
      totalFollowers: 10_000,
      socialAccounts: { create: { agencyId, platform: data.platform ?? "INSTAGRAM", handle, followers: 10_000 } },
      rateCards: data.fee
        ? {
            create: {
              agencyId,
              platform: data.platform ?? "INSTAGRAM",
              deliverableType: "INSTAGRAM_POST",
              fee: data.fee,
              currency: "EUR",
            },
          }
        : undefined,
    },
  });
}

/**
 * An agency with a director, two campaign managers (the owner and another), two clients, a client user of
 * each, and a campaign of client one owned by the first manager; plus a second agency with a manager.
 */
export async function createApprovalWorld(label = "Approvals") {
  const agency = await createAgency(label);
  const clientOne = await createClientRow(agency.id, { name: `${label} One ${uid()}` });
  const clientTwo = await createClientRow(agency.id, { name: `${label} Two ${uid()}` });
  const [director, owner, otherManager, clientUser, clientUserTwo] = await Promise.all([
    createActor(agency.id, { role: "DIR" }),
    createActor(agency.id, { role: "CM" }),
    createActor(agency.id, { role: "CM" }),
    createActor(agency.id, { role: "CLIENT", scopeType: "CLIENT", scopeId: clientOne.id }),
    createActor(agency.id, { role: "CLIENT", scopeType: "CLIENT", scopeId: clientTwo.id }),
  ]);
  const other = await createAgency(`${label} Other`);
  const foreign = await createActor(other.id, { role: "CM" });
  const foreignDirector = await createActor(other.id, { role: "DIR" });
  const campaign = await createCampaignRow(agency.id, {
    clientId: clientOne.id,
    ownerId: owner.user.id,
    directorId: director.user.id,
  });
  return {
    agency,
    clientOne,
    clientTwo,
    director,
    owner,
    otherManager,
    clientUser,
    clientUserTwo,
    other,
    foreign,
    foreignDirector,
    campaign,
  };
}
