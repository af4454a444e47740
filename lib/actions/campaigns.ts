"use server";

import "server-only";
import { z } from "zod";
import { authedAction } from "@/lib/actions/action";
import { createCampaign } from "@/lib/domain/campaigns/create-campaign";
import { createCampaignSchema, transitionSchema } from "@/lib/domain/campaigns/schemas";
import { transitionCampaign } from "@/lib/domain/campaigns/transition-campaign";
import { updateCampaign } from "@/lib/domain/campaigns/update-campaign";
import { idSchema } from "@/lib/domain/id";

const id = idSchema;
const campaignPaths = (campaignId?: string) => [
  "/agency/campaigns",
  "/agency/campaigns/board",
  "/agency",
  ...(campaignId ? [`/agency/campaigns/${campaignId}`, `/client/campaigns/${campaignId}`] : []),
];

export const createCampaignAction = authedAction(
  { permission: "campaign.create", schema: createCampaignSchema, revalidate: () => campaignPaths() },
  async (ctx, input) => {
    const campaign = await createCampaign(ctx, input);
    return { id: campaign.id };
  },
);

// The fields are checked by updateCampaign with the shared updateCampaignSchema (strict, refined).
export const updateCampaignAction = authedAction(
  { permission: "campaign.update", schema: z.object({ id }).loose(), revalidate: (input) => campaignPaths(input.id) },
  async (ctx, { id: campaignId, ...changes }) => {
    const campaign = await updateCampaign(ctx, campaignId, changes);
    return { id: campaign.id, version: campaign.version };
  },
);

export const transitionCampaignAction = authedAction(
  {
    permission: "campaign.transition",
    schema: transitionSchema.extend({ id }),
    revalidate: (input) => campaignPaths(input.id),
  },
  async (ctx, { id: campaignId, ...move }) => {
    const result = await transitionCampaign(ctx, campaignId, move);
    return { id: result.id, from: result.from, to: result.to };
  },
);
