import "server-only";
import { structuredPatch, diffWordsWithSpace } from "diff";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import { compareSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { artifactScope } from "./scope";

export type MediaRef = {
  id: string;
  version: number;
  artifactType: string;
  mimeType: string | null;
  fileName: string | null;
  url: string | null;
  text: string | null;
};
export type DiffLine = { kind: "context" | "added" | "removed"; text: string };
export type DiffHunk = { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: DiffLine[] };

function ref(a: {
  id: string;
  version: number;
  artifactType: string;
  mimeType: string | null;
  fileName: string | null;
  fileHash: string | null;
  text: string | null;
}): MediaRef {
  return {
    id: a.id,
    version: a.version,
    artifactType: a.artifactType,
    mimeType: a.mimeType,
    fileName: a.fileName,
    url: a.fileHash ? `/api/content/artifacts/${a.id}/file` : null,
    text: a.text,
  };
}

/**
 * Compares two versions of a task the caller may see: a line diff in structured hunks (plus a word diff)
 * when both carry text (scripts, captions), otherwise both media references for a side-by-side view.
 */
export async function compareArtifacts(ctx: AuthContext, taskId: string, raw: unknown) {
  if (!idSchema.safeParse(taskId).success) throw notFound("Content task");
  const input = compareSchema.parse(raw);
  const scope = await artifactScope(ctx);
  const rows = await db.contentArtifact.findMany({
    where: { AND: [scope, { taskId, id: { in: [input.from, input.to] } }] },
  });
  const from = rows.find((r) => r.id === input.from);
  const to = rows.find((r) => r.id === input.to);
  if (!from || !to) throw notFound("Artifact");
  if (from.text !== null && to.text !== null) {
    const patch = structuredPatch(`v${from.version}`, `v${to.version}`, from.text, to.text, "", "", { context: 3 });
    const hunks: DiffHunk[] = patch.hunks.map((h) => ({
      oldStart: h.oldStart,
      oldLines: h.oldLines,
      newStart: h.newStart,
      newLines: h.newLines,
      lines: h.lines
        .filter((l) => !l.startsWith("\\"))
        .map((l) => ({ kind: l[0] === "+" ? "added" : l[0] === "-" ? "removed" : "context", text: l.slice(1) })),
    }));
    const words = diffWordsWithSpace(from.text, to.text).map((c) => ({
      kind: c.added ? "added" : c.removed ? "removed" : "context",
      text: c.value,
    }));
    const added = hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind === "added").length, 0);
    const removed = hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind === "removed").length, 0);
    return { kind: "text" as const, from: ref(from), to: ref(to), hunks, words, stats: { added, removed } };
  }
  if (!from.fileHash && !to.fileHash) throw new AppError("UNPROCESSABLE", "These versions have nothing to compare");
  return { kind: "media" as const, from: ref(from), to: ref(to), hunks: [] as DiffHunk[], words: [], stats: null };
}
