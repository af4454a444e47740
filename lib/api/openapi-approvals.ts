import "server-only";
import { z } from "zod";
import {
  commentSchema,
  decideApprovalSchema,
  listQueueSchema,
  requestApprovalSchema,
} from "@/lib/domain/approvals/schemas";
import { listNotificationsSchema } from "@/lib/domain/notifications/list-notifications";
import { markReadSchema } from "@/lib/domain/notifications/mark-notifications-read";
import { addToShortlistSchema, updateShortlistSchema } from "@/lib/domain/shortlist/schemas";

// The approvals, shortlist and notifications part of the OpenAPI document (lib/api/openapi.ts).

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const err = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const TEXT: Record<number, string> = {
  400: "Invalid input: the fields named in error.fields",
  401: "Not signed in",
  403: "Signed in without the permission this endpoint declares, or not the approver",
  404: "Not found, or not yours to see",
  409: "Conflict: already decided, superseded, expired, or already pending",
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

export function approvalPaths() {
  return {
    "/api/approvals": {
      get: {
        summary:
          "The caller's approval queue: items addressed to them or to a role and scope they hold (approval.decide)",
        parameters: query(listQueueSchema),
        responses: {
          ...ok(
            "{ data, page: { total, totalCapped, page, pageSize, offset, next } }: total is exact up to 1,000 (totalCapped: more); ask for the next page with after = page.next",
          ),
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/approvals/{id}": {
      parameters: [param("id")],
      get: {
        summary:
          "One approval: subject snapshot, line decisions, comment thread (internal comments for staff only) (campaign.read)",
        responses: { ...ok("The approval"), ...errors(401, 403, 404) },
      },
    },
    "/api/approvals/{id}/decision": {
      parameters: [param("id")],
      post: {
        summary:
          "Decide (approval.decide, addressed approver only). conditions required for APPROVED_WITH_CONDITIONS, note for CHANGES_REQUESTED; lines: per-influencer decisions on a shortlist",
        requestBody: body(decideApprovalSchema),
        responses: { ...ok("The decided approval"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/approvals/{id}/comments": {
      parameters: [param("id")],
      post: {
        summary: "Comment; anchor { seconds } or { x, y, w, h }; internal: agency staff only (campaign.read)",
        requestBody: body(commentSchema),
        responses: { ...ok("The comment", "201"), ...errors(400, 401, 403, 404) },
      },
    },
    "/api/campaigns/{id}/approvals": {
      parameters: [param("id")],
      get: {
        summary: "The campaign's approvals with their threads (campaign.read)",
        responses: { ...ok("Approvals"), ...errors(401, 403, 404) },
      },
      post: {
        summary:
          "Send the brief or the shortlist for approval (approval.request): supersedes a pending older version; DRAFT → BRIEF_IN_REVIEW, SOURCING → SHORTLIST_IN_REVIEW",
        requestBody: body(requestApprovalSchema),
        responses: { ...ok("The approval", "201"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/campaigns/{id}/shortlist": {
      parameters: [param("id")],
      get: {
        summary: "Shortlist with fees, rate cards, pricing history (influencer.read)",
        responses: { ...ok("{ campaign, lines }"), ...errors(401, 403, 404) },
      },
      post: {
        summary: "Add an influencer; proposedFee defaults from the rate card (campaign.update)",
        requestBody: body(addToShortlistSchema),
        responses: { ...ok("The assignment", "201"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/campaigns/{id}/shortlist/{assignmentId}": {
      parameters: [param("id"), param("assignmentId")],
      patch: {
        summary: "Change the proposed fee, deliverable or notes (campaign.update)",
        requestBody: body(updateShortlistSchema),
        responses: { ...ok("The assignment"), ...errors(400, 401, 403, 404, 409) },
      },
      delete: {
        summary: "Remove from the shortlist (campaign.update)",
        responses: { ...ok("{ id }"), ...errors(401, 403, 404, 409) },
      },
    },
    "/api/notifications": {
      get: {
        summary: "The caller's notifications, newest first, with the unread count",
        parameters: query(listNotificationsSchema),
        responses: { ...ok("{ data, page: { total, unread, page, pageSize } }"), ...errors(400, 401) },
      },
    },
    "/api/notifications/read": {
      post: {
        summary: "Mark notifications read: { ids } or { all: true }",
        requestBody: body(markReadSchema),
        responses: { ...ok("{ updated }"), ...errors(400, 401) },
      },
    },
  };
}
