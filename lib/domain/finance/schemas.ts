import { z } from "zod";
import { text } from "@/lib/domain/text";
import { FINANCIAL_TYPES, CREATABLE_TYPES, FINANCIAL_STATUSES, FINANCIAL_CATEGORIES } from "./values";
export {
  FINANCIAL_TYPES,
  CREATABLE_TYPES,
  FINANCIAL_STATUSES,
  FINANCIAL_CATEGORIES,
  TYPE_LABELS,
  STATUS_LABELS,
  CATEGORY_LABELS,
  type CreatableType,
} from "./values";

// One source of input truth for the finance forms and the /api/finance handlers.

/** What a person creates with lines; payments and payouts are made by record-payment and schedule-payout. */

/** Money as a decimal string with at most two decimals ("12500", "12500.50"); numbers are accepted as typed, never computed with. */
export const amountSchema = (label: string) =>
  z
    .union([text(), z.number()], { error: `${label}: enter an amount like 1250.00` })
    .transform((v) => String(v).trim().replace(/,/g, ""))
    .pipe(text().regex(/^\d{1,12}(\.\d{1,2})?$/, `${label}: enter an amount like 1250.00 (at most two decimals)`));

const positiveAmount = (label: string) =>
  amountSchema(label).refine((v) => /[1-9]/.test(v), `${label} must be more than 0`);

const quantitySchema = z
  .union([text(), z.number()], { error: "Quantity: enter a number like 1 or 2.5" })
  .transform((v) => String(v).trim())
  .pipe(text().regex(/^\d{1,9}(\.\d{1,3})?$/, "Quantity: enter a number like 1 or 2.5 (at most three decimals)"))
  .refine((v) => /[1-9]/.test(v), "Quantity must be more than 0");

const taxRateSchema = z
  .union([text(), z.number()], { error: "Tax rate: enter a percentage like 20" })
  .transform((v) => String(v).trim().replace(/%$/, ""))
  .pipe(text().regex(/^\d{1,3}(\.\d{1,2})?$/, "Tax rate: enter a percentage like 20 or 7.5"))
  .refine((v) => Number(v) <= 100, "Tax rate must be at most 100%");

const currencySchema = text({ error: "Currency: use a code like EUR" })
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(text().regex(/^[A-Z]{3}$/, "Currency: use a three-letter code like EUR"))
  .refine((code) => {
    try {
      new Intl.NumberFormat("en", { style: "currency", currency: code });
      return Intl.supportedValuesOf("currency").includes(code);
    } catch {
      return false;
    }
  }, "Currency: not a known ISO 4217 code");

const optionalText = (max: number, label: string) =>
  text()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

const isoDate = (label: string) => z.iso.date({ error: `${label}: use a date like 2026-05-31` });

export const lineSchema = z.object({
  category: z
    .enum(FINANCIAL_CATEGORIES, { error: `category must be one of ${FINANCIAL_CATEGORIES.join(", ")}` })
    .nullish()
    .transform((v) => v ?? null),
  description: text({ error: "Describe the line" })
    .trim()
    .min(1, "Describe the line")
    .max(500, "Description must be at most 500 characters"),
  quantity: quantitySchema.default("1"),
  unitPrice: amountSchema("Unit price"),
  taxRate: taxRateSchema.default("0"),
});
export type LineInput = z.output<typeof lineSchema>;

const linesSchema = z
  .array(lineSchema, { error: "Add at least one line" })
  .min(1, "Add at least one line")
  .max(200, "At most 200 lines");

export const createFinancialObjectSchema = z.object({
  campaignId: z.uuid({ error: "Choose a campaign" }),
  type: z.enum(CREATABLE_TYPES, { error: `type must be one of ${CREATABLE_TYPES.join(", ")}` }),
  title: text({ error: "Enter a title" })
    .trim()
    .min(1, "Enter a title")
    .max(200, "Title must be at most 200 characters"),
  /** Defaults to the campaign's currency. */
  currency: currencySchema.optional(),
  lines: linesSchema,
  influencerId: z
    .uuid({ error: "Not a valid influencer id" })
    .nullish()
    .transform((v) => v ?? null),
  externalRef: optionalText(100, "External reference"),
  internalNotes: optionalText(4000, "Internal notes"),
  dueDate: isoDate("Due date")
    .nullish()
    .transform((v) => v ?? null),
});
export type CreateFinancialObjectInput = z.input<typeof createFinancialObjectSchema>;

export const reviseFinancialObjectSchema = z.object({
  /** The version read: a stale save is refused (409). */
  version: z.number({ error: "version must be a number" }).int().min(1),
  reason: text({ error: "Say why it changes" })
    .trim()
    .min(1, "Say why it changes")
    .max(1000, "Reason must be at most 1000 characters"),
  title: text().trim().min(1, "Enter a title").max(200, "Title must be at most 200 characters").optional(),
  lines: linesSchema.optional(),
  externalRef: optionalText(100, "External reference").optional(),
  internalNotes: optionalText(4000, "Internal notes").optional(),
  dueDate: isoDate("Due date").nullish().optional(),
});
export type ReviseFinancialObjectInput = z.input<typeof reviseFinancialObjectSchema>;

export const submitSchema = z.object({ message: optionalText(2000, "Message").optional() }).default({});

export const decideSchema = z
  .object({
    decision: z.enum(["APPROVED", "REJECTED"], { error: "decision must be APPROVED or REJECTED" }),
    reason: optionalText(2000, "Reason"),
    /** The revision the decider looked at: when given, the decision lands only on that revision. */
    revision: z
      .number({ error: "revision must be a whole number" })
      .int("revision must be a whole number")
      .positive("revision must be a whole number")
      .optional(),
  })
  .superRefine((input, issue) => {
    if (input.decision === "REJECTED" && !input.reason)
      issue.addIssue({ code: "custom", path: ["reason"], message: "Say why you reject it" });
  });
export type DecideInput = z.input<typeof decideSchema>;

export const issueSchema = z.object({
  issueDate: isoDate("Issue date").optional(),
  dueDate: isoDate("Due date"),
});
export type IssueInput = z.input<typeof issueSchema>;

export const paymentSchema = z.object({
  amount: positiveAmount("Amount"),
  paidAt: isoDate("Paid on"),
  reference: optionalText(100, "Reference"),
});
export type PaymentInput = z.input<typeof paymentSchema>;

export const voidSchema = z.object({
  reason: text({ error: "Say why it is void" })
    .trim()
    .min(1, "Say why it is void")
    .max(1000, "Reason must be at most 1000 characters"),
});

export const payoutSchema = z.object({
  scheduledFor: isoDate("Scheduled for"),
  /** Defaults to what is still owed on the invoice. */
  amount: positiveAmount("Amount").optional(),
});
export type PayoutInput = z.input<typeof payoutSchema>;

export const markPayoutSentSchema = z.object({
  paidAt: isoDate("Sent on").optional(),
  reference: optionalText(100, "Reference"),
});

const csvList = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .union([text(), z.array(text())])
    .transform((v) => [
      ...new Set((Array.isArray(v) ? v : v.split(",")).map((s) => s.trim().toUpperCase()).filter(Boolean)),
    ])
    .pipe(z.array(z.enum(values, { error: `${label} must be among ${values.join(", ")}` })))
    .optional();

const filterFields = {
  type: csvList(FINANCIAL_TYPES, "type"),
  status: csvList(FINANCIAL_STATUSES, "status"),
  campaignId: z.uuid({ error: "Not a valid campaign id" }).optional(),
  clientId: z.uuid({ error: "Not a valid client id" }).optional(),
  influencerId: z.uuid({ error: "Not a valid influencer id" }).optional(),
  currency: currencySchema.optional(),
  minAmount: amountSchema("Minimum amount").optional(),
  maxAmount: amountSchema("Maximum amount").optional(),
  /** Only items at least this many days old. */
  minAgeDays: z.coerce.number({ error: "minAgeDays must be a number" }).int().min(0).max(3650).optional(),
  q: text().trim().max(100).optional(),
};

export const listFinancialObjectsSchema = z.object({
  ...filterFields,
  cursor: z.uuid({ error: "cursor is not valid for this list" }).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  take: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListFinancialObjectsInput = z.input<typeof listFinancialObjectsSchema>;

/**
 * The queue's total is counted exactly up to this many items; beyond it the answer is "more than
 * FINANCE_QUEUE_COUNT_CAP" (`total` = the cap, `totalCapped` = true; the pages show "1,000+"). Counting 20,055
 * pending items exactly on every page load was the largest single cost of the queue (docs/decisions.md).
 */
export const FINANCE_QUEUE_COUNT_CAP = 1000;

export const queueFiltersSchema = z.object({
  type: filterFields.type,
  campaignId: filterFields.campaignId,
  clientId: filterFields.clientId,
  currency: filterFields.currency,
  minAmount: filterFields.minAmount,
  maxAmount: filterFields.maxAmount,
  minAgeDays: filterFields.minAgeDays,
  take: z.coerce
    .number({ error: "take must be a number" })
    .int()
    .min(1, "take must be at least 1")
    .max(200, "take must be at most 200")
    .default(25),
  /** Keyset position: the `nextCursor` of the page before (the last item's request time and id). */
  after: text()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      "after is not a position in this queue: use the nextCursor of the page before",
    )
    .optional(),
});
export type QueueFilters = z.input<typeof queueFiltersSchema>;

export const compareSchema = z.object({
  from: z.coerce.number({ error: "from must be a revision number" }).int().min(1),
  to: z.coerce.number({ error: "to must be a revision number" }).int().min(1),
});
