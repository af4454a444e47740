import { describe, expect, it } from "vitest";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import {
  ALL_STATUSES,
  checkTransition,
  evaluateMoves,
  nextStates,
  type CampaignFacts,
  type GuardCode,
} from "@/lib/domain/campaigns/status-machine";

// Every (from, to) pair of the 23 states, allowed and refused, with the refusal named. The expected edges
// and guards are written out here by hand, not derived from the machine, so the test checks the design.

const CHAIN: CampaignStatus[] = [
  "DRAFT",
  "BRIEF_IN_REVIEW",
  "BRIEF_APPROVED",
  "SOURCING",
  "SHORTLIST_IN_REVIEW",
  "SHORTLIST_APPROVED",
  "BUDGET_IN_REVIEW",
  "BUDGET_APPROVED",
  "CONTRACTING",
  "CONTRACTED",
  "IN_PRODUCTION",
  "CONTENT_IN_INTERNAL_REVIEW",
  "CONTENT_IN_CLIENT_REVIEW",
  "CONTENT_APPROVED",
  "SCHEDULED",
  "LIVE",
  "REPORTING",
  "REPORT_IN_REVIEW",
  "REPORT_APPROVED",
  "INVOICING",
  "CLOSED",
];
const OPEN = CHAIN.filter((s) => s !== "CLOSED");
const BACK: [CampaignStatus, CampaignStatus][] = [
  ["BRIEF_IN_REVIEW", "DRAFT"],
  ["SHORTLIST_IN_REVIEW", "SOURCING"],
  ["BUDGET_IN_REVIEW", "SHORTLIST_APPROVED"],
  ["CONTENT_IN_INTERNAL_REVIEW", "IN_PRODUCTION"],
  ["CONTENT_IN_CLIENT_REVIEW", "IN_PRODUCTION"],
  ["REPORT_IN_REVIEW", "REPORTING"],
];

/** from → to → the guards of that move (empty: unguarded). Absent: no such move. */
const EDGES = new Map<string, GuardCode[]>();
const edge = (from: CampaignStatus, to: CampaignStatus, guards: GuardCode[] = []) => EDGES.set(`${from}>${to}`, guards);
const ENTRY: Partial<Record<CampaignStatus, GuardCode[]>> = {
  BRIEF_IN_REVIEW: ["BRIEF_WRITTEN"],
  BRIEF_APPROVED: ["BRIEF_APPROVED"],
  SHORTLIST_IN_REVIEW: ["SHORTLIST_NOT_EMPTY"],
  SHORTLIST_APPROVED: ["SHORTLIST_APPROVED"],
  BUDGET_APPROVED: ["BUDGET_APPROVED"],
  CONTRACTED: ["ASSIGNMENTS_CONTRACTED"],
  CONTENT_APPROVED: ["CONTENT_APPROVED"],
  CLOSED: ["INVOICES_PAID", "PAYOUTS_SETTLED"],
};
for (let i = 0; i < CHAIN.length - 1; i++) edge(CHAIN[i], CHAIN[i + 1], ENTRY[CHAIN[i + 1]] ?? []);
for (const [from, to] of BACK) edge(from, to, ENTRY[to] ?? []);
edge("CONTENT_IN_INTERNAL_REVIEW", "CONTENT_APPROVED", ["CLIENT_SKIPS_CONTENT_REVIEW", "CONTENT_APPROVED"]);
for (const from of OPEN) {
  edge(from, "ON_HOLD");
  edge(from, "CANCELLED");
}
edge("ON_HOLD", "CANCELLED");

/** Every guard passes (and the client does not review content, so the shortcut is open). */
const passing = (status: CampaignStatus, statusBeforeHold: CampaignStatus | null = null): CampaignFacts => ({
  status,
  statusBeforeHold,
  hasBrief: true,
  briefRevision: 2,
  briefApproved: true,
  activeAssignments: 3,
  uncontractedAssignments: 0,
  shortlistRevision: 1,
  shortlistApproved: true,
  clientApprovesContent: false,
  budget: { approved: true },
  contentTasks: { total: 4, approved: 4 },
  clientInvoices: { total: 2, unpaid: 0 },
  payouts: { total: 3, unsettled: 0 },
});

/** Every guard fails. */
const failing = (status: CampaignStatus): CampaignFacts => ({
  status,
  statusBeforeHold: null,
  hasBrief: false,
  briefRevision: 1,
  briefApproved: false,
  activeAssignments: 0,
  uncontractedAssignments: 0,
  shortlistRevision: 0,
  shortlistApproved: false,
  clientApprovesContent: true,
  budget: "none",
  contentTasks: "none",
  clientInvoices: { total: 2, unpaid: 1 },
  payouts: { total: 2, unsettled: 2 },
});

const NOT_HOLD = ALL_STATUSES.filter((s) => s !== "ON_HOLD");

describe("campaign status machine: every pair of states", () => {
  it("has the 23 states of the design", () => {
    expect(ALL_STATUSES).toHaveLength(23);
    expect(new Set(ALL_STATUSES).size).toBe(23);
  });

  const pairs = NOT_HOLD.flatMap((from) => ALL_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)("%s → %s with every guard passing", (from, to) => {
    const result = checkTransition(passing(from), to);
    if (EDGES.has(`${from}>${to}`)) {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, code: "NO_SUCH_TRANSITION" });
      if (!result.ok) expect(result.message).toMatch(/cannot move from/i);
    }
  });

  it.each(pairs.filter(([from, to]) => (EDGES.get(`${from}>${to}`) ?? []).length > 0))(
    "%s → %s refused naming its first guard when guards fail",
    (from, to) => {
      const result = checkTransition(failing(from), to);
      const expected = EDGES.get(`${from}>${to}`)!;
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toBe(expected[0]);
        expect(result.message.length).toBeGreaterThan(5);
        expect(result.guards.map((g) => g.code)).toEqual(expected);
      }
    },
  );

  it.each(pairs.filter(([from, to]) => EDGES.has(`${from}>${to}`) && EDGES.get(`${from}>${to}`)!.length === 0))(
    "%s → %s is unguarded: allowed even when every guard fails",
    (from, to) => {
      expect(checkTransition(failing(from), to)).toMatchObject({ ok: true, guards: [] });
    },
  );

  it.each(NOT_HOLD)("nextStates(%s) lists exactly the moves of the design", (from) => {
    const expected = ALL_STATUSES.filter((to) => EDGES.has(`${from}>${to}`));
    expect([...nextStates(from)].sort()).toEqual([...expected].sort());
    expect(
      evaluateMoves(passing(from))
        .map((m) => m.to)
        .sort(),
    ).toEqual([...expected].sort());
  });
});

describe("ON_HOLD returns to exactly the state it left", () => {
  it.each(OPEN.map((left) => [left] as const))("on hold from %s", (left) => {
    const facts = failing("ON_HOLD");
    facts.statusBeforeHold = left;
    expect(nextStates("ON_HOLD", left)).toEqual([left, "CANCELLED"]);
    for (const to of ALL_STATUSES) {
      const result = checkTransition(facts, to);
      if (to === left || to === "CANCELLED") expect(result, `${to}`).toMatchObject({ ok: true });
      else expect(result, `${to}`).toMatchObject({ ok: false, code: "RESUME_TO_PREVIOUS_STATE" });
    }
  });
});

describe("guards in detail", () => {
  it("CLOSED: unpaid invoices first, then unsettled payouts; no invoices or payouts at all is fine", () => {
    const facts = passing("INVOICING");
    expect(checkTransition({ ...facts, clientInvoices: { total: 3, unpaid: 2 } }, "CLOSED")).toMatchObject({
      ok: false,
      code: "INVOICES_PAID",
      message: "2 client invoices not paid",
    });
    expect(checkTransition({ ...facts, payouts: { total: 3, unsettled: 1 } }, "CLOSED")).toMatchObject({
      ok: false,
      code: "PAYOUTS_SETTLED",
      message: "1 payout not settled",
    });
    expect(checkTransition({ ...facts, clientInvoices: "none", payouts: "none" }, "CLOSED")).toMatchObject({
      ok: true,
    });
  });

  it("CONTRACTED needs at least one active assignment and none left uncontracted", () => {
    const facts = passing("CONTRACTING");
    expect(checkTransition({ ...facts, activeAssignments: 0 }, "CONTRACTED")).toMatchObject({
      ok: false,
      code: "ASSIGNMENTS_CONTRACTED",
      message: "No influencer is assigned to this campaign",
    });
    expect(checkTransition({ ...facts, uncontractedAssignments: 2 }, "CONTRACTED")).toMatchObject({
      ok: false,
      code: "ASSIGNMENTS_CONTRACTED",
      message: "2 influencers not contracted yet",
    });
  });

  it("CONTENT_APPROVED needs content tasks, all approved", () => {
    const facts = passing("CONTENT_IN_CLIENT_REVIEW");
    expect(checkTransition({ ...facts, contentTasks: "none" }, "CONTENT_APPROVED")).toMatchObject({
      ok: false,
      code: "CONTENT_APPROVED",
      message: "The campaign has no content tasks",
    });
    expect(checkTransition({ ...facts, contentTasks: { total: 3, approved: 2 } }, "CONTENT_APPROVED")).toMatchObject({
      ok: false,
      message: "1 content task not approved yet",
    });
  });

  it("skipping client content review follows the campaign policy", () => {
    const facts = passing("CONTENT_IN_INTERNAL_REVIEW");
    expect(checkTransition({ ...facts, clientApprovesContent: true }, "CONTENT_APPROVED")).toMatchObject({
      ok: false,
      code: "CLIENT_SKIPS_CONTENT_REVIEW",
    });
    expect(checkTransition({ ...facts, clientApprovesContent: false }, "CONTENT_APPROVED")).toMatchObject({ ok: true });
    expect(checkTransition({ ...facts, clientApprovesContent: true }, "CONTENT_IN_CLIENT_REVIEW")).toMatchObject({
      ok: true,
    });
  });

  it("BUDGET_APPROVED: no budget and an unapproved budget are both refused", () => {
    const facts = passing("BUDGET_IN_REVIEW");
    expect(checkTransition({ ...facts, budget: "none" }, "BUDGET_APPROVED")).toMatchObject({
      ok: false,
      code: "BUDGET_APPROVED",
    });
    expect(checkTransition({ ...facts, budget: { approved: false } }, "BUDGET_APPROVED")).toMatchObject({
      ok: false,
      code: "BUDGET_APPROVED",
    });
  });

  it("brief guards name the revision", () => {
    expect(
      checkTransition({ ...passing("BRIEF_IN_REVIEW"), briefApproved: false, briefRevision: 3 }, "BRIEF_APPROVED"),
    ).toMatchObject({
      ok: false,
      code: "BRIEF_APPROVED",
      message: "Brief revision 3 has no approved brief approval",
    });
  });

  it("closed and cancelled campaigns go nowhere", () => {
    expect(nextStates("CLOSED")).toEqual([]);
    expect(nextStates("CANCELLED")).toEqual([]);
  });
});
