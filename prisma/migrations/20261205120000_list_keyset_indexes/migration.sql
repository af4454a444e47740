-- Issue 14, item 2: the agency's list pages page by keyset (`after`: the last row's sort key and id). Each walk
-- starts at the position with one row comparison (sort column, id), which an index can seek only when the id
-- follows the sort column in it: the scale data has 561 campaigns updated at the same instant, and the list's second
-- page read them all to find its place (Rows Removed by Filter: 501) on ("agencyId", "updatedAt").
-- The approval queue walks, per way of being addressed, the items of one approver (by id, or by role and scope) in
-- due order: ("approverUserId", "status", "dueAt", "id") replaces ("approverUserId", "status") (a prefix of it),
-- and the role-and-scope walk gets its own index (the FIN role of the scale agency has 20,061 pending items, which
-- the queue sorted whole for every page).

-- DropIndex
DROP INDEX "ApprovalItem_approverUserId_status_idx";

-- DropIndex
DROP INDEX "Campaign_agencyId_status_updatedAt_idx";

-- DropIndex
DROP INDEX "Campaign_agencyId_updatedAt_idx";

-- DropIndex
DROP INDEX "Client_agencyId_name_idx";

-- DropIndex
DROP INDEX "Client_agencyId_status_name_idx";

-- DropIndex
DROP INDEX "Client_agencyId_updatedAt_idx";

-- CreateIndex
CREATE INDEX "ApprovalItem_approverUserId_status_dueAt_id_idx" ON "ApprovalItem"("approverUserId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "ApprovalItem_queue_role_idx" ON "ApprovalItem"("agencyId", "approverRole", "approverScopeType", "approverScopeId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Campaign_agencyId_status_updatedAt_id_idx" ON "Campaign"("agencyId", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Campaign_agencyId_updatedAt_id_idx" ON "Campaign"("agencyId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Campaign_agencyId_name_id_idx" ON "Campaign"("agencyId", "name", "id");

-- CreateIndex
CREATE INDEX "Client_agencyId_name_id_idx" ON "Client"("agencyId", "name", "id");

-- CreateIndex
CREATE INDEX "Client_agencyId_status_name_id_idx" ON "Client"("agencyId", "status", "name", "id");

-- CreateIndex
CREATE INDEX "Client_agencyId_updatedAt_id_idx" ON "Client"("agencyId", "updatedAt", "id");
