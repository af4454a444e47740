import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import type { FinancialObjectType, FinancialStatus } from "@/lib/generated/prisma/enums";
import { createCampaignRow, createInfluencerRow } from "../setup/approval-fixtures";

// The authorization matrix rows of finance (handlers), spread into TABLE in matrix.test.ts. Each call makes its
// own campaign of the fixture's client (the CLIENT user's), owned by the matrix CM, with financial objects the
// CM created in the states the routes need: a draft PO, a PO waiting for FIN, an approved and an issued client
// invoice, an approved influencer invoice and a scheduled payout.

type Outcome = "allow" | "unauth" | "deny" | "notfound" | "invalid";
type RoleKey = "anon" | "CM" | "DIR" | "FIN" | "ADM" | "CLIENT" | "INF" | "OTHER_AGENCY_CM";
type Fixture = { clientId: string };
type Call<F> = (f: F) => Promise<Outcome>;
type Helpers<F extends Fixture> = {
  route: (
    file: string,
    method: string,
    url: () => string,
    params: () => Record<string, string>,
    body?: () => unknown,
  ) => Call<F>;
  signedIn: (roles: Omit<Record<RoleKey, Outcome>, "anon">) => Record<RoleKey, Outcome>;
  agencyId: () => string;
  cm: () => AuthContext;
};
type World = {
  campaignId: string;
  draft: string;
  submitted: string;
  approvedInvoice: string;
  issuedInvoice: string;
  influencerInvoice: string;
  payout: string;
};

let seq = 0;

async function world<F extends Fixture>(h: Helpers<F>, f: F): Promise<World> {
  const agencyId = h.agencyId();
  const createdById = h.cm().userId;
  const campaign = await createCampaignRow(agencyId, {
    clientId: f.clientId,
    ownerId: createdById,
    status: "SOURCING",
  });
  const influencer = await createInfluencerRow(agencyId, { fee: "100" });
  const object = (type: FinancialObjectType, status: FinancialStatus, extra: Record<string, unknown> = {}) =>
    db.financialObject.create({
      data: {
        agencyId,
        campaignId: campaign.id,
        clientId: f.clientId,
        type,
        status,
        title: `Matrix ${type}`,
        currency: "EUR",
        subtotal: "100.00",
        total: "100.00",
        createdById,
        submittedById: status === "DRAFT" ? null : createdById,
        lines: { create: { agencyId, position: 1, description: "Matrix line", unitPrice: "100.00", amount: "100.00" } },
        revisions: { create: { agencyId, revision: 1, snapshot: {}, reason: "Created", createdById } },
        ...extra,
      },
    });
  const draft = await object("PURCHASE_ORDER", "DRAFT");
  const submitted = await object("PURCHASE_ORDER", "SUBMITTED");
  await db.approvalItem.create({
    data: {
      agencyId,
      campaignId: campaign.id,
      type: "FINANCE",
      subjectType: "FinancialObject",
      subjectId: submitted.id,
      subjectVersion: 1,
      step: 1,
      approverRole: "FIN",
      approverScopeType: "AGENCY",
      requestedById: createdById,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const approvedInvoice = await object("CLIENT_INVOICE", "APPROVED", { approvalStep: 1 });
  const n = 1 + (seq++ % 99_999);
  const issuedInvoice = await object("CLIENT_INVOICE", "ISSUED", {
    number: `INV-2099-${String(n).padStart(5, "0")}`,
    numberYear: 2099,
    numberSeq: n,
    issueDate: new Date("2099-01-01"),
    dueDate: new Date("2099-01-31"),
    issuedAt: new Date(),
  });
  const influencerInvoice = await object("INFLUENCER_INVOICE", "APPROVED", {
    influencerId: influencer.id,
    approvalStep: 1,
  });
  const payout = await object("PAYOUT", "APPROVED", {
    influencerId: influencer.id,
    parentId: influencerInvoice.id,
    scheduledFor: new Date("2099-02-01"),
    subtotal: "50.00",
    total: "50.00",
  });
  return {
    campaignId: campaign.id,
    draft: draft.id,
    submitted: submitted.id,
    approvedInvoice: approvedInvoice.id,
    issuedInvoice: issuedInvoice.id,
    influencerInvoice: influencerInvoice.id,
    payout: payout.id,
  };
}

export function financeRows<F extends Fixture>(
  h: Helpers<F>,
): Record<string, { call: Call<F>; expect: Record<RoleKey, Outcome> }> {
  const r =
    (
      file: string,
      method: string,
      url: (w: World) => string,
      params: (w: World) => Record<string, string>,
      body?: (w: World) => unknown,
    ): Call<F> =>
    async (f: F) => {
      const w = await world(h, f);
      return h.route(
        file,
        method,
        () => url(w),
        () => params(w),
        body && (() => body(w)),
      )(f);
    };
  const ONE = "pages/api/finance/objects/[id]";
  const readers = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "allow",
    ADM: "deny",
    CLIENT: "allow",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const staffReaders = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "allow",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const staffLists = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "allow",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "allow",
  });
  const managers = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "allow",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const issuers = h.signedIn({
    CM: "deny",
    DIR: "deny",
    FIN: "allow",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "deny",
  });
  const id = (key: keyof World) => (w: World) => ({ id: w[key] });
  const url =
    (key: keyof World, suffix = "") =>
    (w: World) =>
      `/api/finance/objects/${w[key]}${suffix}`;
  return {
    "pages/api/finance/objects/index.ts GET": {
      call: r(
        "pages/api/finance/objects/index.ts",
        "GET",
        (w) => `/api/finance/objects?campaignId=${w.campaignId}`,
        () => ({}),
      ),
      expect: h.signedIn({
        CM: "allow",
        DIR: "allow",
        FIN: "allow",
        ADM: "deny",
        CLIENT: "allow",
        INF: "deny",
        OTHER_AGENCY_CM: "allow",
      }),
    },
    "pages/api/finance/objects/index.ts POST": {
      call: r(
        "pages/api/finance/objects/index.ts",
        "POST",
        () => "/api/finance/objects",
        () => ({}),
        (w) => ({
          campaignId: w.campaignId,
          type: "EXPENSE",
          title: "Matrix expense",
          lines: [{ description: "Taxi", unitPrice: "12.50" }],
        }),
      ),
      expect: managers,
    },
    [`${ONE}/index.ts GET`]: {
      call: r(`${ONE}/index.ts`, "GET", url("issuedInvoice"), id("issuedInvoice")),
      expect: readers,
    },
    [`${ONE}/index.ts PATCH`]: {
      call: r(`${ONE}/index.ts`, "PATCH", url("draft"), id("draft"), () => ({
        version: 1,
        reason: "Matrix",
        lines: [{ description: "Changed", unitPrice: "90.00" }],
      })),
      expect: managers,
    },
    [`${ONE}/submit/index.ts POST`]: {
      call: r(`${ONE}/submit/index.ts`, "POST", url("draft", "/submit"), id("draft"), () => ({})),
      expect: managers,
    },
    [`${ONE}/decide/index.ts POST`]: {
      call: r(`${ONE}/decide/index.ts`, "POST", url("submitted", "/decide"), id("submitted"), () => ({
        decision: "APPROVED",
      })),
      expect: h.signedIn({
        CM: "deny",
        DIR: "deny",
        FIN: "allow",
        ADM: "deny",
        CLIENT: "notfound",
        INF: "deny",
        OTHER_AGENCY_CM: "notfound",
      }),
    },
    [`${ONE}/issue/index.ts POST`]: {
      call: r(`${ONE}/issue/index.ts`, "POST", url("approvedInvoice", "/issue"), id("approvedInvoice"), () => ({
        issueDate: "2098-06-01",
        dueDate: "2098-07-01",
      })),
      expect: issuers,
    },
    [`${ONE}/payments/index.ts POST`]: {
      call: r(`${ONE}/payments/index.ts`, "POST", url("issuedInvoice", "/payments"), id("issuedInvoice"), () => ({
        amount: "40.00",
        paidAt: "2099-01-10",
      })),
      expect: issuers,
    },
    [`${ONE}/void/index.ts POST`]: {
      call: r(`${ONE}/void/index.ts`, "POST", url("draft", "/void"), id("draft"), () => ({ reason: "Matrix" })),
      expect: issuers,
    },
    [`${ONE}/payout/index.ts POST`]: {
      call: r(`${ONE}/payout/index.ts`, "POST", url("influencerInvoice", "/payout"), id("influencerInvoice"), () => ({
        scheduledFor: "2099-03-01",
        amount: "25.00",
      })),
      expect: issuers,
    },
    [`${ONE}/sent/index.ts POST`]: {
      call: r(`${ONE}/sent/index.ts`, "POST", url("payout", "/sent"), id("payout"), () => ({})),
      expect: issuers,
    },
    [`${ONE}/pdf/index.ts GET`]: {
      call: r(`${ONE}/pdf/index.ts`, "GET", url("issuedInvoice", "/pdf"), id("issuedInvoice")),
      expect: readers,
    },
    [`${ONE}/revisions/index.ts GET`]: {
      call: r(`${ONE}/revisions/index.ts`, "GET", url("draft", "/revisions"), id("draft")),
      expect: staffReaders,
    },
    "pages/api/finance/objects/export.csv/index.ts GET": {
      call: r(
        "pages/api/finance/objects/export.csv/index.ts",
        "GET",
        (w) => `/api/finance/objects/export.csv?campaignId=${w.campaignId}`,
        () => ({}),
      ),
      expect: staffLists,
    },
    "pages/api/finance/queue/index.ts GET": {
      call: r(
        "pages/api/finance/queue/index.ts",
        "GET",
        () => "/api/finance/queue",
        () => ({}),
      ),
      expect: h.signedIn({
        CM: "allow",
        DIR: "allow",
        FIN: "allow",
        ADM: "deny",
        CLIENT: "allow",
        INF: "deny",
        OTHER_AGENCY_CM: "allow",
      }),
    },
    "pages/api/finance/payouts/index.ts GET": {
      call: r(
        "pages/api/finance/payouts/index.ts",
        "GET",
        () => "/api/finance/payouts",
        () => ({}),
      ),
      expect: staffLists,
    },
    "pages/api/campaigns/[id]/finance-summary/index.ts GET": {
      call: r(
        "pages/api/campaigns/[id]/finance-summary/index.ts",
        "GET",
        (w) => `/api/campaigns/${w.campaignId}/finance-summary`,
        (w) => ({ id: w.campaignId }),
      ),
      expect: staffReaders,
    },
    "pages/api/creator/revenue-summary/index.ts GET": {
      call: r(
        "pages/api/creator/revenue-summary/index.ts",
        "GET",
        () => "/api/creator/revenue-summary",
        () => ({}),
      ),
      expect: h.signedIn({
        CM: "deny",
        DIR: "deny",
        FIN: "deny",
        ADM: "deny",
        CLIENT: "deny",
        INF: "allow",
        OTHER_AGENCY_CM: "deny",
      }),
    },
  };
}
