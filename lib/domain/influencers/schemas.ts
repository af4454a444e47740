import { z } from "zod";
import { text } from "@/lib/domain/text";
import { CURRENCIES } from "@/lib/domain/clients/schemas";
import { DELIVERABLE_TYPES, PLATFORMS } from "@/lib/domain/enums";
import { INFLUENCER_STATUSES, PROFILE_TYPES } from "./values";
export { INFLUENCER_STATUSES, PROFILE_TYPES } from "./values";

// One source of input truth for the influencer forms, the /api/influencers handlers and the CSV import.

export { DELIVERABLE_TYPES, PLATFORMS };
export { CURRENCIES };

/** "  @Lumiere.Beauty " → "lumiere.beauty": the form the database CHECK and the unique index expect. */
export function normalizeHandle(raw: string): string {
  return raw.trim().replace(/^@+/, "").trim().toLowerCase();
}

export const handleSchema = text({ error: "Enter the handle" })
  .transform(normalizeHandle)
  .pipe(
    text()
      .min(1, "Enter the handle")
      .max(100, "A handle has at most 100 characters")
      .regex(/^[^\s@/]+$/, "A handle has no spaces, @ or / inside"),
  );

const optionalText = (max: number, label: string) =>
  text()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A comma-separated string or an array → lower-cased, de-duplicated list. */
const listSchema = (label: string, max = 20) =>
  z
    .union([z.array(text()), text()])
    .nullish()
    .transform((v) => {
      const list = Array.isArray(v) ? v : (v ?? "").split(/[,;|]/);
      return [...new Set(list.map((t) => t.trim().toLowerCase()).filter(Boolean))];
    })
    .pipe(
      z.array(text().max(40, `Each ${label} must be at most 40 characters`)).max(max, `Use at most ${max} ${label}s`),
    );

const languagesSchema = listSchema("language").pipe(
  z.array(text().regex(/^[a-z]{2}$/, "Use two-letter language codes, e.g. en, de")),
);

const countrySchema = text()
  .trim()
  .toUpperCase()
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(z.union([text().regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. DE"), z.null()]));

const emailSchema = text()
  .trim()
  .toLowerCase()
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(z.union([z.email({ error: "Enter a valid e-mail address" }).max(254), z.null()]));

const displayNameSchema = text({ error: "Enter the display name" })
  .trim()
  .min(1, "Enter the display name")
  .max(120, "Display name must be at most 120 characters");

const platformSchema = z.enum(PLATFORMS, { error: "Choose a platform" });

const countSchema = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(2_000_000_000, `${label} is too large`);

/** Percent with up to 3 decimals, 0–100; empty → null. */
const engagementSchema = z
  .union([text(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null || v === "" ? null : Number(String(v).trim().replace(/%$/, ""))))
  .pipe(
    z.union([
      z.null(),
      z
        .number({ error: "Engagement rate must be a number" })
        .min(0, "Engagement rate cannot be negative")
        .max(100, "Engagement rate is a percentage (0–100)"),
    ]),
  );

// ---- profiles

export const createStubSchema = z.object({
  displayName: displayNameSchema,
  platform: platformSchema,
  handle: handleSchema,
  followers: countSchema("Followers").nullish(),
  engagementRate: engagementSchema,
});

const profileFields = z.object({
  displayName: displayNameSchema,
  legalName: optionalText(200, "Legal name"),
  email: emailSchema,
  phone: text()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(z.union([text().regex(/^\+?[0-9 ()./-]{5,30}$/, "Enter a valid phone number"), z.null()])),
  country: countrySchema,
  city: optionalText(100, "City"),
  languages: languagesSchema,
  niches: listSchema("niche"),
  tags: listSchema("tag"),
  bio: optionalText(5000, "Bio"),
});

/** What a FULL profile must have; each missing field is named. */
export const promoteSchema = profileFields.extend({
  legalName: text({ error: "Enter the legal name" })
    .trim()
    .min(1, "Enter the legal name")
    .max(200, "Legal name must be at most 200 characters"),
  email: text({ error: "Enter the e-mail address" })
    .trim()
    .toLowerCase()
    .min(1, "Enter the e-mail address")
    .pipe(z.email({ error: "Enter a valid e-mail address" }).max(254)),
  country: text({ error: "Enter the country" })
    .trim()
    .toUpperCase()
    .min(1, "Enter the country")
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. DE"),
  languages: languagesSchema.pipe(z.array(text()).min(1, "Add at least one language")),
  niches: listSchema("niche").pipe(z.array(text()).min(1, "Add at least one niche")),
  paymentDetails: text()
    .trim()
    .max(500, "Payment details must be at most 500 characters")
    .nullish()
    .transform((v) => (v ? v : null)),
  version: z
    .number({ error: "The version you edited is required" })
    .int()
    .positive("The version you edited is required"),
});

export const updateInfluencerSchema = profileFields.partial().extend({
  status: z.enum(INFLUENCER_STATUSES, { error: "Choose a status" }).optional(),
  paymentDetails: text()
    .trim()
    .max(500, "Payment details must be at most 500 characters")
    .nullish()
    .transform((v) => (v === undefined ? undefined : v ? v : null)),
  version: z
    .number({ error: "The version you edited is required" })
    .int()
    .positive("The version you edited is required"),
});

export const setStatusSchema = z.object({
  status: z.enum(INFLUENCER_STATUSES, { error: "Choose a status" }),
  version: z
    .number({ error: "The version you edited is required" })
    .int()
    .positive("The version you edited is required"),
});

// ---- social accounts and rate cards

export const socialAccountSchema = z.object({
  platform: platformSchema,
  handle: handleSchema,
  url: text()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(z.union([z.url({ error: "Enter a valid web address" }).max(300), z.null()])),
  followers: countSchema("Followers").default(0),
  engagementRate: engagementSchema,
  avgViews: z
    .union([z.literal("").transform(() => null), z.null(), countSchema("Average views")], {
      error: "Average views must be a whole number",
    })
    .optional()
    .transform((v) => v ?? null),
  verified: z.boolean({ error: "verified must be true or false" }).default(false),
});

export const updateSocialAccountSchema = socialAccountSchema.partial().extend({
  followers: countSchema("Followers").optional(),
  verified: z.boolean({ error: "verified must be true or false" }).optional(),
});

/** "1200", "1200.5" or 1200 → "1200.50": money stays a decimal string, never a float. */
export const feeSchema = z
  .union([text(), z.number()], { error: "Enter the fee" })
  .transform((v) => String(v).trim().replace(/,/g, ""))
  .pipe(
    text()
      .min(1, "Enter the fee")
      .regex(/^\d{1,12}(\.\d{1,2})?$/, "Enter the fee as an amount with at most 2 decimals, e.g. 1200.00"),
  )
  .transform((v) => {
    const [whole, cents = ""] = v.split(".");
    return `${BigInt(whole).toString()}.${cents.padEnd(2, "0")}`;
  });

export const rateCardSchema = z.object({
  platform: platformSchema,
  deliverableType: z.enum(DELIVERABLE_TYPES, { error: "Choose a deliverable type" }),
  fee: feeSchema,
  currency: z.enum(CURRENCIES, { error: "Choose a currency" }),
});

export const updateRateCardSchema = rateCardSchema.partial();

// ---- search

export const SEARCH_SORTS = ["relevance", "followers", "engagement", "name", "updated"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.union([z.literal("").transform(() => undefined), z.enum(values, { error: message })]).optional();

const optionalNumber = (label: string, schema: z.ZodNumber) =>
  z
    .union([
      z.literal("").transform(() => undefined),
      z.coerce.number({ error: `${label} must be a number` }).pipe(schema),
    ])
    .optional();

const optionalFilterText = (label: string, pattern?: RegExp, message?: string) =>
  text()
    .trim()
    .max(40, `${label} is too long`)
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined))
    .pipe(
      pattern
        ? text()
            .regex(pattern, message ?? `${label} is not valid`)
            .optional()
        : text().optional(),
    );

export const searchInfluencersSchema = z
  .object({
    q: text()
      .trim()
      .max(100, "Search must be at most 100 characters")
      .optional()
      .transform((v) => (v ? v : undefined)),
    platform: optionalEnum(PLATFORMS, `platform must be one of ${PLATFORMS.join(", ")}`),
    minFollowers: optionalNumber(
      "minFollowers",
      z.number().int("minFollowers must be a whole number").min(0, "minFollowers cannot be negative"),
    ),
    maxFollowers: optionalNumber(
      "maxFollowers",
      z.number().int("maxFollowers must be a whole number").min(0, "maxFollowers cannot be negative"),
    ),
    minEngagement: optionalNumber(
      "minEngagement",
      z.number().min(0, "minEngagement cannot be negative").max(100, "minEngagement is a percentage"),
    ),
    maxEngagement: optionalNumber(
      "maxEngagement",
      z.number().min(0, "maxEngagement cannot be negative").max(100, "maxEngagement is a percentage"),
    ),
    niche: optionalFilterText("niche"),
    country: text()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(
        text()
          .regex(/^[A-Z]{2}$/, "country must be a two-letter code")
          .optional(),
      ),
    language: optionalFilterText("language", /^[a-z]{2}$/, "language must be a two-letter code"),
    status: optionalEnum(INFLUENCER_STATUSES, `status must be one of ${INFLUENCER_STATUSES.join(", ")}`),
    profileType: optionalEnum(PROFILE_TYPES, "profileType must be STUB or FULL"),
    sort: z
      .union([
        z.literal("").transform(() => undefined),
        z.enum(SEARCH_SORTS, { error: `sort must be one of ${SEARCH_SORTS.join(", ")}` }),
      ])
      .optional(),
    dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).optional(),
    page: z.coerce
      .number({ error: "page must be a number" })
      .int()
      .min(1, "page must be at least 1")
      .max(500, "page must be at most 500")
      .default(1),
    take: z.coerce
      .number({ error: "take must be a number" })
      .int()
      .min(1, "take must be at least 1")
      .max(100, "take must be at most 100")
      .default(25),
    /** The keyset cursor of the next page (`page.next` of the previous answer); `page` is then ignored. */
    after: text()
      .trim()
      .max(400, "after is not a valid cursor")
      .regex(/^[A-Za-z0-9_-]*$/, "after is not a valid cursor")
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.minFollowers !== undefined && v.maxFollowers !== undefined && v.minFollowers > v.maxFollowers) {
      ctx.addIssue({ code: "custom", path: ["maxFollowers"], message: "maxFollowers must be at least minFollowers" });
    }
    if (v.minEngagement !== undefined && v.maxEngagement !== undefined && v.minEngagement > v.maxEngagement) {
      ctx.addIssue({
        code: "custom",
        path: ["maxEngagement"],
        message: "maxEngagement must be at least minEngagement",
      });
    }
  });

export type SearchInfluencersInput = z.input<typeof searchInfluencersSchema>;
export type SearchInfluencersFilters = z.output<typeof searchInfluencersSchema>;
