import { z } from "zod";
import { afterParam } from "@/lib/domain/list-params";
import { text } from "@/lib/domain/text";

// One source of input truth for the approval forms and the /api/approvals handlers.

/** The approval types this issue can request; later issues add BUDGET, SCRIPT, CONTENT, REPORT, INVOICE. */
export const REQUESTABLE_TYPES = ["BRIEF", "SHORTLIST"] as const;

export const requestApprovalSchema = z.object({
  type: z.enum(REQUESTABLE_TYPES, { error: `type must be one of ${REQUESTABLE_TYPES.join(", ")}` }),
  message: text().trim().max(2000, "Message must be at most 2000 characters").optional(),
});

export const DECISIONS = ["APPROVED", "APPROVED_WITH_CONDITIONS", "CHANGES_REQUESTED", "REJECTED"] as const;
export type Decision = (typeof DECISIONS)[number];

const optionalText = (max: number, label: string) =>
  text()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

export const lineDecisionSchema = z.object({
  lineId: z.uuid({ error: "Not a valid line id" }),
  decision: z.enum(["APPROVED", "REJECTED"], { error: "A line decision is APPROVED or REJECTED" }),
  note: optionalText(1000, "Line note"),
});

export const decideApprovalSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: `decision must be one of ${DECISIONS.join(", ")}` }),
    conditions: optionalText(4000, "Conditions"),
    note: optionalText(4000, "Note"),
    /** Per-influencer decisions on a shortlist; lines left out follow the overall decision. */
    lines: z.array(lineDecisionSchema).max(500, "At most 500 lines").optional(),
  })
  .superRefine((input, issue) => {
    if (input.decision === "APPROVED_WITH_CONDITIONS" && !input.conditions) {
      issue.addIssue({ code: "custom", path: ["conditions"], message: "Write the conditions of your approval" });
    }
    if (input.decision === "CHANGES_REQUESTED" && !input.note) {
      issue.addIssue({ code: "custom", path: ["note"], message: "Say which changes you need" });
    }
    if (input.decision === "CHANGES_REQUESTED" && input.lines?.length) {
      issue.addIssue({
        code: "custom",
        path: ["lines"],
        message: "Per-influencer decisions go with an approval or a rejection, not with a change request",
      });
    }
    const ids = input.lines?.map((l) => l.lineId) ?? [];
    if (new Set(ids).size !== ids.length)
      issue.addIssue({ code: "custom", path: ["lines"], message: "Each line may be decided once" });
  });
export type DecideApprovalInput = z.input<typeof decideApprovalSchema>;

/** { seconds } in a video, or { x, y, w, h } in 0..1 of an image. */
export const anchorSchema = z.union(
  [
    z
      .object({
        seconds: z.number({ error: "seconds must be a number" }).min(0, "seconds must be at least 0").max(86_400),
      })
      .strict(),
    z
      .object({
        x: z.number().min(0).max(1),
        y: z.number().min(0).max(1),
        w: z.number().min(0).max(1),
        h: z.number().min(0).max(1),
      })
      .strict(),
  ],
  { error: "anchor is { seconds } or { x, y, w, h } with values from 0 to 1" },
);

export const commentSchema = z.object({
  body: text({ error: "Write a comment" })
    .trim()
    .min(1, "Write a comment")
    .max(5000, "A comment must be at most 5000 characters"),
  anchor: anchorSchema.nullish().transform((v) => v ?? null),
  internal: z.boolean({ error: "internal must be true or false" }).default(false),
});

export const listQueueSchema = z.object({
  status: z.enum(["PENDING", "DECIDED", "ALL"], { error: "status must be PENDING, DECIDED or ALL" }).default("PENDING"),
  take: z.coerce
    .number({ error: "take must be a number" })
    .int()
    .min(1, "take must be at least 1")
    .max(100, "take must be at most 100")
    .default(25),
  page: z.coerce
    .number({ error: "page must be a number" })
    .int()
    .min(1, "page must be at least 1")
    .max(10000)
    .default(1),
  after: afterParam(),
});

export const APPROVAL_STATUS_LABELS: Record<string, string> = {
  PENDING: "Pending",
  APPROVED: "Approved",
  APPROVED_WITH_CONDITIONS: "Approved with conditions",
  CHANGES_REQUESTED: "Changes requested",
  REJECTED: "Rejected",
  EXPIRED: "Expired",
  SUPERSEDED: "Superseded",
  CANCELLED: "Cancelled",
};

export const APPROVAL_TYPE_LABELS: Record<string, string> = {
  BRIEF: "Brief",
  SHORTLIST: "Shortlist",
  BUDGET: "Budget",
  SCRIPT: "Script",
  CONTENT: "Content",
  REPORT: "Report",
  INVOICE: "Invoice",
  FINANCE: "Finance",
};

/** What the approver saw of a shortlist, frozen at request time. */
export type ShortlistSnapshot = {
  currency: string;
  lines: {
    lineId: string;
    influencerId: string;
    name: string;
    handles: { platform: string; handle: string }[];
    proposedFee: string | null;
    currency: string;
    deliverableType: string | null;
  }[];
};
export type BriefSnapshot = { brief: string; revision: number; campaignName: string };
