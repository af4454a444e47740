-- Idempotency keys of the JSON API (lib/api/idempotency.ts, docs/decisions.md "Idempotency keys"): one row per
-- (user, key), reserved by INSERT … ON CONFLICT before the handler runs, then holding the response it replays.
CREATE TYPE "IdempotencyState" AS ENUM ('IN_PROGRESS', 'COMPLETED');

CREATE TABLE "IdempotencyKey" (
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "agencyId" UUID NOT NULL,
    "requestHash" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "state" "IdempotencyState" NOT NULL DEFAULT 'IN_PROGRESS',
    "lockId" UUID,
    "lockedUntil" TIMESTAMPTZ(3),
    "responseStatus" INTEGER,
    "responseHeaders" JSONB,
    "responseBody" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","key"),
    -- The header's limits (validated by the API first): never an empty or oversized key.
    CONSTRAINT "IdempotencyKey_key_length" CHECK (char_length("key") BETWEEN 1 AND 255),
    -- A reservation has its lock; a completed key has its response.
    CONSTRAINT "IdempotencyKey_state_shape" CHECK (
      ("state" = 'IN_PROGRESS' AND "lockId" IS NOT NULL AND "lockedUntil" IS NOT NULL)
      OR ("state" = 'COMPLETED' AND "responseStatus" IS NOT NULL AND "responseBody" IS NOT NULL)
    )
);

-- The clean-up job deletes by expiry.
CREATE INDEX "IdempotencyKey_expiresAt_idx" ON "IdempotencyKey"("expiresAt");

ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
