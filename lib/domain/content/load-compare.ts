import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { compareArtifacts } from "./compare-artifacts";
import { allVersions, type CompareResult, type ContentTaskView } from "./view-types";

/** The comparison of `?from=` and `?to=` when both name versions of the task the caller may see. */
export async function loadCompare(
  ctx: AuthContext,
  task: ContentTaskView,
  from: string | undefined,
  to: string | undefined,
): Promise<CompareResult> {
  if (!from || !to || from === to) return null;
  const versions = allVersions(task);
  const a = versions.find((v) => v.id === from);
  const b = versions.find((v) => v.id === to);
  if (!a || !b) return null;
  try {
    const result = await compareArtifacts(ctx, task.id, { from, to });
    const diff =
      result.kind === "text"
        ? result.words.map((w) => ({
            op:
              w.kind === "added"
                ? ("insert" as const)
                : w.kind === "removed"
                  ? ("delete" as const)
                  : ("equal" as const),
            text: w.text,
          }))
        : null;
    return { from: a, to: b, diff };
  } catch {
    return { from: a, to: b, diff: null };
  }
}
