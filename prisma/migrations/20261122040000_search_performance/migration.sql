-- Issue 3: influencer search at scale. One search column per profile (the display name and every handle,
-- lower-case), kept by triggers, and one GIN index that serves the tenant, the country filter and the
-- trigram match together (btree_gin lets a GIN index hold the uuid and char columns), so that the filters
-- apply inside the index scan and only the rows that can be shown are read and scored.

CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE "InfluencerProfile" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

-- Beyond the Prisma schema: the functions and triggers that keep "searchText", and the index.

-- The display name and the profile's handles (stored lower-case without "@"), space-separated.
CREATE FUNCTION influencer_search_text(profile_id uuid, display_name text) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT lower(display_name) || COALESCE((SELECT ' ' || string_agg(s."handle", ' ' ORDER BY s."handle")
                                            FROM "SocialAccount" s WHERE s."influencerId" = profile_id), '')
$$;

CREATE FUNCTION influencer_search_text_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A new profile has no social accounts yet (they reference it); a renamed one keeps its handles.
  IF TG_OP = 'INSERT' THEN
    NEW."searchText" := lower(NEW."displayName");
  ELSE
    NEW."searchText" := influencer_search_text(NEW."id", NEW."displayName");
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "InfluencerProfile_searchText_insert" BEFORE INSERT ON "InfluencerProfile"
  FOR EACH ROW EXECUTE FUNCTION influencer_search_text_row();
CREATE TRIGGER "InfluencerProfile_searchText_update" BEFORE UPDATE OF "displayName", "searchText" ON "InfluencerProfile"
  FOR EACH ROW EXECUTE FUNCTION influencer_search_text_row();

-- Social accounts change in statements of many rows (imports, the scale seed): one UPDATE per statement.
CREATE FUNCTION social_account_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "InfluencerProfile" p SET "searchText" = '' WHERE p."id" IN (SELECT DISTINCT n."influencerId" FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "InfluencerProfile" p SET "searchText" = '' WHERE p."id" IN (SELECT DISTINCT o."influencerId" FROM old_rows o);
  ELSE
    UPDATE "InfluencerProfile" p SET "searchText" = ''
     WHERE p."id" IN (SELECT n."influencerId" FROM new_rows n UNION SELECT o."influencerId" FROM old_rows o);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "SocialAccount_searchText_insert" AFTER INSERT ON "SocialAccount"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION social_account_search_text();
CREATE TRIGGER "SocialAccount_searchText_update" AFTER UPDATE ON "SocialAccount"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION social_account_search_text();
CREATE TRIGGER "SocialAccount_searchText_delete" AFTER DELETE ON "SocialAccount"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION social_account_search_text();

UPDATE "InfluencerProfile" SET "searchText" = '';

CREATE INDEX "InfluencerProfile_search_idx" ON "InfluencerProfile" USING gin ("agencyId", "country", "searchText" gin_trgm_ops);
