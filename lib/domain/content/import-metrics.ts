import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import { parseCsv, CsvParseError } from "@/lib/csv";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import {
  countFromText,
  METRIC_FIELDS,
  METRICS_COLUMNS,
  METRICS_IMPORT_MAX_ROWS,
  publicationSchema,
  type MetricField,
} from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { applyPublication } from "./record-publication";

// The CSV of post figures: a header row naming the columns (any order, case and spaces ignored), one task
// per row: task_id, published_url, published_at, views, reach, likes, comments, shares, saves, clicks.
// A row is matched by task_id, or (without it) by the published_url already recorded on a task.

export type MetricsRowError = { line: number; field: string; message: string };
export type MetricsRowResult = { line: number; ok: boolean; taskId?: string; errors: MetricsRowError[] };

const FIELD_OF: Record<string, string> = {
  task_id: "taskId",
  published_url: "publishedUrl",
  published_at: "publishedAt",
};
const COLUMN_OF: Record<string, string> = {
  taskId: "task_id",
  publishedUrl: "published_url",
  publishedAt: "published_at",
};

// A CSV cell is text: the counts are read from it here; the JSON body (publicationSchema) takes numbers only.
const rowSchema = publicationSchema.extend({
  ...(Object.fromEntries(METRIC_FIELDS.map((field) => [field, countFromText(field)])) as Record<
    MetricField,
    ReturnType<typeof countFromText>
  >),
  taskId: z.union([z.uuid({ error: "task_id is not a valid id" }), z.literal("")]).optional(),
});

function columnName(raw: string) {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Updates the figures of the campaign's tasks from a CSV; valid rows are applied, invalid ones are reported by line and column. */
export async function importMetricsCsv(ctx: AuthContext, campaignId: string, csvText: string) {
  const scope = campaignScope(ctx, "content.manage");
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  const campaign = await db.campaign.findFirst({ where: { AND: [scope, { id: campaignId }] }, select: { id: true } });
  if (!campaign) throw notFound("Campaign");
  let records;
  try {
    records = parseCsv(csvText.replace(/^\uFEFF/, ""));
  } catch (error) {
    if (error instanceof CsvParseError)
      throw new AppError("VALIDATION_FAILED", `Check file: ${error.message}`, { fields: { file: error.message } });
    throw error;
  }
  if (records.length < 2)
    throw new AppError("VALIDATION_FAILED", "Check file: the CSV needs a header row and at least one row", {
      fields: { file: "No rows" },
    });
  if (records.length - 1 > METRICS_IMPORT_MAX_ROWS)
    throw new AppError("VALIDATION_FAILED", `Check file: at most ${METRICS_IMPORT_MAX_ROWS} rows per file`, {
      fields: { file: "Too many rows" },
    });
  const header = records[0].fields.map(columnName);
  const unknown = header.filter((h) => h && !(METRICS_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    throw new AppError(
      "VALIDATION_FAILED",
      `Check file: unknown column ${unknown[0]} (use ${METRICS_COLUMNS.join(", ")})`,
      { fields: { file: `Unknown column ${unknown[0]}` } },
    );
  for (const needed of ["published_url", "published_at"]) {
    if (!header.includes(needed))
      throw new AppError("VALIDATION_FAILED", `Check file: the column ${needed} is missing`, {
        fields: { file: `Missing column ${needed}` },
      });
  }
  const tasks = await db.contentTask.findMany({
    where: { agencyId: ctx.agencyId, campaignId },
    select: { id: true, publishedUrl: true },
  });
  const byId = new Set(tasks.map((t) => t.id));
  const byUrl = new Map(tasks.filter((t) => t.publishedUrl).map((t) => [t.publishedUrl as string, t.id]));
  const results: MetricsRowResult[] = [];
  const valid: { line: number; taskId: string; input: z.output<typeof rowSchema> }[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.every((f) => !f.trim())) continue;
    const values = Object.fromEntries(header.map((h, i) => [FIELD_OF[h] ?? h, record.fields[i]?.trim() ?? ""]));
    const parsed = rowSchema.safeParse(values);
    if (!parsed.success) {
      const seen = new Set<string>();
      const errors = parsed.error.issues
        .map((i) => ({
          line: record.line,
          field: COLUMN_OF[String(i.path[0])] ?? String(i.path[0] ?? "row"),
          message: i.message,
        }))
        .filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
      results.push({ line: record.line, ok: false, errors });
      continue;
    }
    const taskId = parsed.data.taskId || byUrl.get(parsed.data.publishedUrl);
    if (!taskId || !byId.has(taskId)) {
      const field = parsed.data.taskId ? "task_id" : "published_url";
      results.push({
        line: record.line,
        ok: false,
        errors: [
          {
            line: record.line,
            field,
            message: parsed.data.taskId
              ? "No content task of this campaign has this id"
              : "No content task of this campaign has this post URL: add task_id",
          },
        ],
      });
      continue;
    }
    valid.push({ line: record.line, taskId, input: parsed.data });
  }
  for (const row of valid) {
    try {
      const updated = await db.$transaction(async (tx) => {
        const task = await tx.contentTask.findUniqueOrThrow({ where: { id: row.taskId } });
        return applyPublication(tx, ctx, task, row.input, "CSV import");
      });
      results.push({ line: row.line, ok: true, taskId: updated.id, errors: [] });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        line: row.line,
        ok: false,
        taskId: row.taskId,
        errors: [{ line: row.line, field: "task_id", message: error.message }],
      });
    }
  }
  results.sort((a, b) => a.line - b.line);
  return {
    rows: results,
    updated: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    columns: [...METRICS_COLUMNS],
    metrics: [...METRIC_FIELDS],
  };
}
