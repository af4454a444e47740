import "server-only";
import { z } from "zod";
import {
  createStubSchema,
  promoteSchema,
  rateCardSchema,
  searchInfluencersSchema,
  socialAccountSchema,
  updateInfluencerSchema,
  updateRateCardSchema,
  updateSocialAccountSchema,
} from "@/lib/domain/influencers/schemas";

// The /api/influencers part of the OpenAPI document (lib/api/openapi.ts), from the schemas the handlers use.

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const err = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const TEXT: Record<number, string> = {
  400: "Invalid input: the fields named in error.fields",
  401: "Not signed in",
  403: "Signed in without the permission this endpoint declares",
  404: "Not found, or not yours to see",
  409: "Conflict: a duplicate handle (error.fields.handle), a duplicate fee, or a stale version",
  503: "The search ran past its time limit (DATABASE_SEARCH_TIMEOUT_MS) and was stopped: narrow it, or retry after Retry-After",
};
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: TEXT[code], ...err }]));
const ok = (description: string, status = "200") => ({
  [status]: { description, content: { "application/json": { schema: { type: "object", properties: { data: {} } } } } },
});
const param = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const csvBody = {
  required: true,
  content: {
    "text/csv": {
      schema: {
        type: "string",
        description:
          "Header: display_name, platform, handle[, followers, engagement_rate, country, languages, niches, email]. At most 5 MB / 20,000 rows.",
      },
    },
    "application/json": { schema: { type: "object", required: ["csv"], properties: { csv: { type: "string" } } } },
  },
};

export function influencerPaths() {
  const query = json(searchInfluencersSchema) as { properties?: Record<string, object> };
  const searchParams = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    schema,
  }));
  return {
    "/api/influencers": {
      get: {
        summary:
          "Search the directory (influencer.read): q is matched with typo tolerance on names and handles; filters combine; total is capped at 1,000 (300 matches with q; page.totalCapped). Pages by cursor: pass page.next as after for the next page (stable order, id as tiebreaker); page (an offset) still works. A search past its time limit answers 503 with Retry-After",
        parameters: searchParams,
        responses: {
          ...ok(
            "{ data: rows with totalFollowers, topEngagement, socials, country, niches; page: { total, totalCapped, page, pageSize, offset, hasMore, next } }",
          ),
          ...errors(400, 401, 403, 503),
        },
      },
      post: {
        summary: "Create a STUB: display name + one handle (influencer.manage)",
        requestBody: body(createStubSchema),
        responses: { ...ok("The profile", "201"), ...errors(400, 401, 403, 409) },
      },
    },
    "/api/influencers/export.csv": {
      get: {
        summary: "The current search as CSV, every page (influencer.read); audited as influencer.export",
        parameters: searchParams.filter((p) => p.name !== "page" && p.name !== "take" && p.name !== "after"),
        responses: {
          "200": { description: "text/csv with a header row", content: { "text/csv": { schema: { type: "string" } } } },
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/influencers/import/preview": {
      post: {
        summary: "Validate a CSV file row by row; writes nothing (influencer.manage)",
        requestBody: csvBody,
        responses: {
          ...ok("{ rows: [{ line, ok, errors: [{ line, field, message }] }], valid, invalid }"),
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/influencers/import": {
      post: {
        summary: "Write every valid row, each in its own transaction (influencer.manage)",
        requestBody: csvBody,
        responses: { ...ok("{ rows: [{ line, ok, id, errors }], created, failed }"), ...errors(400, 401, 403) },
      },
    },
    "/api/influencers/{id}": {
      parameters: [param("id")],
      get: {
        summary: "One profile with socials, rate cards, pricing history and campaigns (influencer.read)",
        responses: { ...ok("The profile; payment details only as paymentDetailsLast4"), ...errors(401, 403, 404) },
      },
      patch: {
        summary: "Edit fields or status; `version` is required (influencer.manage)",
        requestBody: body(updateInfluencerSchema),
        responses: { ...ok("The profile"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/influencers/{id}/promote": {
      parameters: [param("id")],
      post: {
        summary: "STUB → FULL: legal name, e-mail, country, a language and a niche are required (influencer.manage)",
        requestBody: body(promoteSchema),
        responses: { ...ok("The profile"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/influencers/{id}/socials": {
      parameters: [param("id")],
      get: { summary: "Social accounts (influencer.read)", responses: { ...ok("Accounts"), ...errors(401, 403, 404) } },
      post: {
        summary: "Add a social account (influencer.manage)",
        requestBody: body(socialAccountSchema),
        responses: { ...ok("The account", "201"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/influencers/{id}/socials/{socialId}": {
      parameters: [param("id"), param("socialId")],
      patch: {
        summary: "Edit a social account (influencer.manage)",
        requestBody: body(updateSocialAccountSchema),
        responses: { ...ok("The account"), ...errors(400, 401, 403, 404, 409) },
      },
      delete: {
        summary: "Remove a social account; the last one stays (influencer.manage)",
        responses: { ...ok("{ id }"), ...errors(401, 403, 404, 409) },
      },
    },
    "/api/influencers/{id}/rate-cards": {
      parameters: [param("id")],
      get: {
        summary: "Fees per platform and deliverable, as decimal strings (influencer.read)",
        responses: { ...ok("Rate cards"), ...errors(401, 403, 404) },
      },
      post: {
        summary: "Add a fee (influencer.manage)",
        requestBody: body(rateCardSchema),
        responses: { ...ok("The rate card", "201"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/influencers/{id}/rate-cards/{rateCardId}": {
      parameters: [param("id"), param("rateCardId")],
      patch: {
        summary: "Edit a fee (influencer.manage)",
        requestBody: body(updateRateCardSchema),
        responses: { ...ok("The rate card"), ...errors(400, 401, 403, 404, 409) },
      },
      delete: { summary: "Remove a fee (influencer.manage)", responses: { ...ok("{ id }"), ...errors(401, 403, 404) } },
    },
    "/api/influencers/{id}/pricing-history": {
      parameters: [param("id")],
      get: {
        summary: "Fees agreed on campaigns, newest first (influencer.read)",
        responses: { ...ok("Rows"), ...errors(401, 403, 404) },
      },
    },
  };
}
