import { z } from "zod";
import { text } from "@/lib/domain/text";
import { DELIVERABLE_TYPES } from "@/lib/domain/enums";
import { anchorSchema } from "@/lib/domain/approvals/schemas";
import { MAX_TEXT_CHARS } from "@/lib/storage/file-types";
import { ARTIFACT_TYPES, TASK_STATUSES } from "./values";
export {
  ARTIFACT_TYPES,
  TASK_STATUSES,
  ARTIFACT_TYPE_LABELS,
  TASK_STATUS_LABELS,
  type ArtifactTypeValue,
  type TaskStatusValue,
} from "./values";

// One source of input truth for the content forms and the /api/content handlers.

export const REVIEW_OUTCOME_LABELS: Record<string, string> = {
  APPROVED: "Approved",
  APPROVED_WITH_CONDITIONS: "Approved with conditions",
  CHANGES_REQUESTED: "Changes requested",
  REJECTED: "Rejected",
};
/** Statuses in which a task still counts and is still open to work. */
export const OPEN_TASK_STATUSES = [
  "OFFERED",
  "ACCEPTED",
  "IN_PROGRESS",
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
] as const;
/** Statuses in which the influencer may upload a new version. */
export const UPLOADABLE_STATUSES = ["ACCEPTED", "IN_PROGRESS", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED"] as const;

const optionalText = (max: number, label: string) =>
  text({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * An instant as JSON carries it: an ISO 8601 string with its offset ("2026-05-31T17:00:00Z") or a calendar day
 * ("2026-05-31", midnight UTC); or a Date already parsed (a server action hands its parsed input on to the
 * domain function, which parses again). Not a number or a boolean: `new Date(true)` is a valid date in 1970.
 */
export const dateTime = (label: string) =>
  z
    .union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()], {
      error: `${label}: use a date like 2026-05-31 or 2026-05-31T17:00:00Z`,
    })
    .transform((v) => (v instanceof Date ? v : new Date(v)))
    .refine((d) => !Number.isNaN(d.getTime()), `${label}: use a date like 2026-05-31`);

/** A post's web address (http or https); the text rule first, as the URL parser would keep a control character. */
export const webAddressSchema = (label: string) =>
  text({ error: `${label} must be a web address like https://instagram.com/p/…` }).pipe(
    z.url({ error: `${label} must be a web address like https://instagram.com/p/…`, protocol: /^https?$/ }).max(2000),
  );

const money = z
  .union([text(), z.number()], { error: "fee must be an amount like 900.00" })
  .transform((v) => String(v).trim())
  .pipe(text().regex(/^\d{1,12}(\.\d{1,2})?$/, "fee must be an amount like 900.00"));

export const createContentTaskSchema = z.object({
  assignmentId: z.uuid({ error: "Choose a contracted influencer" }),
  deliverableType: z.enum(DELIVERABLE_TYPES, {
    error: `deliverableType must be one of ${DELIVERABLE_TYPES.join(", ")}`,
  }),
  title: text({ error: "Enter a title" })
    .trim()
    .min(1, "Enter a title")
    .max(200, "Title must be at most 200 characters"),
  instructions: optionalText(10_000, "Instructions"),
  dueAt: dateTime("Due date")
    .nullish()
    .transform((v) => v ?? null),
  requiredArtifacts: z
    .array(z.enum(ARTIFACT_TYPES, { error: `Each required artifact is one of ${ARTIFACT_TYPES.join(", ")}` }), {
      error: "requiredArtifacts must be a list",
    })
    .min(1, "Require at least one artifact, e.g. DRAFT")
    .max(5)
    .refine((list) => new Set(list).size === list.length, "Each artifact type may be required once"),
  /** Defaults to the assignment's agreed fee. */
  fee: money.nullish().transform((v) => v ?? null),
});
export type CreateContentTaskInput = z.input<typeof createContentTaskSchema>;

export const updateContentTaskSchema = z.object({
  version: z.number({ error: "version must be a number" }).int().min(1),
  title: text().trim().min(1, "Enter a title").max(200, "Title must be at most 200 characters").optional(),
  instructions: optionalText(10_000, "Instructions").optional(),
  dueAt: dateTime("Due date").nullish(),
  /** Only SCHEDULED is set by hand (an approved task is scheduled for publishing). */
  status: z.enum(["SCHEDULED"], { error: "Only SCHEDULED can be set here" }).optional(),
});

export const listTasksSchema = z.object({
  status: z.enum(TASK_STATUSES, { error: `status must be one of ${TASK_STATUSES.join(", ")}` }).optional(),
  cursor: z.uuid({ error: "cursor is not valid for this list" }).optional(),
  take: z.coerce
    .number({ error: "take must be a number" })
    .int()
    .min(1, "take must be at least 1")
    .max(100, "take must be at most 100")
    .default(50),
});
export type ListTasksInput = z.input<typeof listTasksSchema>;

export const respondSchema = z
  .object({
    accept: z.boolean({ error: "accept must be true or false" }),
    reason: optionalText(2000, "Reason"),
  })
  .superRefine((input, issue) => {
    if (!input.accept && !input.reason)
      issue.addIssue({ code: "custom", path: ["reason"], message: "Say why you decline" });
  });

export const uploadFieldsSchema = z.object({
  artifactType: z.enum(ARTIFACT_TYPES, { error: `artifactType must be one of ${ARTIFACT_TYPES.join(", ")}` }),
  text: text({ error: "text must be text" })
    .max(MAX_TEXT_CHARS, `text must be at most ${MAX_TEXT_CHARS.toLocaleString("en")} characters`)
    .nullish()
    .transform((v) => (v?.trim() ? v : null)),
  note: optionalText(2000, "Note"),
});

export const REVIEW_DECISIONS = ["APPROVED", "APPROVED_WITH_CONDITIONS", "CHANGES_REQUESTED", "REJECTED"] as const;
export const reviewSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, { error: `decision must be one of ${REVIEW_DECISIONS.join(", ")}` }),
    note: optionalText(4000, "Note"),
    conditions: optionalText(4000, "Conditions"),
  })
  .superRefine((input, issue) => {
    if (input.decision === "APPROVED_WITH_CONDITIONS" && !input.conditions)
      issue.addIssue({ code: "custom", path: ["conditions"], message: "Write the conditions of your approval" });
    if ((input.decision === "CHANGES_REQUESTED" || input.decision === "REJECTED") && !input.note)
      issue.addIssue({ code: "custom", path: ["note"], message: "Say which changes you need" });
  });

export const artifactCommentSchema = z.object({
  body: text({ error: "Write a comment" })
    .trim()
    .min(1, "Write a comment")
    .max(5000, "A comment must be at most 5000 characters"),
  anchor: anchorSchema.nullish().transform((v) => v ?? null),
  internal: z.boolean({ error: "internal must be true or false" }).default(false),
});

export const compareSchema = z.object({
  from: z.uuid({ error: "from must be an artifact id" }),
  to: z.uuid({ error: "to must be an artifact id" }),
});

/** A whole count in JSON: a number (or null); "1200" is refused, as a string is not a number. */
const count = (label: string) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} must be at least 0`)
    .max(2_000_000_000, `${label} is too large`)
    .nullish()
    .transform((v) => v ?? null);

/** The same count read from a CSV cell (the metrics import): "" → null, "1 200" and "1,200" → 1200. */
export const countFromText = (label: string) =>
  text({ error: `${label} must be a whole number` })
    .nullish()
    .transform((v): number | null | undefined => (v?.trim() ? Number(v.replace(/[\s_,]/g, "")) : null))
    .pipe(count(label));

export const METRIC_FIELDS = ["views", "reach", "likes", "comments", "shares", "saves", "clicks"] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

export const publicationSchema = z.object({
  publishedUrl: webAddressSchema("publishedUrl"),
  publishedAt: dateTime("publishedAt"),
  views: count("views"),
  reach: count("reach"),
  likes: count("likes"),
  comments: count("comments"),
  shares: count("shares"),
  saves: count("saves"),
  clicks: count("clicks"),
});
export type PublicationInput = z.input<typeof publicationSchema>;

export const METRICS_IMPORT_MAX_ROWS = 5_000;
export const METRICS_COLUMNS = ["task_id", "published_url", "published_at", ...METRIC_FIELDS] as const;
