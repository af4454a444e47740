import type { ApiResult } from "@/lib/api/http";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import * as listRoute from "@/pages/api/finance/objects/index";
import * as oneRoute from "@/pages/api/finance/objects/[id]/index";
import * as submitRoute from "@/pages/api/finance/objects/[id]/submit/index";
import * as decideRoute from "@/pages/api/finance/objects/[id]/decide/index";
import * as issueRoute from "@/pages/api/finance/objects/[id]/issue/index";
import * as paymentsRoute from "@/pages/api/finance/objects/[id]/payments/index";
import * as voidRoute from "@/pages/api/finance/objects/[id]/void/index";
import * as payoutRoute from "@/pages/api/finance/objects/[id]/payout/index";
import * as sentRoute from "@/pages/api/finance/objects/[id]/sent/index";
import * as pdfRoute from "@/pages/api/finance/objects/[id]/pdf/index";
import * as revisionsRoute from "@/pages/api/finance/objects/[id]/revisions/index";
import * as exportRoute from "@/pages/api/finance/objects/export.csv/index";
import * as queueRoute from "@/pages/api/finance/queue/index";
import * as payoutsRoute from "@/pages/api/finance/payouts/index";
import * as summaryRoute from "@/pages/api/campaigns/[id]/finance-summary/index";
import * as creatorRoute from "@/pages/api/creator/revenue-summary/index";
import { actAs } from "../setup/fake-session";
import { createFinanceWorld, line } from "../setup/finance-fixtures";

// The finance handlers over HTTP: good input, bad input on every handler (400 naming the field, nothing
// written), unknown and foreign ids (404), state conflicts (409), PDF and CSV responses.

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));

const MISSING = "00000000-0000-4000-8000-000000000000";
type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>;
type Body = {
  data?: Record<string, unknown> & { id?: string; version?: number };
  error?: { code: string; message: string; fields?: Record<string, string> };
};

async function call(
  handler: Handler,
  options: { url?: string; method?: string; params?: Record<string, string>; body?: unknown; rawBody?: string } = {},
) {
  const init: RequestInit = { method: options.method ?? "GET", headers: { "content-type": "application/json" } };
  if (options.rawBody !== undefined) init.body = options.rawBody;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  const response = await handler(new Request(`http://tikit.test${options.url ?? "/api/x"}`, init), {
    params: Promise.resolve(options.params ?? {}),
  });
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    type,
    json: (type.includes("json") ? await response.json() : {}) as Body,
    response,
  };
}

let w: Awaited<ReturnType<typeof createFinanceWorld>>;
let campaignId: string;
beforeAll(async () => {
  w = await createFinanceWorld("FinApi");
  campaignId = (await w.campaign({ status: "SOURCING" })).id;
});

const count = () => db.financialObject.count({ where: { agencyId: w.agency.id } });
const create = async (type = "PURCHASE_ORDER", lines = [line("100.00")]) => {
  actAs(w.cm.ctx);
  const r = await call(listRoute.POST as Handler, { method: "POST", body: { campaignId, type, title: "API", lines } });
  expect(r.status).toBe(201);
  return r.json.data as { id: string; version: number };
};

describe("create and list", () => {
  it("creates (201) with decimal strings; bad input is 400 naming the field and writes nothing", async () => {
    const made = await create("QUOTE", [line("10.00", { taxRate: "20" })]);
    expect(made).toMatchObject({ status: "DRAFT", total: "12.00", currency: "EUR", revision: 1 });
    const before = await count();
    const bad = [
      [{ campaignId, type: "NOPE", title: "x", lines: [line("1")] }, "type"],
      [{ campaignId, type: "QUOTE", title: "", lines: [line("1")] }, "title"],
      [{ campaignId, type: "QUOTE", title: "x", lines: [] }, "lines"],
      [{ campaignId, type: "QUOTE", title: "x", lines: [line("1.234")] }, "lines.0.unitPrice"],
      [{ campaignId, type: "QUOTE", title: "x", lines: [line("-1")] }, "lines.0.unitPrice"],
      [{ campaignId, type: "QUOTE", title: "x", lines: [line("1", { taxRate: "120" })] }, "lines.0.taxRate"],
      [{ campaignId, type: "QUOTE", title: "x", lines: [line("1", { quantity: "0" })] }, "lines.0.quantity"],
      [{ campaignId, type: "QUOTE", title: "x", currency: "EURO", lines: [line("1")] }, "currency"],
      [{ campaignId: "nope", type: "QUOTE", title: "x", lines: [line("1")] }, "campaignId"],
      [{ campaignId, type: "INFLUENCER_INVOICE", title: "x", lines: [line("1")] }, "influencerId"],
      [{ campaignId, type: "PAYMENT", title: "x", lines: [line("1")] }, "type"],
    ] as const;
    actAs(w.cm.ctx);
    for (const [body, field] of bad) {
      const r = await call(listRoute.POST as Handler, { method: "POST", body });
      expect(r.status, field).toBe(400);
      expect(Object.keys(r.json.error?.fields ?? {}), field).toContain(field);
    }
    expect((await call(listRoute.POST as Handler, { method: "POST", rawBody: "{" })).status).toBe(400);
    expect(await count()).toBe(before);
    actAs(w.foreignCm.ctx);
    expect(
      (
        await call(listRoute.POST as Handler, {
          method: "POST",
          body: { campaignId, type: "QUOTE", title: "x", lines: [line("1")] },
        })
      ).status,
    ).toBe(404);
  });

  it("lists with filters and a cursor; a bad filter or cursor is 400", async () => {
    await create();
    actAs(w.fin.ctx);
    const page = await call(listRoute.GET as Handler, { url: `/api/finance/objects?campaignId=${campaignId}&take=1` });
    expect(page.status).toBe(200);
    const next = (page.json as unknown as { page: { nextCursor: string } }).page.nextCursor;
    expect(next).toBeTruthy();
    expect(
      (
        await call(listRoute.GET as Handler, {
          url: `/api/finance/objects?campaignId=${campaignId}&take=1&cursor=${next}`,
        })
      ).status,
    ).toBe(200);
    for (const q of [
      "type=NOPE",
      "minAmount=abc",
      "cursor=nope",
      `cursor=${MISSING}`,
      "minAgeDays=-1",
      "campaignId=1",
    ]) {
      expect((await call(listRoute.GET as Handler, { url: `/api/finance/objects?${q}` })).status, q).toBe(400);
    }
    expect((await call(queueRoute.GET as Handler, { url: "/api/finance/queue?maxAmount=1.234" })).status).toBe(400);
    const queue = await call(queueRoute.GET as Handler, { url: "/api/finance/queue" });
    expect(queue.status).toBe(200);
    // The count stays `page.total`; `page.totalCapped` says whether more than the cap wait.
    expect((queue.json as { page?: unknown }).page).toEqual({
      total: expect.any(Number),
      totalCapped: false,
      nextCursor: null,
    });
  });
});

describe("one object", () => {
  it("read, revise (reason and version required), submit, decide: bad input 400, unknown 404, wrong state 409", async () => {
    const made = await create();
    const params = { id: made.id };
    actAs(w.cm.ctx);
    expect((await call(oneRoute.GET as Handler, { params })).status).toBe(200);
    expect((await call(oneRoute.GET as Handler, { params: { id: MISSING } })).status).toBe(404);
    expect((await call(oneRoute.GET as Handler, { params: { id: "nope" } })).status).toBe(404);
    expect(
      (
        await call(oneRoute.PATCH as Handler, {
          method: "PATCH",
          params,
          body: { version: made.version, lines: [line("1")] },
        })
      ).json.error?.fields,
    ).toHaveProperty("reason");
    expect(
      (await call(oneRoute.PATCH as Handler, { method: "PATCH", params, body: { reason: "x" } })).json.error?.fields,
    ).toHaveProperty("version");
    expect(
      (
        await call(oneRoute.PATCH as Handler, {
          method: "PATCH",
          params,
          body: { version: made.version, reason: "x", lines: [{ description: "", unitPrice: "1" }] },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(oneRoute.PATCH as Handler, {
          method: "PATCH",
          params,
          body: { version: made.version + 5, reason: "x" },
        })
      ).status,
    ).toBe(409);
    expect((await db.financialObject.findUniqueOrThrow({ where: { id: made.id } })).revision).toBe(1);
    const revised = await call(oneRoute.PATCH as Handler, {
      method: "PATCH",
      params,
      body: { version: made.version, reason: "Price", lines: [line("120.00")] },
    });
    expect(revised.json.data).toMatchObject({ revision: 2, total: "120.00" });

    expect((await call(submitRoute.POST as Handler, { method: "POST", params, rawBody: "{" })).status).toBe(400);
    expect((await call(submitRoute.POST as Handler, { method: "POST", params, rawBody: "" })).status).toBe(200);
    expect((await call(submitRoute.POST as Handler, { method: "POST", params, body: {} })).status).toBe(409);

    actAs(w.fin.ctx);
    expect(
      (await call(decideRoute.POST as Handler, { method: "POST", params, body: { decision: "MAYBE" } })).json.error
        ?.fields,
    ).toHaveProperty("decision");
    expect(
      (await call(decideRoute.POST as Handler, { method: "POST", params, body: { decision: "REJECTED" } })).json.error
        ?.fields,
    ).toHaveProperty("reason");
    expect(
      (
        await call(decideRoute.POST as Handler, {
          method: "POST",
          params: { id: MISSING },
          body: { decision: "APPROVED" },
        })
      ).status,
    ).toBe(404);
    const decided = await call(decideRoute.POST as Handler, { method: "POST", params, body: { decision: "APPROVED" } });
    expect(decided.status).toBe(200);
    expect((decided.json.data as { object: { status: string } }).object.status).toBe("APPROVED");
    expect(
      (await call(decideRoute.POST as Handler, { method: "POST", params, body: { decision: "APPROVED" } })).status,
    ).toBe(409);

    const revisions = await call(revisionsRoute.GET as Handler, {
      params,
      url: `/api/finance/objects/${made.id}/revisions`,
    });
    expect((revisions.json.data as unknown as unknown[]).length).toBe(2);
    const diff = await call(revisionsRoute.GET as Handler, {
      params,
      url: `/api/finance/objects/${made.id}/revisions?from=1&to=2`,
    });
    expect((diff.json.data as { fields: { field: string }[] }).fields.map((f) => f.field)).toContain("total");
    expect(
      (
        await call(revisionsRoute.GET as Handler, {
          params,
          url: `/api/finance/objects/${made.id}/revisions?from=x&to=2`,
        })
      ).status,
    ).toBe(400);
  });

  it("issue, payments, void, payout, sent, pdf: bad input 400 and nothing changed; wrong state 409", async () => {
    const inv = await create("CLIENT_INVOICE", [line("100.00", { taxRate: "20" })]);
    const params = { id: inv.id };
    actAs(w.fin.ctx);
    expect(
      (await call(issueRoute.POST as Handler, { method: "POST", params, body: { dueDate: "2030-01-01" } })).status,
    ).toBe(409);
    await db.financialObject.update({ where: { id: inv.id }, data: { status: "APPROVED" } });
    expect(
      (await call(issueRoute.POST as Handler, { method: "POST", params, body: { dueDate: "31/01/2030" } })).json.error
        ?.fields,
    ).toHaveProperty("dueDate");
    expect((await call(pdfRoute.GET as Handler, { params })).status).toBe(409);
    const issued = await call(issueRoute.POST as Handler, {
      method: "POST",
      params,
      body: { issueDate: "2029-01-01", dueDate: "2029-01-31" },
    });
    expect(issued.json.data).toMatchObject({ status: "ISSUED", number: "INV-2029-00001" });
    for (const body of [
      { amount: "abc", paidAt: "2029-01-10" },
      { amount: "10.00" },
      { amount: "-5", paidAt: "2029-01-10" },
      { amount: "999.00", paidAt: "2029-01-10" },
    ]) {
      expect(
        (await call(paymentsRoute.POST as Handler, { method: "POST", params, body })).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(await db.financialObject.count({ where: { parentId: inv.id } })).toBe(0);
    expect(
      (
        await call(paymentsRoute.POST as Handler, {
          method: "POST",
          params,
          body: { amount: "20.00", paidAt: "2029-01-10" },
        })
      ).status,
    ).toBe(200);
    const pdf = await call(pdfRoute.GET as Handler, { params });
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(pdf.response.headers.get("content-disposition")).toContain("INV-2029-00001.pdf");
    actAs(w.clientUser.ctx);
    expect((await call(pdfRoute.GET as Handler, { params })).status).toBe(200);
    actAs(w.clientUserTwo.ctx);
    expect((await call(pdfRoute.GET as Handler, { params })).status).toBe(404);
    actAs(w.fin.ctx);
    expect(
      (await call(voidRoute.POST as Handler, { method: "POST", params, body: {} })).json.error?.fields,
    ).toHaveProperty("reason");
    expect((await call(voidRoute.POST as Handler, { method: "POST", params, body: { reason: "x" } })).status).toBe(409);
    expect(
      (await call(payoutRoute.POST as Handler, { method: "POST", params, body: { scheduledFor: "soon" } })).json.error
        ?.fields,
    ).toHaveProperty("scheduledFor");
    expect(
      (await call(payoutRoute.POST as Handler, { method: "POST", params, body: { scheduledFor: "2030-01-01" } }))
        .status,
    ).toBe(409);
    expect((await call(sentRoute.POST as Handler, { method: "POST", params, body: { paidAt: "x" } })).status).toBe(400);
    expect((await call(sentRoute.POST as Handler, { method: "POST", params, body: {} })).status).toBe(409);
    expect(
      (await call(voidRoute.POST as Handler, { method: "POST", params: { id: MISSING }, body: { reason: "x" } }))
        .status,
    ).toBe(404);
  });
});

describe("lists and summaries", () => {
  it("CSV export, payouts, campaign summary, creator summary", async () => {
    actAs(w.fin.ctx);
    const csv = await call(exportRoute.GET as Handler, {
      url: `/api/finance/objects/export.csv?campaignId=${campaignId}`,
    });
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    expect((await csv.response.text()).split("\r\n")[0]).toContain("currency,subtotal,tax,total");
    expect((await call(exportRoute.GET as Handler, { url: "/api/finance/objects/export.csv?type=NOPE" })).status).toBe(
      400,
    );
    expect((await call(payoutsRoute.GET as Handler)).status).toBe(200);
    expect((await call(summaryRoute.GET as Handler, { params: { id: campaignId } })).status).toBe(200);
    expect((await call(summaryRoute.GET as Handler, { params: { id: MISSING } })).status).toBe(404);
    actAs(w.foreignFin.ctx);
    expect((await call(summaryRoute.GET as Handler, { params: { id: campaignId } })).status).toBe(404);
    actAs(w.fin.ctx);
    expect((await call(creatorRoute.GET as Handler)).status).toBe(403);
  });
});
