import { z } from "zod";
import { text } from "@/lib/domain/text";
import { DELIVERABLE_TYPES } from "@/lib/domain/enums";

// One source of input truth for the shortlist builder and /api/campaigns/:id/shortlist.

export { DELIVERABLE_TYPES };

/** Money as a decimal string with at most two decimals ("1500", "1500.50"); never a float. */
export const feeSchema = z
  .union([text(), z.number()], { error: "Enter the fee as a number, e.g. 1500.00" })
  .transform((v) => String(v).trim().replace(",", "."))
  .pipe(text().regex(/^\d{1,12}(\.\d{1,2})?$/, "Enter the fee as a number with at most two decimals, e.g. 1500.00"));

const optionalFee = z
  .union([feeSchema, z.literal(""), z.null()])
  .optional()
  .transform((v) => (v === "" ? null : v));

export const addToShortlistSchema = z.object({
  influencerId: z.uuid({ error: "Choose an influencer" }),
  /** Left out: taken from the influencer's rate card for the campaign's platforms. */
  proposedFee: optionalFee,
  deliverableType: z.enum(DELIVERABLE_TYPES, { error: "Choose a deliverable type" }).nullish(),
  notes: text().trim().max(2000, "Notes must be at most 2000 characters").nullish(),
});

export const updateShortlistSchema = z
  .object({
    proposedFee: optionalFee,
    deliverableType: z.enum(DELIVERABLE_TYPES, { error: "Choose a deliverable type" }).nullish(),
    notes: text().trim().max(2000, "Notes must be at most 2000 characters").nullish(),
  })
  .refine((v) => v.proposedFee !== undefined || v.deliverableType !== undefined || v.notes !== undefined, {
    message: "Name what to change: proposedFee, deliverableType or notes",
    path: ["proposedFee"],
  });

/** Assignments still on the shortlist (before an offer): they may be edited and removed. */
export const SHORTLIST_STATUSES = ["SHORTLISTED", "PROPOSED", "CLIENT_APPROVED", "CLIENT_REJECTED"] as const;
