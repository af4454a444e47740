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
