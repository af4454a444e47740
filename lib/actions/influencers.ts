"use server";

import "server-only";
import { z } from "zod";
import { authedAction } from "@/lib/actions/action";
import { createStubInfluencer } from "@/lib/domain/influencers/create-stub-influencer";
import {
  commitInfluencerImport,
  importRowsSchema,
  previewInfluencerImport,
} from "@/lib/domain/influencers/import-influencers";
import { promoteInfluencer } from "@/lib/domain/influencers/promote-influencer";
import { addRateCard, removeRateCard, updateRateCard } from "@/lib/domain/influencers/rate-cards";
import {
  createStubSchema,
  promoteSchema,
  rateCardSchema,
  setStatusSchema,
  socialAccountSchema,
  updateInfluencerSchema,
  updateRateCardSchema,
  updateSocialAccountSchema,
} from "@/lib/domain/influencers/schemas";
import { setInfluencerStatus } from "@/lib/domain/influencers/set-influencer-status";
import { addSocialAccount, removeSocialAccount, updateSocialAccount } from "@/lib/domain/influencers/social-accounts";
import { updateInfluencer } from "@/lib/domain/influencers/update-influencer";
import { idSchema } from "@/lib/domain/id";

const id = idSchema;
const paths = (influencerId?: string) => [
  "/agency/influencers",
  ...(influencerId ? [`/agency/influencers/${influencerId}`] : []),
];

export const createStubAction = authedAction(
  { permission: "influencer.manage", schema: createStubSchema, revalidate: () => paths() },
  async (ctx, input) => {
    const profile = await createStubInfluencer(ctx, input);
    return { id: profile.id };
  },
);

export const promoteInfluencerAction = authedAction(
  { permission: "influencer.manage", schema: promoteSchema.extend({ id }), revalidate: (input) => paths(input.id) },
  async (ctx, { id: influencerId, ...fields }) => {
    const profile = await promoteInfluencer(ctx, influencerId, fields);
    return { id: profile.id, version: profile.version };
  },
);

export const updateInfluencerAction = authedAction(
  {
    permission: "influencer.manage",
    schema: updateInfluencerSchema.extend({ id }),
    revalidate: (input) => paths(input.id),
  },
  async (ctx, { id: influencerId, ...changes }) => {
    const profile = await updateInfluencer(ctx, influencerId, changes);
    return { id: profile.id, version: profile.version };
  },
);

export const setInfluencerStatusAction = authedAction(
  { permission: "influencer.manage", schema: setStatusSchema.extend({ id }), revalidate: (input) => paths(input.id) },
  async (ctx, { id: influencerId, ...input }) => {
    const profile = await setInfluencerStatus(ctx, influencerId, input);
    return { id: profile.id, status: profile.status, version: profile.version };
  },
);

export const addSocialAccountAction = authedAction(
  {
    permission: "influencer.manage",
    schema: socialAccountSchema.extend({ influencerId: id }),
    revalidate: (input) => paths(input.influencerId),
  },
  async (ctx, { influencerId, ...fields }) => ({ id: (await addSocialAccount(ctx, influencerId, fields)).id }),
);

export const updateSocialAccountAction = authedAction(
  {
    permission: "influencer.manage",
    schema: updateSocialAccountSchema.extend({ influencerId: id, socialId: id }),
    revalidate: (input) => paths(input.influencerId),
  },
  async (ctx, { influencerId, socialId, ...fields }) => ({
    id: (await updateSocialAccount(ctx, influencerId, socialId, fields)).id,
  }),
);

export const removeSocialAccountAction = authedAction(
  {
    permission: "influencer.manage",
    schema: z.object({ influencerId: id, socialId: id }),
    revalidate: (input) => paths(input.influencerId),
  },
  async (ctx, input) => removeSocialAccount(ctx, input.influencerId, input.socialId),
);

export const addRateCardAction = authedAction(
  {
    permission: "influencer.manage",
    schema: rateCardSchema.extend({ influencerId: id }),
    revalidate: (input) => paths(input.influencerId),
  },
  async (ctx, { influencerId, ...fields }) => ({ id: (await addRateCard(ctx, influencerId, fields)).id }),
);

export const updateRateCardAction = authedAction(
  {
    permission: "influencer.manage",
    schema: updateRateCardSchema.extend({ influencerId: id, rateCardId: id }),
    revalidate: (input) => paths(input.influencerId),
  },
  async (ctx, { influencerId, rateCardId, ...fields }) => ({
    id: (await updateRateCard(ctx, influencerId, rateCardId, fields)).id,
  }),
);

export const removeRateCardAction = authedAction(
  {
    permission: "influencer.manage",
    schema: z.object({ influencerId: id, rateCardId: id }),
    revalidate: (input) => paths(input.influencerId),
  },
  async (ctx, input) => removeRateCard(ctx, input.influencerId, input.rateCardId),
);

/** One chunk of the parsed file, validated without writing. */
export const previewImportAction = authedAction(
  { permission: "influencer.manage", schema: importRowsSchema },
  async (ctx, input) => previewInfluencerImport(ctx, input.rows),
);

/** One chunk of the parsed file, written row by row; the page calls it chunk after chunk for its progress bar. */
export const commitImportAction = authedAction(
  { permission: "influencer.manage", schema: importRowsSchema, revalidate: () => paths() },
  async (ctx, input) => commitInfluencerImport(ctx, input.rows),
);
