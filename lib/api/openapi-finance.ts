import "server-only";
import { z } from "zod";
import {
  FINANCE_QUEUE_COUNT_CAP,
  compareSchema,
  createFinancialObjectSchema,
  decideSchema,
  issueSchema,
  listFinancialObjectsSchema,
  markPayoutSentSchema,
  paymentSchema,
  payoutSchema,
  queueFiltersSchema,
  reviseFinancialObjectSchema,
  submitSchema,
  voidSchema,
} from "@/lib/domain/finance/schemas";

// The finance part of the OpenAPI document (lib/api/openapi.ts), from the schemas the handlers use.
// Money is always a decimal string ("1250.00") next to its ISO currency.

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const err = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const errors = (described: Record<number, string>) =>
  Object.fromEntries(Object.entries(described).map(([code, description]) => [code, { description, ...err }]));
const ok = (description: string, status = "200") => ({
  [status]: { description, content: { "application/json": { schema: { type: "object", properties: { data: {} } } } } },
});
const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const body = (schema: z.ZodType, required = true) => ({
  required,
  content: { "application/json": { schema: json(schema) } },
});
const query = (schema: z.ZodType) =>
  Object.entries((json(schema) as { properties?: Record<string, object> }).properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    schema: s,
  }));
const common = { 401: "Not signed in", 403: "Signed in without the permission this endpoint declares" };
const one = {
  400: "Invalid input: the fields named in error.fields",
  ...common,
  404: "Not found, or not yours to see",
  409: "Not possible in the object's current state",
};

export function financePaths() {
  const action = (summary: string, schema: z.ZodType, required = true) => ({
    parameters: [id],
    post: { summary, requestBody: body(schema, required), responses: { ...ok("The result"), ...errors(one) } },
  });
  return {
    "/api/finance/objects": {
      get: {
        summary:
          "List financial objects in the caller's scope (finance.read; client users: their issued invoices and the quotes and budgets sent to them). type and status may repeat or be comma-separated.",
        parameters: query(listFinancialObjectsSchema),
        responses: {
          ...ok("A page: { data, page: { total, page, pageSize, nextCursor } }"),
          ...errors({ 400: "Invalid filter", ...common }),
        },
      },
      post: {
        summary:
          "Create a budget, quote, purchase order, expense, client or influencer invoice as DRAFT, revision 1 (finance.manage)",
        requestBody: body(createFinancialObjectSchema),
        responses: {
          ...ok("The object", "201"),
          ...errors({ 400: "Invalid input", ...common, 404: "Campaign not found" }),
        },
      },
    },
    "/api/finance/objects/{id}": {
      parameters: [id],
      get: {
        summary:
          "The object with lines, revisions, approval chain, payments/payouts and what the caller may do (finance.read)",
        responses: { ...ok("The object"), ...errors({ ...common, 404: "Not found" }) },
      },
      patch: {
        summary:
          "Revise: a new revision with snapshot and reason; pending approvals superseded, approval reopens (finance.manage)",
        requestBody: body(reviseFinancialObjectSchema),
        responses: { ...ok("The object"), ...errors(one) },
      },
    },
    "/api/finance/objects/{id}/submit": action(
      "Send for approval along the campaign policy's chain (finance.manage)",
      submitSchema,
      false,
    ),
    "/api/finance/objects/{id}/decide": action(
      "Approve or reject the step waiting for the caller; a reason is required to reject (finance.read; the step's permission: finance.approve, finance.approve.high or the client's approval.decide)",
      decideSchema,
    ),
    "/api/finance/objects/{id}/issue": action(
      "Issue an approved client invoice: next gapless number INV-<year>-<00001> (finance.issue)",
      issueSchema,
    ),
    "/api/finance/objects/{id}/payments": action(
      "Record a (partial) payment of an issued client invoice; overpayment refused (finance.issue)",
      paymentSchema,
    ),
    "/api/finance/objects/{id}/void": action(
      "Void with a reason; an invoice keeps its number (finance.issue)",
      voidSchema,
    ),
    "/api/finance/objects/{id}/payout": action(
      "Schedule a payout of an approved influencer invoice (finance.issue)",
      payoutSchema,
    ),
    "/api/finance/objects/{id}/sent": action(
      "Mark a scheduled payout as sent (finance.issue)",
      markPayoutSentSchema,
      false,
    ),
    "/api/finance/objects/{id}/pdf": {
      parameters: [id],
      get: {
        summary: "An issued client invoice as PDF (finance.read; client users: their own); audited",
        responses: {
          "200": { description: "application/pdf" },
          ...errors({ ...common, 404: "Not found", 409: "Not an issued client invoice" }),
        },
      },
    },
    "/api/finance/objects/{id}/revisions": {
      parameters: [id],
      get: {
        summary: "Revision history (staff); with from and to the differences between two revisions",
        parameters: query(compareSchema),
        responses: { ...ok("Revisions, or { from, to, fields, lines: { added, removed, changed } }"), ...errors(one) },
      },
    },
    "/api/finance/objects/export.csv": {
      get: {
        summary: "The list as CSV, same filters (staff; audited): amounts as numbers, currency column",
        parameters: query(listFinancialObjectsSchema),
        responses: { "200": { description: "text/csv" }, ...errors({ 400: "Invalid filter", ...common }) },
      },
    },
    "/api/finance/queue": {
      get: {
        summary: "What waits for the caller's decision, oldest first (finance.read)",
        description: `The oldest \`take\` items (default 25); the next page with \`after\` = \`page.nextCursor\` (null on the last page). \`page.total\` is exact up to ${FINANCE_QUEUE_COUNT_CAP}; above that it is ${FINANCE_QUEUE_COUNT_CAP} and \`page.totalCapped\` is true (show "${FINANCE_QUEUE_COUNT_CAP.toLocaleString("en")}+").`,
        parameters: query(queueFiltersSchema),
        responses: {
          "200": {
            description: "{ data: items, page: { total, totalCapped, nextCursor } }",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: { type: "object" } },
                    page: {
                      type: "object",
                      required: ["total", "totalCapped", "nextCursor"],
                      properties: {
                        total: {
                          type: "integer",
                          minimum: 0,
                          maximum: FINANCE_QUEUE_COUNT_CAP,
                          description: `Items waiting, counted exactly up to ${FINANCE_QUEUE_COUNT_CAP}`,
                        },
                        totalCapped: {
                          type: "boolean",
                          description: `True when more than ${FINANCE_QUEUE_COUNT_CAP} items wait (total is then ${FINANCE_QUEUE_COUNT_CAP})`,
                        },
                        nextCursor: {
                          type: ["string", "null"],
                          description: "The position after this page: pass it as `after`; null on the last page",
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          ...errors({ 400: "Invalid filter", ...common }),
        },
      },
    },
    "/api/finance/payouts": {
      get: {
        summary: "What is owed to which influencer per currency, and scheduled payouts by date (staff)",
        responses: { ...ok("{ owed, scheduled }"), ...errors(common) },
      },
    },
    "/api/campaigns/{id}/finance-summary": {
      parameters: [id],
      get: {
        summary: "Budget vs committed vs invoiced vs paid per currency and category, overruns marked (staff)",
        responses: { ...ok("{ campaignId, currencies }"), ...errors({ ...common, 404: "Campaign not found" }) },
      },
    },
    "/api/creator/revenue-summary": {
      get: {
        summary:
          "The signed-in creator's earnings as rounded aggregates (creator.self): earned, upcoming, 12-month trend, deals (name, brand, status, rounded value, next action). Never invoice numbers, payment dates or notes.",
        responses: { ...ok("{ earned, upcoming, trend, deals }"), ...errors(common) },
      },
    },
  };
}
