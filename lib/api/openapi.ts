import "server-only";
import { z } from "zod";
import {
  contactFieldsSchema,
  createClientSchema,
  listClientsSchema,
  updateClientSchema,
} from "@/lib/domain/clients/schemas";
import { approvalPaths } from "./openapi-approvals";
import { campaignPaths } from "./openapi-campaigns";
import { contentPaths } from "./openapi-content";

import { financePaths } from "./openapi-finance";
import { influencerPaths } from "./openapi-influencers";
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_TTL_HOURS } from "./idempotency";

// The OpenAPI document of the JSON API, built from the same zod schemas the handlers validate with.

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const errorBody = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["VALIDATION_FAILED", "NOT_FOUND", "STALE_VERSION"] },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "string" }, description: "Field path → message" },
      },
    },
  },
};

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      {
        description: STATUS_TEXT[code],
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input: the fields named in error.fields",
  401: "Not signed in",
  403: "Signed in without the permission this endpoint declares, or an unsafe request from another origin",
  404: "Not found, or not yours to see",
  409: "Conflict: a stale version or a duplicate",
};

const idempotencyKey = {
  name: IDEMPOTENCY_HEADER,
  in: "header",
  required: false,
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7E]+$" },
  description:
    `Makes a retry safe: a repeat with the same key (per user, kept ${IDEMPOTENCY_KEY_TTL_HOURS} hours) gets the first response again, marked ` +
    "`Idempotent-Replayed: true`, without the work being done twice. 422: the key was used for another method, path or body; " +
    "409 (Retry-After): the first request is still running. A 5xx or 429 releases the key. Not accepted on multipart uploads (400).",
};

type Operation = {
  parameters?: object[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, unknown>;
};

/** The Idempotency-Key header on every POST and PATCH, in one place (not on the streamed upload, which refuses it). */
function withIdempotencyKey<P extends Record<string, Record<string, unknown>>>(paths: P): P {
  for (const item of Object.values(paths)) {
    for (const method of ["post", "patch"]) {
      const operation = item[method] as Operation | undefined;
      if (!operation || operation.requestBody?.content?.["multipart/form-data"]) continue;
      operation.parameters = [...(operation.parameters ?? []), { $ref: "#/components/parameters/IdempotencyKey" }];
      const add = (status: number, text: string) => {
        const existing = operation.responses?.[status] as { description?: string } | undefined;
        return {
          ...errors(status)[status],
          description: existing?.description ? `${existing.description}; or ${text}` : text,
        };
      };
      operation.responses = {
        ...operation.responses,
        "409": add(409, `a request with the same ${IDEMPOTENCY_HEADER} is still running (Retry-After)`),
        "422": add(422, `the ${IDEMPOTENCY_HEADER} was used for another method, path or body`),
      };
    }
  }
  return paths;
}

const ok = (description: string, status = "200") => ({
  [status]: { description, content: { "application/json": { schema: { type: "object", properties: { data: {} } } } } },
});
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });

export function openApiDocument() {
  const listQuery = json(listClientsSchema) as { properties?: Record<string, object> };
  return {
    openapi: "3.1.0",
    info: {
      title: "TiKiT API",
      version: "1.0.0",
      description:
        "Session cookie (browser): POST, PUT, PATCH and DELETE from another origin are refused (403); a JSON body needs Content-Type: application/json (415); text refuses control characters other than tab and line breaks (400). Errors: { error: { code, message, fields } }.",
    },
    components: {
      schemas: { Error: errorBody },
      parameters: { IdempotencyKey: idempotencyKey },
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "authjs.session-token" } },
    },
    security: [{ session: [] }],
    paths: withIdempotencyKey({
      "/api/health": {
        get: {
          summary: "Liveness and database reachability",
          security: [],
          responses: { "200": { description: "ok" }, "503": { description: "database unreachable" } },
        },
      },
      "/api/clients": {
        get: {
          summary: "List clients (permission client.read)",
          parameters: Object.entries(listQuery.properties ?? {}).map(([name, schema]) => ({
            name,
            in: "query",
            required: false,
            schema,
          })),
          responses: {
            ...ok(
              "A page of clients: { data, page: { total, page, pageSize, nextCursor, offset, next, sort, dir } }; ask for the next page with after = page.next (a keyset cursor; page and cursor still work)",
            ),
            ...errors(400, 401, 403),
          },
        },
        post: {
          summary: "Create a client (permission client.create)",
          requestBody: body(createClientSchema),
          responses: { ...ok("The client", "201"), ...errors(400, 401, 403, 409) },
        },
      },
      "/api/clients/{id}": {
        parameters: [idParam("id")],
        get: {
          summary: "One client with its contacts (client.read)",
          responses: { ...ok("The client"), ...errors(401, 403, 404) },
        },
        patch: {
          summary: "Update a client; `version` is required (client.update)",
          requestBody: body(updateClientSchema),
          responses: { ...ok("The client"), ...errors(400, 401, 403, 404, 409) },
        },
      },
      "/api/clients/{id}/archive": {
        parameters: [idParam("id")],
        post: {
          summary: "Archive (client.archive)",
          responses: { ...ok("The client"), ...errors(401, 403, 404, 409) },
        },
      },
      "/api/clients/{id}/restore": {
        parameters: [idParam("id")],
        post: {
          summary: "Restore (client.archive)",
          responses: { ...ok("The client"), ...errors(401, 403, 404, 409) },
        },
      },
      "/api/clients/{id}/timeline": {
        parameters: [idParam("id")],
        get: {
          summary: "Activity from the audit log (agency staff)",
          responses: { ...ok("Entries"), ...errors(401, 403, 404) },
        },
      },
      "/api/clients/{id}/contacts": {
        parameters: [idParam("id")],
        get: { summary: "Contacts (client.read)", responses: { ...ok("Contacts"), ...errors(401, 403, 404) } },
        post: {
          summary: "Add a contact (client.update)",
          requestBody: body(contactFieldsSchema),
          responses: { ...ok("The contact", "201"), ...errors(400, 401, 403, 404) },
        },
      },
      "/api/clients/{id}/contacts/{contactId}": {
        parameters: [idParam("id"), idParam("contactId")],
        patch: {
          summary: "Edit a contact (client.update)",
          requestBody: body(contactFieldsSchema.partial()),
          responses: { ...ok("The contact"), ...errors(400, 401, 403, 404) },
        },
        delete: {
          summary: "Remove a contact (client.update)",
          responses: { ...ok("{ id }"), ...errors(401, 403, 404) },
        },
      },
      ...campaignPaths(),
      ...financePaths(),
      ...approvalPaths(),
      ...contentPaths(),
      ...influencerPaths(),
    }),
  };
}
