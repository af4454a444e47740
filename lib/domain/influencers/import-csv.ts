import { z } from "zod";
import { text } from "@/lib/domain/text";
import { parseCsv, CsvParseError } from "@/lib/csv";
import { createStubSchema, PLATFORMS } from "./schemas";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_COLUMNS, REQUIRED_COLUMNS } from "./values";
export { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_CHUNK, IMPORT_COLUMNS, REQUIRED_COLUMNS } from "./values";

// The CSV format of the influencer import: a header row naming the columns (any order, case and spaces
// ignored), then one influencer per row with its first handle.

export type ImportRow = { line: number; values: Record<string, string> };
export type RowError = { line: number; field: string; message: string };

/** Column name in the file → field name of the row schema, so an error names the column the user sees. */
const FIELD_OF: Record<string, string> = {
  display_name: "displayName",
  platform: "platform",
  handle: "handle",
  followers: "followers",
  engagement_rate: "engagementRate",
  country: "country",
  languages: "languages",
  niches: "niches",
  email: "email",
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([column, field]) => [field, column]));

const optionalCountry = text()
  .trim()
  .toUpperCase()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.union([text().regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. DE"), z.null()]));
const list = text()
  .optional()
  .transform((v) => [
    ...new Set(
      (v ?? "")
        .split(/[;|,]/)
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ]);

/** One row of the file, as it is validated in the preview and again when committed. */
export const importRowSchema = createStubSchema.extend({
  platform: text({ error: "Enter the platform" })
    .trim()
    .toUpperCase()
    .pipe(z.enum(PLATFORMS, { error: `Platform must be one of ${PLATFORMS.join(", ").toLowerCase()}` })),
  followers: text()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/[\s_,]/g, "") : "0"))
    .pipe(
      text()
        .regex(/^\d{1,10}$/, "Followers must be a whole number")
        .transform(Number),
    ),
  country: optionalCountry,
  languages: list.pipe(
    z
      .array(text().regex(/^[a-z]{2}$/, "Use two-letter language codes separated by ;, e.g. en;de"))
      .max(20, "Use at most 20 languages"),
  ),
  niches: list.pipe(
    z.array(text().max(40, "Each niche must be at most 40 characters")).max(20, "Use at most 20 niches"),
  ),
  email: text()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.union([z.email({ error: "Enter a valid e-mail address" }).max(254), z.null()])),
});

export type ImportRowInput = z.output<typeof importRowSchema>;

/** Validates one row: the parsed input, or its errors named by column. */
export function validateImportRow(
  row: ImportRow,
): { ok: true; input: ImportRowInput } | { ok: false; errors: RowError[] } {
  const candidate = Object.fromEntries(
    Object.entries(row.values).map(([column, value]) => [FIELD_OF[column] ?? column, value]),
  );
  const parsed = importRowSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const seen = new Set<string>();
  const errors: RowError[] = [];
  for (const issue of parsed.error.issues) {
    const field = COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0] ?? "row");
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ line: row.line, field, message: issue.message });
  }
  return { ok: false, errors };
}

/** A problem with the whole file (size, rows, CSV syntax, header): nothing in it is imported. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

const fileError = (message: string) => new ImportFileError(message);

/**
 * CSV text → rows keyed by column. Size, row count, parse and header problems refuse the whole file.
 * Pure (no server imports): the import page runs it in the browser too, to send the rows in chunks.
 */
export function parseInfluencerCsv(text: string): ImportRow[] {
  if (new TextEncoder().encode(text).length > IMPORT_MAX_BYTES)
    throw fileError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it into smaller files`);
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvParseError) throw fileError(`The file is not valid CSV. ${error.message}`);
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw fileError("The file is empty: it needs a header row and at least one influencer");
  const columns = header.fields.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length)
    throw fileError(
      `The header row lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected: ${IMPORT_COLUMNS.join(", ")})`,
    );
  if (body.length === 0) throw fileError("The file has a header row but no influencers");
  if (body.length > IMPORT_MAX_ROWS)
    throw fileError(`The file has ${body.length} rows; at most ${IMPORT_MAX_ROWS} can be imported at once`);
  return body.map((record) => ({
    line: record.line,
    values: Object.fromEntries(
      columns.map((column, index) => [column, record.fields[index] ?? ""]).filter(([column]) => column in FIELD_OF),
    ),
  }));
}
