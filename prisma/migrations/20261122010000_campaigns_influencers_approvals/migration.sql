-- Campaigns with their status history and brief revisions; the influencer directory (profiles, social accounts,
-- rate cards, pricing history, campaign assignments); the approval engine (items, line decisions, comments).
-- Drafted with npm run db:diff; the part after "Beyond the Prisma schema" is hand-written.

-- CreateEnum
CREATE TYPE "ApprovalType" AS ENUM ('BRIEF', 'SHORTLIST', 'BUDGET', 'SCRIPT', 'CONTENT', 'REPORT', 'INVOICE');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'CHANGES_REQUESTED', 'REJECTED', 'EXPIRED', 'SUPERSEDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "LineDecision" AS ENUM ('APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'BRIEF_IN_REVIEW', 'BRIEF_APPROVED', 'SOURCING', 'SHORTLIST_IN_REVIEW', 'SHORTLIST_APPROVED', 'BUDGET_IN_REVIEW', 'BUDGET_APPROVED', 'CONTRACTING', 'CONTRACTED', 'IN_PRODUCTION', 'CONTENT_IN_INTERNAL_REVIEW', 'CONTENT_IN_CLIENT_REVIEW', 'CONTENT_APPROVED', 'SCHEDULED', 'LIVE', 'REPORTING', 'REPORT_IN_REVIEW', 'REPORT_APPROVED', 'INVOICING', 'CLOSED', 'ON_HOLD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('INSTAGRAM', 'TIKTOK', 'YOUTUBE', 'X', 'LINKEDIN', 'TWITCH', 'PINTEREST', 'SNAPCHAT');

-- CreateEnum
CREATE TYPE "ProfileType" AS ENUM ('STUB', 'FULL');

-- CreateEnum
CREATE TYPE "InfluencerStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'BLOCKED');

-- CreateEnum
CREATE TYPE "Health" AS ENUM ('GREEN', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "DeliverableType" AS ENUM ('INSTAGRAM_POST', 'INSTAGRAM_REEL', 'INSTAGRAM_STORY', 'TIKTOK_VIDEO', 'YOUTUBE_VIDEO', 'YOUTUBE_SHORT', 'X_POST', 'LINKEDIN_POST', 'BLOG_POST', 'OTHER');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('SHORTLISTED', 'PROPOSED', 'CLIENT_APPROVED', 'CLIENT_REJECTED', 'OFFERED', 'ACCEPTED', 'DECLINED', 'CONTRACTED', 'ACTIVE', 'COMPLETED', 'DROPPED');

-- CreateTable
CREATE TABLE "ApprovalItem" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "type" "ApprovalType" NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "subjectVersion" INTEGER NOT NULL,
    "subjectSnapshot" JSONB,
    "approverUserId" UUID,
    "approverRole" "Role",
    "approverScopeType" "ScopeType",
    "approverScopeId" UUID,
    "requestedById" UUID,
    "conditions" TEXT,
    "decisionNote" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "dueAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "supersededById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApprovalItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalLineDecision" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "approvalId" UUID NOT NULL,
    "lineId" UUID NOT NULL,
    "decision" "LineDecision" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalLineDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalComment" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "approvalId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "anchor" JSONB,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "objective" TEXT,
    "brief" TEXT,
    "briefRevision" INTEGER NOT NULL DEFAULT 0,
    "shortlistRevision" INTEGER NOT NULL DEFAULT 0,
    "platforms" "Platform"[] DEFAULT ARRAY[]::"Platform"[],
    "startDate" DATE,
    "endDate" DATE,
    "plannedBudget" DECIMAL(14,2),
    "currency" CHAR(3) NOT NULL DEFAULT 'EUR',
    "ownerId" UUID NOT NULL,
    "directorId" UUID,
    "policy" JSONB NOT NULL DEFAULT '{}',
    "riskScore" INTEGER NOT NULL DEFAULT 0,
    "riskLevel" "RiskLevel" NOT NULL DEFAULT 'LOW',
    "missingInfo" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "statusBeforeHold" "CampaignStatus",
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignStatusChange" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "from" "CampaignStatus",
    "to" "CampaignStatus" NOT NULL,
    "changedById" UUID,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignBrief" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignBrief_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfluencerProfile" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "profileType" "ProfileType" NOT NULL DEFAULT 'STUB',
    "status" "InfluencerStatus" NOT NULL DEFAULT 'ACTIVE',
    "health" "Health" NOT NULL DEFAULT 'GREEN',
    "displayName" TEXT NOT NULL,
    "legalName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "country" CHAR(2),
    "city" TEXT,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "niches" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "bio" TEXT,
    "audience" JSONB,
    "paymentDetails" TEXT,
    "userId" UUID,
    "totalFollowers" INTEGER NOT NULL DEFAULT 0,
    "topEngagement" DECIMAL(6,3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InfluencerProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialAccount" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "influencerId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "handle" TEXT NOT NULL,
    "url" TEXT,
    "followers" INTEGER NOT NULL DEFAULT 0,
    "engagementRate" DECIMAL(6,3),
    "avgViews" INTEGER,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "lastSyncedAt" TIMESTAMPTZ(3),
    "connected" BOOLEAN NOT NULL DEFAULT false,
    "tokens" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SocialAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateCard" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "influencerId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "deliverableType" "DeliverableType" NOT NULL,
    "fee" DECIMAL(14,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PricingHistory" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "influencerId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "deliverableType" "DeliverableType",
    "fee" DECIMAL(14,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "agreedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PricingHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignInfluencer" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "influencerId" UUID NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'SHORTLISTED',
    "proposedFee" DECIMAL(14,2),
    "agreedFee" DECIMAL(14,2),
    "currency" CHAR(3) NOT NULL,
    "deliverableType" "DeliverableType",
    "contractSignedAt" TIMESTAMPTZ(3),
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CampaignInfluencer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApprovalItem_agencyId_status_dueAt_idx" ON "ApprovalItem"("agencyId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "ApprovalItem_campaignId_type_status_idx" ON "ApprovalItem"("campaignId", "type", "status");

-- CreateIndex
CREATE INDEX "ApprovalItem_approverUserId_status_idx" ON "ApprovalItem"("approverUserId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalLineDecision_approvalId_lineId_key" ON "ApprovalLineDecision"("approvalId", "lineId");

-- CreateIndex
CREATE INDEX "ApprovalComment_approvalId_createdAt_idx" ON "ApprovalComment"("approvalId", "createdAt");

-- CreateIndex
CREATE INDEX "Campaign_agencyId_status_updatedAt_idx" ON "Campaign"("agencyId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Campaign_agencyId_updatedAt_idx" ON "Campaign"("agencyId", "updatedAt");

-- CreateIndex
CREATE INDEX "Campaign_agencyId_clientId_idx" ON "Campaign"("agencyId", "clientId");

-- CreateIndex
CREATE INDEX "Campaign_agencyId_ownerId_idx" ON "Campaign"("agencyId", "ownerId");

-- CreateIndex
CREATE INDEX "Campaign_agencyId_riskLevel_idx" ON "Campaign"("agencyId", "riskLevel");

-- CreateIndex
CREATE INDEX "Campaign_agencyId_startDate_idx" ON "Campaign"("agencyId", "startDate");

-- CreateIndex
CREATE INDEX "CampaignStatusChange_campaignId_createdAt_idx" ON "CampaignStatusChange"("campaignId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignBrief_campaignId_revision_key" ON "CampaignBrief"("campaignId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "InfluencerProfile_userId_key" ON "InfluencerProfile"("userId");

-- CreateIndex
CREATE INDEX "InfluencerProfile_agencyId_status_totalFollowers_idx" ON "InfluencerProfile"("agencyId", "status", "totalFollowers");

-- CreateIndex
CREATE INDEX "InfluencerProfile_agencyId_country_idx" ON "InfluencerProfile"("agencyId", "country");

-- CreateIndex
CREATE INDEX "InfluencerProfile_agencyId_updatedAt_idx" ON "InfluencerProfile"("agencyId", "updatedAt");

-- CreateIndex
CREATE INDEX "SocialAccount_influencerId_idx" ON "SocialAccount"("influencerId");

-- CreateIndex
CREATE INDEX "SocialAccount_agencyId_platform_followers_idx" ON "SocialAccount"("agencyId", "platform", "followers");

-- CreateIndex
CREATE UNIQUE INDEX "SocialAccount_agencyId_platform_handle_key" ON "SocialAccount"("agencyId", "platform", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "RateCard_influencerId_platform_deliverableType_key" ON "RateCard"("influencerId", "platform", "deliverableType");

-- CreateIndex
CREATE INDEX "PricingHistory_influencerId_agreedAt_idx" ON "PricingHistory"("influencerId", "agreedAt");

-- CreateIndex
CREATE INDEX "CampaignInfluencer_agencyId_influencerId_idx" ON "CampaignInfluencer"("agencyId", "influencerId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignInfluencer_campaignId_influencerId_key" ON "CampaignInfluencer"("campaignId", "influencerId");

-- AddForeignKey
ALTER TABLE "ApprovalItem" ADD CONSTRAINT "ApprovalItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalLineDecision" ADD CONSTRAINT "ApprovalLineDecision_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "ApprovalItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalComment" ADD CONSTRAINT "ApprovalComment_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "ApprovalItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_directorId_fkey" FOREIGN KEY ("directorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignStatusChange" ADD CONSTRAINT "CampaignStatusChange_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignBrief" ADD CONSTRAINT "CampaignBrief_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfluencerProfile" ADD CONSTRAINT "InfluencerProfile_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialAccount" ADD CONSTRAINT "SocialAccount_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "InfluencerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateCard" ADD CONSTRAINT "RateCard_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "InfluencerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PricingHistory" ADD CONSTRAINT "PricingHistory_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "InfluencerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignInfluencer" ADD CONSTRAINT "CampaignInfluencer_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignInfluencer" ADD CONSTRAINT "CampaignInfluencer_influencerId_fkey" FOREIGN KEY ("influencerId") REFERENCES "InfluencerProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------
-- Beyond the Prisma schema
-- ---------------------------------------------------------------------------------------------------

-- Typo-tolerant directory search: trigram indexes on names and handles (similarity and ILIKE '%term%').
CREATE INDEX "InfluencerProfile_displayName_trgm_idx" ON "InfluencerProfile" USING gin ("displayName" gin_trgm_ops);
CREATE INDEX "SocialAccount_handle_trgm_idx" ON "SocialAccount" USING gin ("handle" gin_trgm_ops);
-- Array filters (niche, language) use GIN.
CREATE INDEX "InfluencerProfile_niches_gin_idx" ON "InfluencerProfile" USING gin ("niches");
CREATE INDEX "InfluencerProfile_languages_gin_idx" ON "InfluencerProfile" USING gin ("languages");
-- Campaign names are searched too.
CREATE INDEX "Campaign_name_trgm_idx" ON "Campaign" USING gin ("name" gin_trgm_ops);

-- Handles are stored lower-case without "@", so the unique index means what it says.
ALTER TABLE "SocialAccount" ADD CONSTRAINT "SocialAccount_handle_format_check" CHECK ("handle" = lower("handle") AND "handle" !~ '^@' AND length("handle") > 0);

-- At most one pending approval per subject and type: a new version must supersede the old one first.
CREATE UNIQUE INDEX "ApprovalItem_one_pending_idx" ON "ApprovalItem" ("campaignId", "type", "subjectId") WHERE "status" = 'PENDING';

-- Rows that point at each other belong to the same agency.
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_id_agencyId_key" UNIQUE ("id", "agencyId");
ALTER TABLE "InfluencerProfile" ADD CONSTRAINT "InfluencerProfile_id_agencyId_key" UNIQUE ("id", "agencyId");
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_clientId_agencyId_fkey" FOREIGN KEY ("clientId", "agencyId") REFERENCES "Client"("id", "agencyId");
ALTER TABLE "CampaignInfluencer" ADD CONSTRAINT "CampaignInfluencer_campaignId_agencyId_fkey" FOREIGN KEY ("campaignId", "agencyId") REFERENCES "Campaign"("id", "agencyId") ON DELETE CASCADE;
ALTER TABLE "CampaignInfluencer" ADD CONSTRAINT "CampaignInfluencer_influencerId_agencyId_fkey" FOREIGN KEY ("influencerId", "agencyId") REFERENCES "InfluencerProfile"("id", "agencyId");
ALTER TABLE "SocialAccount" ADD CONSTRAINT "SocialAccount_influencerId_agencyId_fkey" FOREIGN KEY ("influencerId", "agencyId") REFERENCES "InfluencerProfile"("id", "agencyId") ON DELETE CASCADE;
ALTER TABLE "ApprovalItem" ADD CONSTRAINT "ApprovalItem_campaignId_agencyId_fkey" FOREIGN KEY ("campaignId", "agencyId") REFERENCES "Campaign"("id", "agencyId") ON DELETE CASCADE;

-- Money is never negative.
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_plannedBudget_check" CHECK ("plannedBudget" IS NULL OR "plannedBudget" >= 0);
ALTER TABLE "RateCard" ADD CONSTRAINT "RateCard_fee_check" CHECK ("fee" >= 0);
ALTER TABLE "CampaignInfluencer" ADD CONSTRAINT "CampaignInfluencer_fees_check" CHECK (("proposedFee" IS NULL OR "proposedFee" >= 0) AND ("agreedFee" IS NULL OR "agreedFee" >= 0));

-- The status history and the brief revisions are append-only, like the audit log (rows go only with their
-- campaign, through the foreign key's cascade, which runs below the top trigger level).
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER campaign_status_change_append_only BEFORE UPDATE OR DELETE ON "CampaignStatusChange"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION refuse_change();
CREATE TRIGGER campaign_brief_append_only BEFORE UPDATE OR DELETE ON "CampaignBrief"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION refuse_change();
