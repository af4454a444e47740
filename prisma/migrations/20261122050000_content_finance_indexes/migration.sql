-- Indexes found with `npm run bench` on the scale data (docs/performance.md, issues 4 and 5).

-- The finance queue: pending finance approvals per agency, approver role and scope, oldest first (the page walks
-- it in order and stops after `take`); the included columns let the total be an index-only count.
CREATE INDEX "ApprovalItem_finance_queue_idx" ON "ApprovalItem" ("agencyId", "approverRole", "approverScopeType", "createdAt", "id")
  INCLUDE ("approverUserId", "approverScopeId", "subjectId", "subjectVersion")
  WHERE "status" = 'PENDING' AND "subjectType" = 'FinancialObject';

-- It replaces the queue's first index (same leading columns, fewer of them).
DROP INDEX "ApprovalItem_finance_pending_idx";
