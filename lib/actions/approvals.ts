"use server";

import "server-only";
import { z } from "zod";
import { authedAction } from "@/lib/actions/action";
import { commentOnApproval } from "@/lib/domain/approvals/comment-on-approval";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { requestApproval } from "@/lib/domain/approvals/request-approval";
import { commentSchema, decideApprovalSchema, requestApprovalSchema } from "@/lib/domain/approvals/schemas";
import { idSchema } from "@/lib/domain/id";

const id = idSchema;

// The client's review page: decide an approval addressed to them, and comment on it.

const clientPaths = (approvalId: string) => ["/client/approvals", `/client/approvals/${approvalId}`, "/client"];

export const decideApprovalAction = authedAction(
  {
    permission: "approval.decide",
    schema: z.object({ approvalId: id, decision: decideApprovalSchema }),
    revalidate: (input) => clientPaths(input.approvalId),
  },
  async (ctx, input) => {
    const decided = await decideApproval(ctx, input.approvalId, input.decision);
    return { id: decided.id, status: decided.status };
  },
);

export const commentOnApprovalAction = authedAction(
  {
    permission: "campaign.read",
    schema: commentSchema.extend({ approvalId: id }),
    revalidate: (input) => clientPaths(input.approvalId),
  },
  async (ctx, { approvalId, ...fields }) => {
    const comment = await commentOnApproval(ctx, approvalId, fields);
    return { id: comment.id };
  },
);

// The approvals section of the agency campaign page: ask the client, and comment (internal notes included).

const campaignPaths = (campaignId: string) => [`/agency/campaigns/${campaignId}`, "/agency/campaigns"];

export const requestApprovalAction = authedAction(
  {
    permission: "approval.request",
    schema: requestApprovalSchema.extend({ campaignId: id }),
    revalidate: (input) => campaignPaths(input.campaignId),
  },
  async (ctx, { campaignId, ...fields }) => {
    const item = await requestApproval(ctx, campaignId, fields);
    return { id: item.id, subjectVersion: item.subjectVersion };
  },
);

export const commentOnCampaignApprovalAction = authedAction(
  {
    permission: "campaign.read",
    schema: commentSchema.extend({ approvalId: id, campaignId: id }),
    revalidate: (input) => campaignPaths(input.campaignId),
  },
  async (ctx, input) => {
    const comment = await commentOnApproval(ctx, input.approvalId, {
      body: input.body,
      anchor: input.anchor,
      internal: input.internal,
    });
    return { id: comment.id };
  },
);
