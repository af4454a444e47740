-- CreateEnum
CREATE TYPE "FinancialObjectType" AS ENUM ('BUDGET', 'QUOTE', 'PURCHASE_ORDER', 'EXPENSE', 'CLIENT_INVOICE', 'INFLUENCER_INVOICE', 'PAYMENT', 'PAYOUT');

-- CreateEnum
CREATE TYPE "FinancialStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'ISSUED', 'PAID', 'VOID');

-- CreateEnum
CREATE TYPE "FinancialCategory" AS ENUM ('INFLUENCER_FEES', 'PRODUCTION', 'PAID_MEDIA', 'AGENCY_FEE', 'CONTINGENCY', 'OTHER');

-- AlterEnum
ALTER TYPE "ApprovalType" ADD VALUE 'FINANCE';

-- CreateTable
CREATE TABLE "FinancialObject" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "type" "FinancialObjectType" NOT NULL,
    "status" "FinancialStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "number" TEXT,
    "numberYear" INTEGER,
    "numberSeq" INTEGER,
    "externalRef" TEXT,
    "currency" CHAR(3) NOT NULL,
    "subtotal" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "taxAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "total" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "paidAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "influencerId" UUID,
    "assignmentId" UUID,
    "parentId" UUID,
    "issueDate" DATE,
    "dueDate" DATE,
    "scheduledFor" DATE,
    "issuedAt" TIMESTAMPTZ(3),
    "paidAt" TIMESTAMPTZ(3),
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "sentToClientAt" TIMESTAMPTZ(3),
    "internalNotes" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "approvalStep" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "submittedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FinancialObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancialLine" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "objectId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "category" "FinancialCategory",
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(12,3) NOT NULL DEFAULT 1,
    "unitPrice" DECIMAL(14,2) NOT NULL,
    "taxRate" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "amount" DECIMAL(14,2) NOT NULL,
    "assignmentId" UUID,

    CONSTRAINT "FinancialLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancialRevision" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "objectId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FinancialRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "agencyId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InvoiceCounter_pkey" PRIMARY KEY ("agencyId","year")
);

-- CreateTable
CREATE TABLE "AgencyBilling" (
    "agencyId" UUID NOT NULL,
    "legalName" TEXT NOT NULL,
    "addressLines" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "vatNumber" TEXT,
    "email" TEXT,
    "bankName" TEXT,
    "iban" TEXT,
    "bic" TEXT,
    "paymentTermsDays" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AgencyBilling_pkey" PRIMARY KEY ("agencyId")
);

-- CreateIndex
CREATE INDEX "FinancialObject_agencyId_status_type_createdAt_idx" ON "FinancialObject"("agencyId", "status", "type", "createdAt");

-- CreateIndex
CREATE INDEX "FinancialObject_campaignId_type_status_idx" ON "FinancialObject"("campaignId", "type", "status");

-- CreateIndex
CREATE INDEX "FinancialObject_agencyId_clientId_type_idx" ON "FinancialObject"("agencyId", "clientId", "type");

-- CreateIndex
CREATE INDEX "FinancialObject_agencyId_influencerId_type_idx" ON "FinancialObject"("agencyId", "influencerId", "type");

-- CreateIndex
CREATE INDEX "FinancialObject_parentId_idx" ON "FinancialObject"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "FinancialObject_agencyId_number_key" ON "FinancialObject"("agencyId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "FinancialLine_objectId_position_key" ON "FinancialLine"("objectId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "FinancialRevision_objectId_revision_key" ON "FinancialRevision"("objectId", "revision");

-- AddForeignKey
ALTER TABLE "FinancialObject" ADD CONSTRAINT "FinancialObject_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancialLine" ADD CONSTRAINT "FinancialLine_objectId_fkey" FOREIGN KEY ("objectId") REFERENCES "FinancialObject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancialRevision" ADD CONSTRAINT "FinancialRevision_objectId_fkey" FOREIGN KEY ("objectId") REFERENCES "FinancialObject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------
-- What Prisma cannot say (tests/integration/schema.test.ts lists these as allowed extras)
-- ---------------------------------------------------------------------------------------------------

-- Rows that point at each other belong to the same agency.
ALTER TABLE "FinancialObject" ADD CONSTRAINT "FinancialObject_id_agencyId_key" UNIQUE ("id", "agencyId");
ALTER TABLE "FinancialObject" ADD CONSTRAINT "FinancialObject_campaignId_agencyId_fkey" FOREIGN KEY ("campaignId", "agencyId") REFERENCES "Campaign"("id", "agencyId");
ALTER TABLE "FinancialObject" ADD CONSTRAINT "FinancialObject_clientId_agencyId_fkey" FOREIGN KEY ("clientId", "agencyId") REFERENCES "Client"("id", "agencyId");
ALTER TABLE "FinancialObject" ADD CONSTRAINT "FinancialObject_parentId_agencyId_fkey" FOREIGN KEY ("parentId", "agencyId") REFERENCES "FinancialObject"("id", "agencyId");
ALTER TABLE "FinancialLine" ADD CONSTRAINT "FinancialLine_objectId_agencyId_fkey" FOREIGN KEY ("objectId", "agencyId") REFERENCES "FinancialObject"("id", "agencyId") ON DELETE CASCADE;
ALTER TABLE "FinancialRevision" ADD CONSTRAINT "FinancialRevision_objectId_agencyId_fkey" FOREIGN KEY ("objectId", "agencyId") REFERENCES "FinancialObject"("id", "agencyId") ON DELETE CASCADE;
ALTER TABLE "InvoiceCounter" ADD CONSTRAINT "InvoiceCounter_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id");

-- Money is never negative; a paid amount never exceeds the total; totals add up.
ALTER TABLE "FinancialObject" ADD CONSTRAINT "FinancialObject_amounts_check" CHECK (
  "subtotal" >= 0 AND "taxAmount" >= 0 AND "total" >= 0 AND "paidAmount" >= 0 AND "total" = "subtotal" + "taxAmount" AND "paidAmount" <= "total");
ALTER TABLE "FinancialLine" ADD CONSTRAINT "FinancialLine_amounts_check" CHECK ("unitPrice" >= 0 AND "quantity" > 0 AND "taxRate" >= 0 AND "taxRate" <= 100 AND "amount" >= 0);
ALTER TABLE "FinancialObject" ADD CONSTRAINT "FinancialObject_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');

-- An invoice number, once given, is INV-<year>-<5 digits> and names its year and sequence.
ALTER TABLE "FinancialObject" ADD CONSTRAINT "FinancialObject_number_check" CHECK (
  ("number" IS NULL AND "numberYear" IS NULL AND "numberSeq" IS NULL)
  OR ("number" = 'INV-' || "numberYear" || '-' || lpad("numberSeq"::text, 5, '0') AND "numberSeq" >= 1));
CREATE UNIQUE INDEX "FinancialObject_number_seq_idx" ON "FinancialObject" ("agencyId", "numberYear", "numberSeq") WHERE "numberSeq" IS NOT NULL;

-- Revisions are append-only.
CREATE TRIGGER financial_revision_append_only BEFORE UPDATE OR DELETE ON "FinancialRevision"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION refuse_change();

-- The agency's billing details belong to an agency.
ALTER TABLE "AgencyBilling" ADD CONSTRAINT "AgencyBilling_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE;

-- The finance queue: pending approvals of financial objects, per agency and approver role, oldest first.
CREATE INDEX "ApprovalItem_finance_pending_idx" ON "ApprovalItem" ("agencyId", "approverRole", "createdAt")
  WHERE "status" = 'PENDING' AND "subjectType" = 'FinancialObject';
