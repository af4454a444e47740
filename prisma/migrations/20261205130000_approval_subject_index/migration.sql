-- Issue 14: the approvals of one subject (a financial object's chain on its page, the pending item that a submit,
-- decision, void or new content version looks for) were found by reading every approval of the agency: no index
-- has the subject, so PostgreSQL scanned the table (27,943 rows on the scale data, 4.6 ms, twice per finance object
-- page). The subject's id is a uuid, nearly unique on its own; type and status narrow what remains.

-- CreateIndex
CREATE INDEX "ApprovalItem_subjectId_subjectType_status_idx" ON "ApprovalItem"("subjectId", "subjectType", "status");
