import { db } from "@/lib/db/client";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { createActor, createAgency, createClientRow, uid } from "./factories";
import { createCampaignRow, createInfluencerRow } from "./approval-fixtures";

/**
 * An agency with two managers, two finance users, a director, two clients with a client user each, and a
 * second agency with its own manager and finance user. Campaigns are made per test with `campaign()`.
 */
export async function createFinanceWorld(label = "Finance") {
  const agency = await createAgency(label);
  const clientOne = await createClientRow(agency.id, { name: `${label} One ${uid()}` });
  const clientTwo = await createClientRow(agency.id, { name: `${label} Two ${uid()}` });
  const [cm, cm2, fin, fin2, dir, clientUser, clientUserTwo] = await Promise.all([
    createActor(agency.id, { role: "CM" }),
    createActor(agency.id, { role: "CM" }),
    createActor(agency.id, { role: "FIN" }),
    createActor(agency.id, { role: "FIN" }),
    createActor(agency.id, { role: "DIR" }),
    createActor(agency.id, { role: "CLIENT", scopeType: "CLIENT", scopeId: clientOne.id }),
    createActor(agency.id, { role: "CLIENT", scopeType: "CLIENT", scopeId: clientTwo.id }),
  ]);
  const other = await createAgency(`${label} Other`);
  const [foreignCm, foreignFin] = await Promise.all([
    createActor(other.id, { role: "CM" }),
    createActor(other.id, { role: "FIN" }),
  ]);
  const influencer = await createInfluencerRow(agency.id, { fee: "500" });

  async function campaign(
    data: { status?: CampaignStatus; policy?: object; clientId?: string; withInfluencer?: boolean } = {},
  ) {
    const row = await createCampaignRow(agency.id, {
      clientId: data.clientId ?? clientOne.id,
      ownerId: cm.user.id,
      status: data.status ?? "BUDGET_IN_REVIEW",
      policy: data.policy,
    });
    if (data.withInfluencer !== false) {
      await db.campaignInfluencer.create({
        data: {
          agencyId: agency.id,
          campaignId: row.id,
          influencerId: influencer.id,
          currency: "EUR",
          agreedFee: "500",
          status: "CONTRACTED",
        },
      });
    }
    return row;
  }
  return {
    agency,
    clientOne,
    clientTwo,
    cm,
    cm2,
    fin,
    fin2,
    dir,
    clientUser,
    clientUserTwo,
    other,
    foreignCm,
    foreignFin,
    influencer,
    campaign,
  };
}

export const line = (unitPrice: string, extra: Record<string, unknown> = {}) => ({
  description: `Line ${uid()}`,
  quantity: "1",
  unitPrice,
  taxRate: "0",
  category: "PRODUCTION",
  ...extra,
});
