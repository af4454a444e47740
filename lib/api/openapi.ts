import { z } from "zod";
import { contactFieldsSchema, createClientSchema, listClientsSchema, updateClientSchema } from "@/lib/domain/clients/schemas";
import { approvalPaths } from "./openapi-approvals";
import { campaignPaths } from "./openapi-campaigns";
import { contentPaths } from "./openapi-content";

import { financePaths } from "./openapi-finance";
import { influencerPaths } from "./openapi-influencers";

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
    codes.map((code) => [String(code), { description: STATUS_TEXT[code], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input: the fields named in error.fields",
  401: "Not signed in",
  403: "Signed in without the permission this endpoint declares, or an unsafe request from another origin",
  404: "Not found, or not yours to see",
  409: "Conflict: a stale version or a duplicate",
};

const ok = (description: string, status = "200") => ({ [status]: { description, content: { "application/json": { schema: { type: "object", properties: { data: {} } } } } } });
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });

export function openApiDocument() {
  const listQuery = json(listClientsSchema) as { properties?: Record<string, object> };
  return {
    openapi: "3.1.0",
    info: { title: "TiKiT API", version: "1.0.0", description: "Session cookie (browser): POST, PUT, PATCH and DELETE from another origin are refused (403); a JSON body needs Content-Type: application/json (415); text refuses control characters other than tab and line breaks (400). Errors: { error: { code, message, fields } }." },
    components: {
      schemas: { Error: errorBody },
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "authjs.session-token" } },
    },
    security: [{ session: [] }],
    paths: {
      "/api/health": { get: { summary: "Liveness and database reachability", security: [], responses: { "200": { description: "ok" }, "503": { description: "database unreachable" } } } },
      "/api/clients": {
        get: {
          summary: "List clients (permission client.read)",
          parameters: Object.entries(listQuery.properties ?? {}).map(([name, schema]) => ({ name, in: "query", required: false, schema })),
          responses: { ...ok("A page of clients: { data, page: { total, page, pageSize, nextCursor } }"), ...errors(400, 401, 403) },
        },
        post: { summary: "Create a client (permission client.create)", requestBody: body(createClientSchema), responses: { ...ok("The client", "201"), ...errors(400, 401, 403, 409) } },
      },
      "/api/clients/{id}": {
        parameters: [idParam("id")],
        get: { summary: "One client with its contacts (client.read)", responses: { ...ok("The client"), ...errors(401, 403, 404) } },
        patch: { summary: "Update a client; `version` is required (client.update)", requestBody: body(updateClientSchema), responses: { ...ok("The client"), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/clients/{id}/archive": { parameters: [idParam("id")], post: { summary: "Archive (client.archive)", responses: { ...ok("The client"), ...errors(401, 403, 404, 409) } } },
      "/api/clients/{id}/restore": { parameters: [idParam("id")], post: { summary: "Restore (client.archive)", responses: { ...ok("The client"), ...errors(401, 403, 404, 409) } } },
      "/api/clients/{id}/timeline": { parameters: [idParam("id")], get: { summary: "Activity from the audit log (agency staff)", responses: { ...ok("Entries"), ...errors(401, 403, 404) } } },
      "/api/clients/{id}/contacts": {
        parameters: [idParam("id")],
        get: { summary: "Contacts (client.read)", responses: { ...ok("Contacts"), ...errors(401, 403, 404) } },
        post: { summary: "Add a contact (client.update)", requestBody: body(contactFieldsSchema), responses: { ...ok("The contact", "201"), ...errors(400, 401, 403, 404) } },
      },
      "/api/clients/{id}/contacts/{contactId}": {
        parameters: [idParam("id"), idParam("contactId")],
        patch: { summary: "Edit a contact (client.update)", requestBody: body(contactFieldsSchema.partial()), responses: { ...ok("The contact"), ...errors(400, 401, 403, 404) } },
        delete: { summary: "Remove a contact (client.update)", responses: { ...ok("{ id }"), ...errors(401, 403, 404) } },
      },
      ...campaignPaths(),
      ...financePaths(),
      ...approvalPaths(),
      ...contentPaths(),
      ...influencerPaths(),
    },
  };
}
