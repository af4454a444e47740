import "server-only";
import { z } from "zod";
import { text } from "@/lib/domain/text";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  ImportFileError,
  IMPORT_MAX_ROWS,
  parseInfluencerCsv,
  validateImportRow,
  type ImportRow,
  type ImportRowInput,
  type RowError,
} from "./import-csv";
import { influencerScope } from "./scope";

// CSV import in two steps. PREVIEW validates every row (format, duplicates inside the file, handles already
// in the directory) and writes nothing. COMMIT writes each valid row in its own transaction — profile,
// social account, audit entry — so a row either lands whole or leaves nothing; one bad row never stops the
// others. The page sends rows in chunks (IMPORT_CHUNK) to advance its progress bar; the API sends a file.

/** Rows as the server actions receive them (chunks of the parsed file). */
export const importRowsSchema = z.object({
  rows: z
    .array(
      z.object({
        line: z.number().int().min(1),
        values: z.record(text(), text().max(2000, "A field has at most 2000 characters")),
      }),
      {
        error: "rows must be a list",
      },
    )
    .min(1, "Send at least one row")
    .max(1000, "Send at most 1000 rows per call"),
});

export type PreviewRow = {
  line: number;
  ok: boolean;
  errors: RowError[];
  displayName: string;
  platform: string;
  handle: string;
};
export type PreviewResult = { rows: PreviewRow[]; valid: number; invalid: number };
export type CommitRow = { line: number; ok: boolean; id?: string; errors: RowError[] };
export type CommitResult = { rows: CommitRow[]; created: number; failed: number };

/** The file → rows, or a 400 that names the file. */
export function readImportFile(text: string): ImportRow[] {
  try {
    return parseInfluencerCsv(text);
  } catch (error) {
    if (error instanceof ImportFileError)
      throw new AppError("VALIDATION_FAILED", error.message, { fields: { file: error.message } });
    throw error;
  }
}

const key = (platform: string, handle: string) => `${platform}:${handle}`;

export async function previewInfluencerImport(ctx: AuthContext, rows: ImportRow[]): Promise<PreviewResult> {
  const { agencyId } = influencerScope(ctx, "influencer.manage");
  if (rows.length > IMPORT_MAX_ROWS)
    throw new AppError("VALIDATION_FAILED", `At most ${IMPORT_MAX_ROWS} rows`, {
      fields: { rows: `At most ${IMPORT_MAX_ROWS} rows` },
    });
  const checked = rows.map((row) => ({ row, result: validateImportRow(row) }));
  const handles = [...new Set(checked.flatMap(({ result }) => (result.ok ? [result.input.handle] : [])))];
  const existing = new Set<string>();
  for (let i = 0; i < handles.length; i += 5000) {
    const found = await db.socialAccount.findMany({
      where: { agencyId, handle: { in: handles.slice(i, i + 5000) } },
      select: { platform: true, handle: true },
    });
    for (const s of found) existing.add(key(s.platform, s.handle));
  }
  const firstLine = new Map<string, number>();
  const out: PreviewRow[] = checked.map(({ row, result }) => {
    const base = {
      line: row.line,
      displayName: row.values.display_name ?? "",
      platform: row.values.platform ?? "",
      handle: row.values.handle ?? "",
    };
    if (!result.ok) return { ...base, ok: false, errors: result.errors };
    const k = key(result.input.platform, result.input.handle);
    const errors: RowError[] = [];
    if (existing.has(k))
      errors.push({
        line: row.line,
        field: "handle",
        message: `@${result.input.handle} is already in the directory on ${result.input.platform.toLowerCase()}`,
      });
    else if (firstLine.has(k))
      errors.push({
        line: row.line,
        field: "handle",
        message: `@${result.input.handle} is already on line ${firstLine.get(k)} of this file`,
      });
    else firstLine.set(k, row.line);
    return {
      ...base,
      displayName: result.input.displayName,
      platform: result.input.platform,
      handle: result.input.handle,
      ok: errors.length === 0,
      errors,
    };
  });
  const valid = out.filter((r) => r.ok).length;
  return { rows: out, valid, invalid: out.length - valid };
}

async function writeRow(ctx: AuthContext, agencyId: string, input: ImportRowInput) {
  return db.$transaction(async (tx) => {
    const profile = await tx.influencerProfile.create({
      data: {
        agencyId,
        profileType: "STUB",
        displayName: input.displayName,
        email: input.email,
        country: input.country,
        languages: input.languages,
        niches: input.niches,
        totalFollowers: input.followers,
        topEngagement: input.engagementRate,
      },
    });
    await tx.socialAccount.create({
      data: {
        agencyId,
        influencerId: profile.id,
        platform: input.platform,
        handle: input.handle,
        followers: input.followers,
        engagementRate: input.engagementRate,
      },
    });
    await writeAudit(tx, ctx, {
      action: "influencer.import",
      model: "InfluencerProfile",
      recordId: profile.id,
      display: profile.displayName,
      after: { ...input },
    });
    return profile.id;
  });
}

export async function commitInfluencerImport(ctx: AuthContext, rows: ImportRow[]): Promise<CommitResult> {
  const { agencyId } = influencerScope(ctx, "influencer.manage");
  const results: CommitRow[] = [];
  for (const row of rows) {
    const checked = validateImportRow(row);
    if (!checked.ok) {
      results.push({ line: row.line, ok: false, errors: checked.errors });
      continue;
    }
    try {
      results.push({ line: row.line, ok: true, id: await writeRow(ctx, agencyId, checked.input), errors: [] });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        const message = `@${checked.input.handle} is already in the directory on ${checked.input.platform.toLowerCase()}`;
        results.push({ line: row.line, ok: false, errors: [{ line: row.line, field: "handle", message }] });
        continue;
      }
      console.error("[influencer import] row failed", row.line, error);
      results.push({
        line: row.line,
        ok: false,
        errors: [{ line: row.line, field: "row", message: "This row could not be saved; nothing of it was written" }],
      });
    }
  }
  const created = results.filter((r) => r.ok).length;
  return { rows: results, created, failed: results.length - created };
}
