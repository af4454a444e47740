-- Issue 14, search that cannot take the app down. The two trigram indexes lead with the tenant again (btree_gin,
-- already installed by 20261122040000_search_performance): without it, a typo search in a 41-profile agency
-- scanned the trigram postings of every tenant's profiles (8.7 ms of PostgreSQL CPU in a database that also holds a
-- 100k-profile agency, 0.4 ms alone). GIN intersects the tenant's posting list with the trigrams' inside the
-- index, so a small tenant's search reads its own few entries. The display-name index (the `%` similarity of the
-- typo pass) gets the tenant too, so no part of a term search reads another tenant's rows.
-- And two btree indexes for the directory's keyset pages (name and followers order, the id as tiebreaker): the
-- default listing by name sorted the whole table (parallel seq scan, 370 ms on the scale data).

-- CreateIndex
CREATE INDEX "InfluencerProfile_agencyId_displayName_id_idx" ON "InfluencerProfile"("agencyId", "displayName", "id");

-- CreateIndex
CREATE INDEX "InfluencerProfile_agencyId_totalFollowers_id_idx" ON "InfluencerProfile"("agencyId", "totalFollowers", "id");

-- Beyond the Prisma schema: the trigram indexes, now with the tenant first.
DROP INDEX "InfluencerProfile_search_idx";
CREATE INDEX "InfluencerProfile_search_idx" ON "InfluencerProfile" USING gin ("agencyId", "country", "searchText" gin_trgm_ops);

DROP INDEX "InfluencerProfile_displayName_trgm_idx";
CREATE INDEX "InfluencerProfile_displayName_trgm_idx" ON "InfluencerProfile" USING gin ("agencyId", "displayName" gin_trgm_ops);

-- What the trigram operators cost, told to the planner. pg_trgm declares them at the default cost of one operator
-- (like `=` on an integer), but word similarity over a profile's search column measured ~37 µs a row on the scale
-- data. At that price a plan that reads a tenant's rows and filters them by similarity looked cheap next to the
-- trigram index whenever a LIMIT promised an early stop: a common term in the 100k-profile agency was answered by
-- a sequential scan computing similarity on every row (1.1-1.4 s). At COST 100 the planner picks the trigram
-- index for such terms and keeps a plain scan for what really matches almost every row (one letter).
ALTER FUNCTION similarity_op(text, text) COST 100;
ALTER FUNCTION word_similarity_op(text, text) COST 100;
ALTER FUNCTION word_similarity_commutator_op(text, text) COST 100;
ALTER FUNCTION strict_word_similarity_op(text, text) COST 100;
ALTER FUNCTION strict_word_similarity_commutator_op(text, text) COST 100;
