import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import type { Tx } from "@/lib/db/client";
import type { ApprovalItem } from "@/lib/generated/prisma/client";
import { contentApprovalHooks } from "@/lib/domain/content/lifecycle";
import { financeApprovalHooks } from "@/lib/domain/finance/approval-hooks";

// What each kind of subject adds to the generic approval engine. decideApproval runs, inside its one
// transaction: beforeDecision (e.g. refuse self-approval, refuse a stale subject version) before the item is
// claimed, afterDecision (e.g. move the content task, open the next approval step) after it landed.
// Areas register their hooks by ApprovalItem.subjectType below.

export type SubjectHooks = {
  /** Throws an AppError to refuse the decision (nothing is written). */
  beforeDecision?: (tx: Tx, ctx: AuthContext, item: ApprovalItem) => Promise<void>;
  /**
   * `decided` is the item after the decision; throws to roll the whole decision back. May return the ids of
   * e-mails it queued (notifyUsers), which decideApproval delivers after the commit.
   */
  afterDecision?: (tx: Tx, ctx: AuthContext, decided: ApprovalItem) => Promise<string[] | void>;
};

export const SUBJECT_HOOKS: Record<string, SubjectHooks> = {
  ContentArtifact: contentApprovalHooks,
  FinancialObject: financeApprovalHooks,
};

export function hooksFor(subjectType: string): SubjectHooks {
  return SUBJECT_HOOKS[subjectType] ?? {};
}
