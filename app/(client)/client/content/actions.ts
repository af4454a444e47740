"use server";

import { z } from "zod";
import { authedAction } from "@/lib/auth/with-auth";
import { commentOnArtifact } from "@/lib/domain/content/comment-on-artifact";
import { artifactCommentSchema } from "@/lib/domain/content/schemas";

// Comments of a client user on a content version sent to them (never internal). Their decision goes
// through the approval decision flow (app/(client)/client/approvals/actions.ts).

const id = z.uuid({ error: "Not a valid id" });

export const commentOnArtifactClientAction = authedAction(
  {
    permission: "content.read",
    schema: artifactCommentSchema.extend({ approvalId: id, artifactId: id }),
    revalidate: (input) => ["/client/approvals", `/client/approvals/${input.approvalId}`],
  },
  async (ctx, input) => {
    const comment = await commentOnArtifact(ctx, input.artifactId, { body: input.body, anchor: input.anchor, internal: false });
    return { id: comment.id };
  },
);
