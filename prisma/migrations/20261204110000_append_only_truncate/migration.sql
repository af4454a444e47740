-- Every append-only table refuses TRUNCATE as well as UPDATE and DELETE (the audit log did already): TRUNCATE
-- fires no row triggers, so without these a role with the TRUNCATE privilege (the owner) empties the history
-- in one statement. The app's own role has no TRUNCATE privilege at all (lib/db/app-role.ts); these triggers
-- hold for the owner and for a TRUNCATE ... CASCADE from a parent table too.
CREATE TRIGGER campaign_status_change_no_truncate BEFORE TRUNCATE ON "CampaignStatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER campaign_brief_no_truncate BEFORE TRUNCATE ON "CampaignBrief"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER content_artifact_no_truncate BEFORE TRUNCATE ON "ContentArtifact"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER content_review_no_truncate BEFORE TRUNCATE ON "ContentReview"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER financial_revision_no_truncate BEFORE TRUNCATE ON "FinancialRevision"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
