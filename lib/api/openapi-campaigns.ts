import "server-only";
import { z } from "zod";
import {
  createCampaignSchema,
  listCampaignsSchema,
  transitionSchema,
  updateCampaignSchema,
} from "@/lib/domain/campaigns/schemas";

// The /api/campaigns part of the OpenAPI document (lib/api/openapi.ts), from the schemas the handlers use.

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const err = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const errors = (described: Record<number, string>) =>
  Object.fromEntries(Object.entries(described).map(([code, description]) => [code, { description, ...err }]));
const ok = (description: string, status = "200") => ({
  [status]: { description, content: { "application/json": { schema: { type: "object", properties: { data: {} } } } } },
});
const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const common = { 401: "Not signed in", 403: "Signed in without the permission this endpoint declares" };

export function campaignPaths() {
  const listQuery = json(listCampaignsSchema) as { properties?: Record<string, object> };
  return {
    "/api/campaigns": {
      get: {
        summary:
          "List campaigns in the caller's scope (campaign.read). status and riskLevel may repeat or be comma-separated.",
        parameters: Object.entries(listQuery.properties ?? {}).map(([name, schema]) => ({
          name,
          in: "query",
          required: false,
          schema,
        })),
        responses: {
          ...ok(
            "A page of campaigns: { data, page: { total, page, pageSize, nextCursor, offset, next, sort, dir } }; ask for the next page with after = page.next (a keyset cursor; page and cursor still work)",
          ),
          ...errors({ 400: "Invalid filter", ...common }),
        },
      },
      post: {
        summary: 'Create a campaign in DRAFT (campaign.create). Money is a decimal string, e.g. "25000.00".',
        requestBody: body(createCampaignSchema),
        responses: {
          ...ok("The campaign", "201"),
          ...errors({ 400: "Invalid input: the fields named in error.fields", ...common }),
        },
      },
    },
    "/api/campaigns/{id}": {
      parameters: [id],
      get: {
        summary: "One campaign with client, team, status history and brief revisions (campaign.read)",
        responses: { ...ok("The campaign"), ...errors({ ...common, 404: "Not found, or not yours to see" }) },
      },
      patch: {
        summary: "Update a campaign; `version` is required (campaign.update). A changed brief becomes a new revision.",
        requestBody: body(updateCampaignSchema),
        responses: {
          ...ok("The campaign"),
          ...errors({ 400: "Invalid input", ...common, 404: "Not found", 409: "Stale version: someone saved first" }),
        },
      },
    },
    "/api/campaigns/{id}/transitions": {
      parameters: [id],
      get: {
        summary: "The moves from the current status with their guards evaluated now (campaign.read)",
        responses: {
          ...ok("{ status, statusBeforeHold, moves: [{ to, allowed, refusal, guards }] }"),
          ...errors({ ...common, 404: "Not found" }),
        },
      },
      post: {
        summary: "Move the campaign (campaign.transition; CANCELLED also needs campaign.cancel)",
        requestBody: body(transitionSchema),
        responses: {
          ...ok("{ id, from, to }", "201"),
          ...errors({
            400: "Invalid input",
            ...common,
            404: "Not found",
            409: "Refused: error.guard names the guard that failed (e.g. BRIEF_APPROVED) or NO_SUCH_TRANSITION",
          }),
        },
      },
    },
  };
}
