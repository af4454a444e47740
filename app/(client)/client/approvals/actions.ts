"use server";

import { z } from "zod";
import { authedAction } from "@/lib/auth/with-auth";
import { commentOnApproval } from "@/lib/domain/approvals/comment-on-approval";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { commentSchema, decideApprovalSchema } from "@/lib/domain/approvals/schemas";

// The client's review page: decide an approval addressed to them, and comment on it.

const id = z.uuid({ error: "Not a valid id" });
const paths = (approvalId: string) => ["/client/approvals", `/client/approvals/${approvalId}`, "/client"];

export const decideApprovalAction = authedAction(
  { permission: "approval.decide", schema: z.object({ approvalId: id, decision: decideApprovalSchema }), revalidate: (input) => paths(input.approvalId) },
  async (ctx, input) => {
    const decided = await decideApproval(ctx, input.approvalId, input.decision);
    return { id: decided.id, status: decided.status };
  },
);

export const commentOnApprovalAction = authedAction(
  { permission: "campaign.read", schema: commentSchema.extend({ approvalId: id }), revalidate: (input) => paths(input.approvalId) },
  async (ctx, { approvalId, ...fields }) => {
    const comment = await commentOnApproval(ctx, approvalId, fields);
    return { id: comment.id };
  },
);
