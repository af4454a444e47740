-- Issue 3, influencer search at scale: each profile's social accounts as the directory lists them (platform,
-- handle, followers, engagement rate; most followers first) beside "searchText", kept by the same triggers, so
-- a page of results reads its rows and nothing else (it probed "SocialAccount" once per row on the page).

ALTER TABLE "InfluencerProfile" ADD COLUMN "socialSummary" JSONB NOT NULL DEFAULT '[]';

-- Beyond the Prisma schema: the trigger function of 20261122060000_search_socials also fills the summary.
CREATE OR REPLACE FUNCTION influencer_search_text_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A new profile has no social accounts yet (they reference it); a renamed one keeps its handles.
  IF TG_OP = 'INSERT' THEN
    NEW."searchText" := lower(NEW."displayName");
    NEW."socialPlatforms" := ARRAY[]::text[];
    NEW."socialHandles" := ARRAY[]::text[];
    NEW."socialSummary" := '[]'::jsonb;
  ELSE
    NEW."searchText" := influencer_search_text(NEW."id", NEW."displayName");
    SELECT COALESCE(array_agg(DISTINCT s."platform"::text ORDER BY s."platform"::text), ARRAY[]::text[]),
           COALESCE(array_agg(s."handle" ORDER BY s."handle"), ARRAY[]::text[]),
           COALESCE(jsonb_agg(jsonb_build_object('platform', s."platform", 'handle', s."handle", 'followers', s."followers",
                                                 'engagementRate', s."engagementRate"::text) ORDER BY s."followers" DESC, s."handle"), '[]'::jsonb)
      INTO NEW."socialPlatforms", NEW."socialHandles", NEW."socialSummary"
      FROM "SocialAccount" s WHERE s."influencerId" = NEW."id";
  END IF;
  RETURN NEW;
END $$;

-- A stray write to the summary is recomputed like one to "searchText".
DROP TRIGGER "InfluencerProfile_searchText_update" ON "InfluencerProfile";
CREATE TRIGGER "InfluencerProfile_searchText_update" BEFORE UPDATE OF "displayName", "searchText", "socialPlatforms", "socialHandles", "socialSummary" ON "InfluencerProfile"
  FOR EACH ROW EXECUTE FUNCTION influencer_search_text_row();

UPDATE "InfluencerProfile" SET "searchText" = '';
