import "server-only";
import { z } from "zod";
import {
  artifactCommentSchema,
  compareSchema,
  createContentTaskSchema,
  listTasksSchema,
  publicationSchema,
  respondSchema,
  reviewSchema,
  updateContentTaskSchema,
} from "@/lib/domain/content/schemas";
import { listCreatorTasksSchema } from "@/lib/domain/content/list-creator-tasks";
import { cancelTaskSchema } from "@/lib/domain/content/cancel-content-task";
import { completeTaskSchema } from "@/lib/domain/content/complete-creator-task";
import { FILE_KINDS, MAX_TEXT_CHARS } from "@/lib/storage/file-types";

// The content production part of the OpenAPI document (lib/api/openapi.ts).

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const err = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const TEXT: Record<number, string> = {
  400: "Invalid input: the fields named in error.fields",
  401: "Not signed in",
  403: "Signed in without the permission this endpoint declares, or not the approver",
  404: "Not found, or not yours to see (another agency, another influencer's task, content not sent to you)",
  409: "Conflict: wrong task state, superseded version, already decided or sent, stale version",
  413: "Too large: the field named in error.fields is over its limit",
  416: "Range not satisfiable (Content-Range: bytes */size)",
  422: "The file's content is not of an accepted type for this artifact",
};
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: TEXT[code], ...err }]));
const ok = (description: string, status = "200") => ({
  [status]: { description, content: { "application/json": { schema: { type: "object", properties: { data: {} } } } } },
});
const param = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const query = (schema: z.ZodType) =>
  Object.entries((json(schema) as { properties?: Record<string, object> }).properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    schema: s,
  }));
const limits = Object.values(FILE_KINDS)
  .map((k) => `${k.label}: ${Math.round(k.maxBytes / 1024 / 1024)} MB`)
  .join("; ");

export function contentPaths() {
  return {
    "/api/campaigns/{id}/content-tasks": {
      parameters: [param("id")],
      get: {
        summary:
          "The campaign's content tasks with overdue flag, influencer, latest artifact per type and pending review stage (content.read; a client sees tasks with content sent to them). ?view=board: columns by status",
        parameters: [
          ...query(listTasksSchema),
          { name: "view", in: "query", required: false, schema: { type: "string", enum: ["board"] } },
        ],
        responses: { ...ok("{ data, page } or { data: { columns, total, overdue } }"), ...errors(400, 401, 403, 404) },
      },
      post: {
        summary:
          "Create a task for a contracted influencer and offer it (content.manage); fee defaults to the agreed fee",
        requestBody: body(createContentTaskSchema),
        responses: { ...ok("The task (OFFERED)", "201"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/campaigns/{id}/content-totals": {
      parameters: [param("id")],
      get: {
        summary:
          "Summed views, reach, likes, comments, shares, saves, clicks (cancelled/declined tasks left out) and task counts by status (content.read)",
        responses: { ...ok("{ totals, published, byStatus }"), ...errors(401, 403, 404) },
      },
    },
    "/api/campaigns/{id}/content-metrics": {
      parameters: [param("id")],
      post: {
        summary:
          "Import post figures from CSV (content.manage): columns task_id, published_url, published_at, views, reach, likes, comments, shares, saves, clicks; body text/csv or JSON { csv }. Valid rows are applied; row errors by line and column",
        requestBody: {
          required: true,
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/json": {
              schema: { type: "object", properties: { csv: { type: "string" } }, required: ["csv"] },
            },
          },
        },
        responses: { ...ok("{ rows, updated, failed }"), ...errors(400, 401, 403, 404) },
      },
    },
    "/api/content/tasks/{id}": {
      parameters: [param("id")],
      get: {
        summary:
          "One task as the caller may see it: artifacts by type with every version, reviews, approvals with threads (clients: only items addressed to them, no internal comments), and what the caller may do (content.read or creator.self)",
        responses: { ...ok("{ viewer, task, artifacts, nextStep, can }"), ...errors(401, 403, 404) },
      },
      patch: {
        summary:
          "Edit title, instructions, due date, or schedule an approved task (content.manage; optimistic version)",
        requestBody: body(updateContentTaskSchema),
        responses: { ...ok("The task"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/content/tasks/{id}/respond": {
      parameters: [param("id")],
      post: {
        summary: "The influencer accepts or declines an offered task; reason required to decline (creator.self)",
        requestBody: body(respondSchema),
        responses: { ...ok("The task"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/content/tasks/{id}/cancel": {
      parameters: [param("id")],
      post: {
        summary: "Cancel an open task and its pending reviews (content.manage)",
        requestBody: body(cancelTaskSchema),
        responses: { ...ok("The task"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/content/tasks/{id}/artifacts": {
      parameters: [param("id")],
      post: {
        summary: `Upload version n+1 of an artifact type (creator.self, own task). multipart/form-data, fields before the file: artifactType, text (at most ${MAX_TEXT_CHARS} characters), note, file. Streamed to storage; the type is read from the file's bytes (PNG, JPEG, GIF, WebP, MP4/MOV, WebM, PDF). Limits: ${limits}. Supersedes pending reviews of older versions and opens an internal review`,
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["artifactType"],
                properties: {
                  artifactType: { type: "string", enum: ["SCRIPT", "DRAFT", "FINAL", "CAPTION", "THUMBNAIL"] },
                  text: { type: "string" },
                  note: { type: "string" },
                  file: { type: "string", format: "binary" },
                },
              },
            },
          },
        },
        responses: {
          ...ok("The artifact version with approvalId and superseded", "201"),
          ...errors(400, 401, 403, 404, 409, 413, 422),
        },
      },
    },
    "/api/content/tasks/{id}/compare": {
      parameters: [param("id")],
      get: {
        summary:
          "Compare two versions (artifact ids): text diff hunks and word changes, or both media references (content.read or creator.self)",
        parameters: query(compareSchema),
        responses: { ...ok("{ kind, from, to, hunks, words, stats }"), ...errors(400, 401, 403, 404) },
      },
    },
    "/api/content/tasks/{id}/publication": {
      parameters: [param("id")],
      post: {
        summary:
          "Record the post URL, date and figures of an approved task; the task becomes PUBLISHED (content.manage)",
        requestBody: body(publicationSchema),
        responses: { ...ok("The task"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/content/artifacts/{id}/file": {
      parameters: [param("id")],
      get: {
        summary:
          "The version's file, for a caller who may see it (content.read or creator.self). Supports Range (206 with Content-Range; 416); Accept-Ranges: bytes. ?download=1 for an attachment",
        parameters: [
          { name: "Range", in: "header", required: false, schema: { type: "string", examples: ["bytes=0-1023"] } },
        ],
        responses: {
          "200": { description: "The whole file" },
          "206": { description: "Partial content" },
          ...errors(401, 403, 404, 416),
        },
      },
    },
    "/api/content/artifacts/{id}/review": {
      parameters: [param("id")],
      post: {
        summary:
          "Internal review of a version through the approval engine (content.review; the campaign owner decides)",
        requestBody: body(reviewSchema),
        responses: { ...ok("The decided approval"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/content/artifacts/{id}/send-to-client": {
      parameters: [param("id")],
      post: {
        summary:
          "Send an internally approved latest version to the client, when the policy says the client approves content (content.review)",
        responses: { ...ok("The client approval", "201"), ...errors(401, 403, 404, 409) },
      },
    },
    "/api/content/artifacts/{id}/comments": {
      parameters: [param("id")],
      post: {
        summary:
          "Comment on a version; anchor { seconds } or { x, y, w, h } in 0..1; internal: agency staff only (content.read or creator.self)",
        requestBody: body(artifactCommentSchema),
        responses: { ...ok("The comment", "201"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/creator/tasks": {
      get: {
        summary: "The influencer's own tasks with fee, due date and next step (creator.self)",
        parameters: query(listCreatorTasksSchema),
        responses: { ...ok("{ data, page }"), ...errors(400, 401, 403) },
      },
    },
    "/api/creator/tasks/{id}/complete": {
      parameters: [param("id")],
      patch: {
        summary:
          "The influencer reports approved content as published with the post URL; the task becomes PUBLISHED (creator.self)",
        requestBody: body(completeTaskSchema),
        responses: { ...ok("The task"), ...errors(400, 401, 403, 404, 409) },
      },
    },
  };
}
