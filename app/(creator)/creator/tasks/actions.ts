"use server";

import { z } from "zod";
import { authedAction } from "@/lib/auth/with-auth";
import { commentOnArtifact } from "@/lib/domain/content/comment-on-artifact";
import { completeCreatorTask, completeTaskSchema } from "@/lib/domain/content/complete-creator-task";
import { respondToTask } from "@/lib/domain/content/respond-to-task";
import { artifactCommentSchema, respondSchema } from "@/lib/domain/content/schemas";

// The creator's tasks: accept or decline an offer, reply on a version's feedback, report approved content as
// published. Uploads go through
// POST /api/content/tasks/:id/artifacts (files never pass through a server action).

const id = z.uuid({ error: "Not a valid id" });
const paths = (taskId: string) => ["/creator/tasks", `/creator/tasks/${taskId}`, "/creator"];

export const respondToTaskAction = authedAction(
  { permission: "creator.self", schema: z.intersection(respondSchema, z.object({ taskId: id })), revalidate: (input) => paths(input.taskId) },
  async (ctx, { taskId, ...fields }) => {
    const task = await respondToTask(ctx, taskId, fields);
    return { id: task.id, status: task.status };
  },
);

export const commentOnArtifactCreatorAction = authedAction(
  { permission: "creator.self", schema: artifactCommentSchema.extend({ taskId: id, artifactId: id }), revalidate: (input) => paths(input.taskId) },
  async (ctx, input) => {
    const comment = await commentOnArtifact(ctx, input.artifactId, { body: input.body, anchor: input.anchor, internal: false });
    return { id: comment.id };
  },
);

export const completeCreatorTaskAction = authedAction(
  { permission: "creator.self", schema: completeTaskSchema.extend({ taskId: id }), revalidate: (input) => paths(input.taskId) },
  async (ctx, { taskId, ...fields }) => {
    const task = await completeCreatorTask(ctx, taskId, fields);
    return { id: task.id, status: task.status };
  },
);
