import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import type { FinancialObjectType, FinancialStatus } from "@/lib/generated/prisma/enums";
import { createFinancialObject } from "@/lib/domain/finance/create-financial-object";
import { submitFinancialObject } from "@/lib/domain/finance/submit-financial-object";
import { createCampaignRow } from "../setup/approval-fixtures";

// The authorization matrix rows of the finance server actions (lib/actions/finance.ts), spread
// into TABLE in matrix.test.ts. Each call makes its own campaign of the fixture's client (the CLIENT
// user's), owned by the matrix CM, with the object the action needs in the state it needs.

type Outcome = "allow" | "unauth" | "deny" | "notfound" | "invalid";
type RoleKey = "anon" | "CM" | "DIR" | "FIN" | "ADM" | "CLIENT" | "INF" | "OTHER_AGENCY_CM";
type Fixture = { clientId: string };
type Call<F> = (f: F) => Promise<Outcome>;
type Helpers<F extends Fixture> = {
  action: (file: string, name: string, input: () => unknown) => Call<F>;
  signedIn: (roles: Omit<Record<RoleKey, Outcome>, "anon">) => Record<RoleKey, Outcome>;
  agencyId: () => string;
  cm: () => AuthContext;
};

const ACTIONS = "lib/actions/finance.ts";
const LINES = [
  { category: "PRODUCTION", description: "Matrix line", quantity: "1", unitPrice: "500.00", taxRate: "0" },
];

/** An object written straight to the table in the state an action needs (one line of 500.00). */
async function objectRow(
  agencyId: string,
  campaign: { id: string; clientId: string },
  data: { type: FinancialObjectType; status: FinancialStatus; createdById: string; parentId?: string; number?: string },
) {
  return db.financialObject.create({
    data: {
      agencyId,
      campaignId: campaign.id,
      clientId: campaign.clientId,
      type: data.type,
      status: data.status,
      title: `Matrix ${data.type.toLowerCase()}`,
      currency: "EUR",
      subtotal: "500.00",
      total: "500.00",
      createdById: data.createdById,
      parentId: data.parentId ?? null,
      ...(data.number
        ? {
            number: data.number,
            numberYear: 2026,
            numberSeq: Number(data.number.slice(-5)),
            issueDate: new Date(),
            dueDate: new Date(Date.now() + 30 * 86_400_000),
            issuedAt: new Date(),
          }
        : {}),
      lines: {
        create: [
          {
            agencyId,
            position: 1,
            category: "PRODUCTION",
            description: "Matrix line",
            quantity: "1",
            unitPrice: "500.00",
            amount: "500.00",
          },
        ],
      },
      revisions: { create: [{ agencyId, revision: 1, snapshot: { lines: LINES }, createdById: data.createdById }] },
    },
  });
}

let invoiceSeq = 90000;

export function financeActionRows<F extends Fixture>(
  h: Helpers<F>,
): Record<string, { call: Call<F>; expect: Record<RoleKey, Outcome> }> {
  const campaignOf = (f: F) =>
    createCampaignRow(h.agencyId(), { clientId: f.clientId, ownerId: h.cm().userId, status: "BUDGET_IN_REVIEW" });
  /** Makes the campaign and the object first, then runs the action with the object's id. */
  const withObject =
    (
      make: (campaign: { id: string; clientId: string }) => Promise<{ id: string }>,
      name: string,
      input: (id: string) => unknown,
    ): Call<F> =>
    async (f) => {
      const campaign = await campaignOf(f);
      const object = await make(campaign);
      return h.action(ACTIONS, name, () => input(object.id))(f);
    };
  const cmId = () => h.cm().userId;
  const draft = (c: { id: string }) =>
    createFinancialObject(h.cm(), { campaignId: c.id, type: "BUDGET", title: "Matrix budget", lines: LINES });
  const submitted = async (c: { id: string }) => {
    const object = await draft(c);
    await submitFinancialObject(h.cm(), object.id, {});
    return object;
  };
  const state =
    (type: FinancialObjectType, status: FinancialStatus, extra: { number?: boolean } = {}) =>
    (c: { id: string; clientId: string }) =>
      objectRow(h.agencyId(), c, {
        type,
        status,
        createdById: cmId(),
        ...(extra.number ? { number: `INV-2026-${String((invoiceSeq += 1)).padStart(5, "0")}` } : {}),
      });
  const payout = async (c: { id: string; clientId: string }) => {
    const invoice = await objectRow(h.agencyId(), c, {
      type: "INFLUENCER_INVOICE",
      status: "APPROVED",
      createdById: cmId(),
    });
    return objectRow(h.agencyId(), c, {
      type: "PAYOUT",
      status: "APPROVED",
      createdById: cmId(),
      parentId: invoice.id,
    });
  };
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  // finance.manage: CM, DIR, FIN. Another agency's CM has it but not the campaign: not found.
  const managers = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "allow",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  // finance.issue: FIN only; everyone else is refused by the permission before any row is read.
  const issuers = h.signedIn({
    CM: "deny",
    DIR: "deny",
    FIN: "allow",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "deny",
  });
  return {
    [`${ACTIONS} createFinancialObjectAction`]: {
      call: async (f) => {
        const campaign = await campaignOf(f);
        return h.action(ACTIONS, "createFinancialObjectAction", () => ({
          campaignId: campaign.id,
          type: "BUDGET",
          title: "Matrix budget",
          lines: LINES,
        }))(f);
      },
      expect: managers,
    },
    [`${ACTIONS} reviseFinancialObjectAction`]: {
      call: withObject(draft, "reviseFinancialObjectAction", (id) => ({
        id,
        version: 1,
        reason: "Matrix revision",
        title: "Matrix budget, revised",
      })),
      expect: managers,
    },
    [`${ACTIONS} submitFinancialObjectAction`]: {
      call: withObject(draft, "submitFinancialObjectAction", (id) => ({ id })),
      expect: managers,
    },
    // The first step of a budget below the threshold is finance's: the director sees the object (same
    // agency) but is not asked for this step, so the decision is refused (403), not hidden.
    [`${ACTIONS} decideFinancialObjectAction`]: {
      call: withObject(submitted, "decideFinancialObjectAction", (id) => ({ id, decision: "APPROVED" })),
      expect: h.signedIn({
        CM: "deny",
        DIR: "deny",
        FIN: "allow",
        ADM: "deny",
        CLIENT: "deny",
        INF: "deny",
        OTHER_AGENCY_CM: "deny",
      }),
    },
    [`${ACTIONS} issueInvoiceAction`]: {
      call: withObject(state("CLIENT_INVOICE", "APPROVED"), "issueInvoiceAction", (id) => ({ id, dueDate: day(30) })),
      expect: issuers,
    },
    [`${ACTIONS} recordPaymentAction`]: {
      call: withObject(state("CLIENT_INVOICE", "ISSUED", { number: true }), "recordPaymentAction", (id) => ({
        id,
        amount: "100.00",
        paidAt: day(0),
      })),
      expect: issuers,
    },
    [`${ACTIONS} voidFinancialObjectAction`]: {
      call: withObject(state("CLIENT_INVOICE", "APPROVED"), "voidFinancialObjectAction", (id) => ({
        id,
        reason: "Matrix void",
      })),
      expect: issuers,
    },
    [`${ACTIONS} schedulePayoutAction`]: {
      call: withObject(state("INFLUENCER_INVOICE", "APPROVED"), "schedulePayoutAction", (id) => ({
        id,
        scheduledFor: day(7),
      })),
      expect: issuers,
    },
    [`${ACTIONS} markPayoutSentAction`]: {
      call: withObject(payout, "markPayoutSentAction", (id) => ({ id })),
      expect: issuers,
    },
  };
}
