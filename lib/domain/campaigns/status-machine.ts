import type { CampaignStatus } from "@/lib/generated/prisma/enums";

// The campaign status machine of DESIGN.md 3, pure: no database, no session. The edges say which moves
// exist; the guards, evaluated over CampaignFacts, say whether a move may happen now. A refused move
// names the guard that failed with a stable code and a sentence a person can act on.

/** The forward chain, in order. */
export const FORWARD_CHAIN = [
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
] as const satisfies readonly CampaignStatus[];

export const ALL_STATUSES = [...FORWARD_CHAIN, "ON_HOLD", "CANCELLED"] as const satisfies readonly CampaignStatus[];

/** Review states step back when changes are requested. */
export const STEP_BACK: Partial<Record<CampaignStatus, CampaignStatus>> = {
  BRIEF_IN_REVIEW: "DRAFT",
  SHORTLIST_IN_REVIEW: "SOURCING",
  BUDGET_IN_REVIEW: "SHORTLIST_APPROVED",
  CONTENT_IN_INTERNAL_REVIEW: "IN_PRODUCTION",
  CONTENT_IN_CLIENT_REVIEW: "IN_PRODUCTION",
  REPORT_IN_REVIEW: "REPORTING",
};

/** Open: the campaign is being worked on (not closed, cancelled or already on hold). */
export function isOpen(status: CampaignStatus): boolean {
  return status !== "CLOSED" && status !== "CANCELLED" && status !== "ON_HOLD";
}

export const STATUS_LABELS: Record<CampaignStatus, string> = Object.fromEntries(
  ALL_STATUSES.map((s) => [s, s.charAt(0) + s.slice(1).toLowerCase().replaceAll("_", " ")]),
) as Record<CampaignStatus, string>;

/**
 * What the guards look at. Budget, client invoices and payouts come from the campaign's financial objects
 * (load-campaign-facts.ts financeFacts); content tasks arrive with issue 4. "none" means no such rows exist.
 */
export type CampaignFacts = {
  status: CampaignStatus;
  statusBeforeHold: CampaignStatus | null;
  /** A brief text that is not blank. */
  hasBrief: boolean;
  briefRevision: number;
  /** An APPROVED or APPROVED_WITH_CONDITIONS BRIEF approval exists for the current briefRevision. */
  briefApproved: boolean;
  /** Assignments not DROPPED, DECLINED or CLIENT_REJECTED. */
  activeAssignments: number;
  /** Active assignments not yet CONTRACTED, ACTIVE or COMPLETED. */
  uncontractedAssignments: number;
  shortlistRevision: number;
  /** An approved SHORTLIST approval exists for the current shortlistRevision. */
  shortlistApproved: boolean;
  /** Campaign policy: the client approves content (default true). */
  clientApprovesContent: boolean;
  budget: { approved: boolean } | "none";
  contentTasks: { total: number; approved: number } | "none";
  clientInvoices: { total: number; unpaid: number } | "none";
  payouts: { total: number; unsettled: number } | "none";
};

export type GuardCode =
  | "BRIEF_WRITTEN"
  | "BRIEF_APPROVED"
  | "SHORTLIST_NOT_EMPTY"
  | "SHORTLIST_APPROVED"
  | "BUDGET_APPROVED"
  | "ASSIGNMENTS_CONTRACTED"
  | "CLIENT_SKIPS_CONTENT_REVIEW"
  | "CONTENT_APPROVED"
  | "INVOICES_PAID"
  | "PAYOUTS_SETTLED";

/** Why a move is refused: a guard, or because the move does not exist at all. */
export type RefusalCode = GuardCode | "NO_SUCH_TRANSITION" | "RESUME_TO_PREVIOUS_STATE";

export type GuardResult = { code: GuardCode; ok: boolean; message: string };
export type TransitionCheck =
  { ok: true; guards: GuardResult[] } | { ok: false; code: RefusalCode; message: string; guards: GuardResult[] };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const GUARDS: Record<GuardCode, (f: CampaignFacts) => GuardResult> = {
  BRIEF_WRITTEN: (f) => ({
    code: "BRIEF_WRITTEN",
    ok: f.hasBrief,
    message: f.hasBrief ? "A brief is written" : "Write the brief first",
  }),
  BRIEF_APPROVED: (f) => ({
    code: "BRIEF_APPROVED",
    ok: f.briefApproved,
    message: f.briefApproved
      ? `Brief revision ${f.briefRevision} is approved`
      : `Brief revision ${f.briefRevision} has no approved brief approval`,
  }),
  SHORTLIST_NOT_EMPTY: (f) => ({
    code: "SHORTLIST_NOT_EMPTY",
    ok: f.activeAssignments > 0,
    message:
      f.activeAssignments > 0
        ? `${plural(f.activeAssignments, "influencer")} on the shortlist`
        : "Add at least one influencer to the shortlist",
  }),
  SHORTLIST_APPROVED: (f) => ({
    code: "SHORTLIST_APPROVED",
    ok: f.shortlistApproved,
    message: f.shortlistApproved
      ? `Shortlist revision ${f.shortlistRevision} is approved`
      : `Shortlist revision ${f.shortlistRevision} has no approved shortlist approval`,
  }),
  BUDGET_APPROVED: (f) => {
    const ok = f.budget !== "none" && f.budget.approved;
    return {
      code: "BUDGET_APPROVED",
      ok,
      message: ok ? "The budget is approved" : "No approved budget for this campaign",
    };
  },
  ASSIGNMENTS_CONTRACTED: (f) => {
    const ok = f.activeAssignments > 0 && f.uncontractedAssignments === 0;
    const message = ok
      ? "Every influencer is contracted"
      : f.activeAssignments === 0
        ? "No influencer is assigned to this campaign"
        : `${plural(f.uncontractedAssignments, "influencer")} not contracted yet`;
    return { code: "ASSIGNMENTS_CONTRACTED", ok, message };
  },
  CLIENT_SKIPS_CONTENT_REVIEW: (f) => ({
    code: "CLIENT_SKIPS_CONTENT_REVIEW",
    ok: !f.clientApprovesContent,
    message: f.clientApprovesContent
      ? "The campaign policy says the client approves content: send it to the client"
      : "The client does not review content",
  }),
  CONTENT_APPROVED: (f) => {
    const tasks = f.contentTasks === "none" ? { total: 0, approved: 0 } : f.contentTasks;
    const ok = tasks.total > 0 && tasks.approved === tasks.total;
    const message = ok
      ? "All content is approved"
      : tasks.total === 0
        ? "The campaign has no content tasks"
        : `${plural(tasks.total - tasks.approved, "content task")} not approved yet`;
    return { code: "CONTENT_APPROVED", ok, message };
  },
  INVOICES_PAID: (f) => {
    const unpaid = f.clientInvoices === "none" ? 0 : f.clientInvoices.unpaid;
    return {
      code: "INVOICES_PAID",
      ok: unpaid === 0,
      message: unpaid === 0 ? "Every client invoice is paid" : `${plural(unpaid, "client invoice")} not paid`,
    };
  },
  PAYOUTS_SETTLED: (f) => {
    const open = f.payouts === "none" ? 0 : f.payouts.unsettled;
    return {
      code: "PAYOUTS_SETTLED",
      ok: open === 0,
      message: open === 0 ? "Every payout is settled" : `${plural(open, "payout")} not settled`,
    };
  },
};

/** Guards of entering a state (any move into it, except returning from hold). */
const ENTRY_GUARDS: Partial<Record<CampaignStatus, GuardCode[]>> = {
  BRIEF_IN_REVIEW: ["BRIEF_WRITTEN"],
  BRIEF_APPROVED: ["BRIEF_APPROVED"],
  SHORTLIST_IN_REVIEW: ["SHORTLIST_NOT_EMPTY"],
  SHORTLIST_APPROVED: ["SHORTLIST_APPROVED"],
  BUDGET_APPROVED: ["BUDGET_APPROVED"],
  CONTRACTED: ["ASSIGNMENTS_CONTRACTED"],
  CONTENT_APPROVED: ["CONTENT_APPROVED"],
  CLOSED: ["INVOICES_PAID", "PAYOUTS_SETTLED"],
};

/** The shortcut past client content review exists only when the policy says the client does not approve content. */
const EDGE_GUARDS: Partial<Record<`${CampaignStatus}>${CampaignStatus}`, GuardCode[]>> = {
  "CONTENT_IN_INTERNAL_REVIEW>CONTENT_APPROVED": ["CLIENT_SKIPS_CONTENT_REVIEW"],
};

/** Every state reachable from `status` in one move, ignoring guards (for menus; the board). */
export function nextStates(status: CampaignStatus, statusBeforeHold: CampaignStatus | null = null): CampaignStatus[] {
  if (status === "CLOSED" || status === "CANCELLED") return [];
  if (status === "ON_HOLD") return [...(statusBeforeHold ? [statusBeforeHold] : []), "CANCELLED"];
  const result: CampaignStatus[] = [];
  const index = FORWARD_CHAIN.indexOf(status);
  if (index >= 0 && index < FORWARD_CHAIN.length - 1) result.push(FORWARD_CHAIN[index + 1]);
  if (status === "CONTENT_IN_INTERNAL_REVIEW") result.push("CONTENT_APPROVED");
  const back = STEP_BACK[status];
  if (back) result.push(back);
  result.push("ON_HOLD", "CANCELLED");
  return result;
}

/** Whether `from → to` may happen now, with every guard of the move evaluated. */
export function checkTransition(facts: CampaignFacts, to: CampaignStatus): TransitionCheck {
  const from = facts.status;
  if (from === "ON_HOLD" && to !== "CANCELLED" && to !== facts.statusBeforeHold) {
    const left = facts.statusBeforeHold ? STATUS_LABELS[facts.statusBeforeHold] : "its previous state";
    return {
      ok: false,
      code: "RESUME_TO_PREVIOUS_STATE",
      message: `A campaign on hold returns to the state it left (${left})`,
      guards: [],
    };
  }
  if (!nextStates(from, facts.statusBeforeHold).includes(to)) {
    return {
      ok: false,
      code: "NO_SUCH_TRANSITION",
      message: `A campaign cannot move from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}`,
      guards: [],
    };
  }
  const codes =
    from === "ON_HOLD" || to === "ON_HOLD" || to === "CANCELLED"
      ? []
      : [...(EDGE_GUARDS[`${from}>${to}`] ?? []), ...(ENTRY_GUARDS[to] ?? [])];
  const guards = codes.map((code) => GUARDS[code](facts));
  const failed = guards.find((g) => !g.ok);
  return failed ? { ok: false, code: failed.code, message: failed.message, guards } : { ok: true, guards };
}

export type MoveOption = { to: CampaignStatus; check: TransitionCheck };

/** The moves the UI offers from the campaign's state, each with its guard results. */
export function evaluateMoves(facts: CampaignFacts): MoveOption[] {
  return nextStates(facts.status, facts.statusBeforeHold).map((to) => ({ to, check: checkTransition(facts, to) }));
}

export type Phase = { key: string; label: string; statuses: CampaignStatus[] };

/** The board's columns. */
export const PHASES: Phase[] = [
  {
    key: "planning",
    label: "Planning",
    statuses: ["DRAFT", "BRIEF_IN_REVIEW", "BRIEF_APPROVED", "SOURCING", "SHORTLIST_IN_REVIEW", "SHORTLIST_APPROVED"],
  },
  {
    key: "budget",
    label: "Budget & contracts",
    statuses: ["BUDGET_IN_REVIEW", "BUDGET_APPROVED", "CONTRACTING", "CONTRACTED"],
  },
  {
    key: "production",
    label: "Production",
    statuses: [
      "IN_PRODUCTION",
      "CONTENT_IN_INTERNAL_REVIEW",
      "CONTENT_IN_CLIENT_REVIEW",
      "CONTENT_APPROVED",
      "SCHEDULED",
    ],
  },
  { key: "live", label: "Live & reporting", statuses: ["LIVE", "REPORTING", "REPORT_IN_REVIEW", "REPORT_APPROVED"] },
  { key: "closing", label: "Closing", statuses: ["INVOICING", "CLOSED"] },
  { key: "on-hold", label: "On hold", statuses: ["ON_HOLD"] },
  { key: "cancelled", label: "Cancelled", statuses: ["CANCELLED"] },
];
