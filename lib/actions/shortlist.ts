"use server";

import "server-only";
import { z } from "zod";
import { text } from "@/lib/domain/text";
import { authedAction } from "@/lib/actions/action";
import { searchInfluencers } from "@/lib/domain/influencers/search-influencers";
import { addToShortlist } from "@/lib/domain/shortlist/add-to-shortlist";
import { removeFromShortlist } from "@/lib/domain/shortlist/remove-from-shortlist";
import { addToShortlistSchema, updateShortlistSchema } from "@/lib/domain/shortlist/schemas";
import { updateShortlistEntry } from "@/lib/domain/shortlist/update-shortlist-entry";
import { idSchema } from "@/lib/domain/id";

// The shortlist builder of the agency campaign page.

const id = idSchema;
const campaignPaths = (campaignId: string) => [`/agency/campaigns/${campaignId}`, "/agency/campaigns"];

export const searchShortlistCandidatesAction = authedAction(
  {
    permission: "influencer.read",
    schema: z.object({ q: text().trim().max(100, "Search must be at most 100 characters") }),
  },
  async (ctx, input) => {
    const result = await searchInfluencers(ctx, { q: input.q, status: "ACTIVE", take: 10 });
    return result.items.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      totalFollowers: row.totalFollowers,
      socials: row.socials.slice(0, 3),
    }));
  },
);

export const addToShortlistAction = authedAction(
  {
    permission: "campaign.update",
    schema: addToShortlistSchema.extend({ campaignId: id }),
    revalidate: (input) => campaignPaths(input.campaignId),
  },
  async (ctx, { campaignId, ...fields }) => {
    const line = await addToShortlist(ctx, campaignId, fields);
    return { id: line.id, proposedFee: line.proposedFee?.toFixed(2) ?? null };
  },
);

export const updateShortlistEntryAction = authedAction(
  {
    permission: "campaign.update",
    schema: z.object({ campaignId: id, assignmentId: id, changes: updateShortlistSchema }),
    revalidate: (input) => campaignPaths(input.campaignId),
  },
  async (ctx, input) => {
    const line = await updateShortlistEntry(ctx, input.campaignId, input.assignmentId, input.changes);
    return { id: line.id, proposedFee: line.proposedFee?.toFixed(2) ?? null };
  },
);

export const removeFromShortlistAction = authedAction(
  {
    permission: "campaign.update",
    schema: z.object({ campaignId: id, assignmentId: id }),
    revalidate: (input) => campaignPaths(input.campaignId),
  },
  (ctx, input) => removeFromShortlist(ctx, input.campaignId, input.assignmentId),
);
