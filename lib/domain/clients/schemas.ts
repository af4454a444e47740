import { z } from "zod";
import { afterParam } from "@/lib/domain/list-params";
import { text } from "@/lib/domain/text";
import { CLIENT_STATUSES, CURRENCIES, CONTACT_CHANNELS } from "./values";
export { CLIENT_STATUSES, CURRENCIES, CONTACT_CHANNELS } from "./values";

// One source of input truth for the client forms and the /api/clients handlers.

/** Optional text from a form: trimmed, empty becomes null. */
const optionalText = (max: number, label: string) =>
  text()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

const tagsSchema = z
  .union([z.array(text()), text()])
  .optional()
  .transform((v) => {
    const list = Array.isArray(v) ? v : (v ?? "").split(",");
    return [...new Set(list.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  })
  .pipe(z.array(text().max(40, "Each tag must be at most 40 characters")).max(20, "Use at most 20 tags"));

// Base shapes carry no defaults: an update names only what it changes, and zod keeps `.default()` under
// `.partial()`, which would quietly reset the fields an update leaves out.
const clientFields = z.object({
  name: text({ error: "Enter the client's name" })
    .trim()
    .min(1, "Enter the client's name")
    .max(120, "Name must be at most 120 characters"),
  legalName: optionalText(200, "Legal name"),
  industry: optionalText(80, "Industry"),
  website: text()
    .trim()
    .max(200, "Website must be at most 200 characters")
    .nullish()
    .transform((v) => (v ? (/^https?:\/\//i.test(v) ? v : `https://${v}`) : null))
    .pipe(z.union([z.url({ error: "Enter a valid web address" }), z.null()])),
  addressLine1: optionalText(200, "Address"),
  addressLine2: optionalText(200, "Address line 2"),
  city: optionalText(100, "City"),
  postalCode: optionalText(20, "Postal code"),
  country: text()
    .trim()
    .toUpperCase()
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(z.union([text().regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. DE"), z.null()])),
  vatNumber: text()
    .trim()
    .toUpperCase()
    .nullish()
    .transform((v) => (v ? v.replace(/\s+/g, "") : null))
    .pipe(z.union([text().regex(/^[A-Z0-9]{4,20}$/, "A VAT number has 4 to 20 letters and digits"), z.null()])),
  defaultCurrency: z.enum(CURRENCIES, { error: "Choose a currency" }),
  status: z.enum(CLIENT_STATUSES, { error: "Choose a status" }),
  tags: tagsSchema,
  notes: optionalText(5000, "Notes"),
  parentId: z
    .union([z.uuid({ error: "Choose a parent client" }), z.literal(""), z.null()])
    .optional()
    .transform((v) => v || null),
});

export const clientFieldsSchema = clientFields.extend({
  defaultCurrency: clientFields.shape.defaultCurrency.default("EUR"),
  status: clientFields.shape.status.default("PROSPECT"),
});

export const createClientSchema = clientFieldsSchema;

export const updateClientSchema = clientFields.partial().extend({
  version: z
    .number({ error: "The version you edited is required" })
    .int()
    .positive("The version you edited is required"),
});

export const CLIENT_SORTS = ["name", "status", "createdAt", "updatedAt"] as const;

export const listClientsSchema = z.object({
  q: text().trim().max(100, "Search must be at most 100 characters").optional(),
  status: z
    .enum(CLIENT_STATUSES, { error: "Unknown status" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  archived: z
    .enum(["active", "archived", "all"], { error: "archived must be active, archived or all" })
    .default("active"),
  sort: z.enum(CLIENT_SORTS, { error: `sort must be one of ${CLIENT_SORTS.join(", ")}` }).default("name"),
  dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("asc"),
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
});

const contactFields = z.object({
  name: text({ error: "Enter the contact's name" })
    .trim()
    .min(1, "Enter the contact's name")
    .max(120, "Name must be at most 120 characters"),
  title: optionalText(120, "Title"),
  email: text()
    .trim()
    .toLowerCase()
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(z.union([z.email({ error: "Enter a valid e-mail address" }).max(254), z.null()])),
  phone: text()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(z.union([text().regex(/^\+?[0-9 ()./-]{5,30}$/, "Enter a valid phone number"), z.null()])),
  preferredChannel: z.enum(CONTACT_CHANNELS, { error: "Choose a channel" }),
  optInMarketing: z.boolean({ error: "optInMarketing must be true or false" }),
  optInReports: z.boolean({ error: "optInReports must be true or false" }),
});

export const contactFieldsSchema = contactFields.extend({
  preferredChannel: contactFields.shape.preferredChannel.default("EMAIL"),
  optInMarketing: contactFields.shape.optInMarketing.default(false),
  optInReports: contactFields.shape.optInReports.default(true),
});

export const updateContactSchema = contactFields.partial();

export type ClientFieldsInput = z.input<typeof clientFieldsSchema>;
export type UpdateClientInput = z.input<typeof updateClientSchema>;
export type ListClientsInput = z.input<typeof listClientsSchema>;
export type ContactFieldsInput = z.input<typeof contactFieldsSchema>;
