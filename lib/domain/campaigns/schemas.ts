import { z } from "zod";
import { afterParam } from "@/lib/domain/list-params";
import { text } from "@/lib/domain/text";
import { PLATFORMS } from "@/lib/domain/enums";
import { ALL_STATUSES } from "./status-machine";
import { RISK_LEVELS, WIZARD_STEPS } from "./values";
export { PLATFORM_LABELS, RISK_LEVELS, CAMPAIGN_CURRENCIES } from "./values";

// One source of input truth for the campaign forms (the wizard, the edit form) and the /api/campaigns handlers.

export { PLATFORMS };

const optionalText = (max: number, label: string) =>
  text({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

const optionalId = (message: string) =>
  z
    .union([z.uuid({ error: message }), z.literal(""), z.null()], { error: message })
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null));

/** A calendar day, "2026-05-31"; empty becomes null. */
const isoDate = (label: string) =>
  z
    .union([z.iso.date({ error: `${label}: use a date like 2026-05-31` }), z.literal(""), z.null()], {
      error: `${label}: use a date like 2026-05-31`,
    })
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null));

/** Money as a decimal string with at most two decimal places ("12500", "12500.50"); never a float. */
export const moneySchema = z
  .union([text(), z.number()], { error: "Enter an amount like 12500.00" })
  .transform((v) => String(v).trim().replace(/,/g, ""))
  .pipe(text().regex(/^(\d{1,12})(\.\d{1,2})?$|^$/, "Enter an amount like 12500.00 (at most two decimals)"))
  .transform((v) => (v === "" ? null : v));

const platformsSchema = z
  .union([z.array(text()), text()], { error: "Choose platforms" })
  .transform((v) => [
    ...new Set((Array.isArray(v) ? v : v.split(",")).map((p) => p.trim().toUpperCase()).filter(Boolean)),
  ])
  .pipe(z.array(z.enum(PLATFORMS, { error: `Platforms are ${PLATFORMS.join(", ")}` })).max(PLATFORMS.length));

export const policySchema = z
  .object({
    clientApprovesBrief: z.boolean({ error: "clientApprovesBrief must be true or false" }).optional(),
    clientApprovesShortlist: z.boolean({ error: "clientApprovesShortlist must be true or false" }).optional(),
    clientApprovesContent: z.boolean({ error: "clientApprovesContent must be true or false" }).optional(),
    financeThreshold: moneySchema.optional(),
  })
  .strict();

// Base shape with no defaults and no refinements: the wizard picks one step's fields from it, and an update
// names only what it changes.
export const campaignFields = z.object({
  clientId: z.uuid({ error: "Choose a client" }),
  name: text({ error: "Enter the campaign's name" })
    .trim()
    .min(1, "Enter the campaign's name")
    .max(160, "Name must be at most 160 characters"),
  objective: optionalText(2000, "Objective"),
  brief: optionalText(50_000, "Brief"),
  platforms: platformsSchema,
  startDate: isoDate("Start date"),
  endDate: isoDate("End date"),
  plannedBudget: moneySchema.nullish().transform((v) => v ?? null),
  currency: text({ error: "Choose a currency" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO currency code, e.g. EUR"),
  ownerId: optionalId("Choose an owner"),
  directorId: optionalId("Choose a director"),
  policy: policySchema.optional(),
});

type Dated = { startDate?: string | null; endDate?: string | null };
const endAfterStart = (value: Dated, ctx: z.RefinementCtx) => {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date must be on or after the start date" });
  }
};

export const createCampaignSchema = campaignFields
  .extend({
    platforms: platformsSchema.optional().transform((v) => v ?? []),
    currency: campaignFields.shape.currency.optional(),
  })
  .superRefine(endAfterStart);

/** The wizard's steps, each checked on "Next" with the fields it shows. */
export const wizardSteps = [
  {
    ...WIZARD_STEPS[0],
    schema: campaignFields.pick({ clientId: true, name: true, objective: true }),
  },
  {
    ...WIZARD_STEPS[1],
    schema: campaignFields
      .pick({ startDate: true, endDate: true, plannedBudget: true, currency: true })
      .extend({ platforms: platformsSchema.optional() })
      .superRefine(endAfterStart),
  },
  { ...WIZARD_STEPS[2], schema: campaignFields.pick({ ownerId: true, directorId: true }) },
  { ...WIZARD_STEPS[3], schema: campaignFields.pick({ brief: true }) },
] as const;

export const updateCampaignSchema = campaignFields
  .omit({ clientId: true })
  .partial()
  .extend({
    version: z
      .number({ error: "The version you edited is required" })
      .int()
      .positive("The version you edited is required"),
  })
  .strict()
  .superRefine(endAfterStart);

export const CAMPAIGN_SORTS = [
  "name",
  "status",
  "startDate",
  "endDate",
  "riskScore",
  "createdAt",
  "updatedAt",
] as const;

const listOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .union([z.array(text()), text()])
    .optional()
    .transform((v) =>
      v === undefined ? [] : (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `Unknown ${label}` })));

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const listCampaignsSchema = z
  .object({
    q: text().trim().max(100, "Search must be at most 100 characters").optional(),
    clientId: z.preprocess(emptyToUndefined, z.uuid({ error: "clientId is not valid" }).optional()),
    ownerId: z.preprocess(emptyToUndefined, z.uuid({ error: "ownerId is not valid" }).optional()),
    status: listOf(ALL_STATUSES, "status"),
    riskLevel: listOf(RISK_LEVELS, "risk level"),
    from: z.preprocess(emptyToUndefined, z.iso.date({ error: "from: use a date like 2026-05-31" }).optional()),
    to: z.preprocess(emptyToUndefined, z.iso.date({ error: "to: use a date like 2026-05-31" }).optional()),
    sort: z.enum(CAMPAIGN_SORTS, { error: `sort must be one of ${CAMPAIGN_SORTS.join(", ")}` }).default("updatedAt"),
    dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("desc"),
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
      .optional(),
    cursor: z.uuid({ error: "cursor is not valid" }).optional(),
    after: afterParam(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "to must be on or after from" });
  });

export const boardFiltersSchema = z.object({
  q: text().trim().max(100, "Search must be at most 100 characters").optional(),
  clientId: z.preprocess(emptyToUndefined, z.uuid({ error: "clientId is not valid" }).optional()),
  ownerId: z.preprocess(emptyToUndefined, z.uuid({ error: "ownerId is not valid" }).optional()),
  perColumn: z.coerce.number().int().min(1).max(100).default(25),
});

export const transitionSchema = z
  .object({
    to: z.enum(ALL_STATUSES, { error: "Choose a status to move to" }),
    reason: optionalText(1000, "Reason"),
  })
  .strict();

export type CreateCampaignInput = z.input<typeof createCampaignSchema>;
export type UpdateCampaignInput = z.input<typeof updateCampaignSchema>;
export type ListCampaignsInput = z.input<typeof listCampaignsSchema>;
