"use server";

import "server-only";
import { z } from "zod";
import { authedAction } from "@/lib/actions/action";
import { cancelContentTask, cancelTaskSchema } from "@/lib/domain/content/cancel-content-task";
import { commentOnArtifact } from "@/lib/domain/content/comment-on-artifact";
import { completeCreatorTask, completeTaskSchema } from "@/lib/domain/content/complete-creator-task";
import { createContentTask } from "@/lib/domain/content/create-content-task";
import { importMetricsCsv } from "@/lib/domain/content/import-metrics";
import { recordPublication } from "@/lib/domain/content/record-publication";
import { respondToTask } from "@/lib/domain/content/respond-to-task";
import { reviewArtifact } from "@/lib/domain/content/review-artifact";
import {
  artifactCommentSchema,
  createContentTaskSchema,
  publicationSchema,
  respondSchema,
  reviewSchema,
  updateContentTaskSchema,
} from "@/lib/domain/content/schemas";
import { sendArtifactToClient } from "@/lib/domain/content/send-to-client";
import { updateContentTask } from "@/lib/domain/content/update-content-task";
import { idSchema } from "@/lib/domain/id";

const id = idSchema;

// The campaign's content tab and the review page of one task (agency staff).

const contentPaths = (campaignId: string, taskId?: string) => [
  `/agency/campaigns/${campaignId}/content`,
  `/agency/campaigns/${campaignId}`,
  ...(taskId ? [`/agency/campaigns/${campaignId}/content/${taskId}`] : []),
];

export const createContentTaskAction = authedAction(
  {
    permission: "content.manage",
    schema: createContentTaskSchema.extend({ campaignId: id }),
    revalidate: (input) => contentPaths(input.campaignId),
  },
  async (ctx, { campaignId, ...fields }) => {
    const task = await createContentTask(ctx, { ...fields, campaignId });
    return { id: task.id };
  },
);

/** Edits the task's title, instructions or due date, or schedules an approved task (optimistic `version`). */
export const updateContentTaskAction = authedAction(
  {
    permission: "content.manage",
    schema: updateContentTaskSchema.extend({ campaignId: id, taskId: id }),
    revalidate: (input) => contentPaths(input.campaignId, input.taskId),
  },
  async (ctx, input) => {
    const task = await updateContentTask(ctx, input.taskId, {
      version: input.version,
      title: input.title,
      instructions: input.instructions,
      dueAt: input.dueAt,
      status: input.status,
    });
    return { id: task.id, status: task.status, version: task.version };
  },
);

export const cancelContentTaskAction = authedAction(
  {
    permission: "content.manage",
    schema: cancelTaskSchema.extend({ campaignId: id, taskId: id }),
    revalidate: (input) => contentPaths(input.campaignId, input.taskId),
  },
  async (ctx, input) => {
    const task = await cancelContentTask(ctx, input.taskId, { reason: input.reason });
    return { id: task.id, status: task.status };
  },
);

export const reviewArtifactAction = authedAction(
  {
    permission: "content.review",
    schema: z.object({ campaignId: id, taskId: id, artifactId: id, review: reviewSchema }),
    revalidate: (input) => contentPaths(input.campaignId, input.taskId),
  },
  async (ctx, input) => {
    await reviewArtifact(ctx, input.artifactId, input.review);
    return { id: input.artifactId };
  },
);

export const sendArtifactToClientAction = authedAction(
  {
    permission: "content.review",
    schema: z.object({ campaignId: id, taskId: id, artifactId: id }),
    revalidate: (input) => contentPaths(input.campaignId, input.taskId),
  },
  async (ctx, input) => {
    const approval = await sendArtifactToClient(ctx, input.artifactId);
    return { id: approval.id };
  },
);

export const commentOnArtifactStaffAction = authedAction(
  {
    permission: "content.review",
    schema: artifactCommentSchema.extend({ campaignId: id, taskId: id, artifactId: id }),
    revalidate: (input) => contentPaths(input.campaignId, input.taskId),
  },
  async (ctx, input) => {
    const comment = await commentOnArtifact(ctx, input.artifactId, {
      body: input.body,
      anchor: input.anchor,
      internal: input.internal,
    });
    return { id: comment.id };
  },
);

export const recordPublicationAction = authedAction(
  {
    permission: "content.manage",
    schema: publicationSchema.extend({ campaignId: id, taskId: id }),
    revalidate: (input) => contentPaths(input.campaignId, input.taskId),
  },
  async (ctx, input) => {
    // The domain's schema reads only the publication fields of the input.
    const task = await recordPublication(ctx, input.taskId, input);
    return { id: task.id };
  },
);

export const importMetricsCsvAction = authedAction(
  {
    permission: "content.manage",
    schema: z.object({
      campaignId: id,
      csv: z
        .string({ error: "Choose a CSV file" })
        .min(1, "The file is empty")
        .max(1_000_000, "The file is larger than 1 MB"),
    }),
    revalidate: (input) => contentPaths(input.campaignId),
  },
  async (ctx, input) => importMetricsCsv(ctx, input.campaignId, input.csv),
);

// The creator's tasks: accept or decline an offer, reply on a version's feedback, report approved content as
// published. Uploads go through
// POST /api/content/tasks/:id/artifacts (files never pass through a server action).

const creatorPaths = (taskId: string) => ["/creator/tasks", `/creator/tasks/${taskId}`, "/creator"];

export const respondToTaskAction = authedAction(
  {
    permission: "creator.self",
    schema: z.intersection(respondSchema, z.object({ taskId: id })),
    revalidate: (input) => creatorPaths(input.taskId),
  },
  async (ctx, { taskId, ...fields }) => {
    const task = await respondToTask(ctx, taskId, fields);
    return { id: task.id, status: task.status };
  },
);

export const commentOnArtifactCreatorAction = authedAction(
  {
    permission: "creator.self",
    schema: artifactCommentSchema.extend({ taskId: id, artifactId: id }),
    revalidate: (input) => creatorPaths(input.taskId),
  },
  async (ctx, input) => {
    const comment = await commentOnArtifact(ctx, input.artifactId, {
      body: input.body,
      anchor: input.anchor,
      internal: false,
    });
    return { id: comment.id };
  },
);

export const completeCreatorTaskAction = authedAction(
  {
    permission: "creator.self",
    schema: completeTaskSchema.extend({ taskId: id }),
    revalidate: (input) => creatorPaths(input.taskId),
  },
  async (ctx, { taskId, ...fields }) => {
    const task = await completeCreatorTask(ctx, taskId, fields);
    return { id: task.id, status: task.status };
  },
);

// Comments of a client user on a content version sent to them (never internal). Their decision goes
// through the approval decision flow (lib/actions/approvals.ts).

export const commentOnArtifactClientAction = authedAction(
  {
    permission: "content.read",
    schema: artifactCommentSchema.extend({ approvalId: id, artifactId: id }),
    revalidate: (input) => ["/client/approvals", `/client/approvals/${input.approvalId}`],
  },
  async (ctx, input) => {
    const comment = await commentOnArtifact(ctx, input.artifactId, {
      body: input.body,
      anchor: input.anchor,
      internal: false,
    });
    return { id: comment.id };
  },
);
