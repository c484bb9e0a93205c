-- The library's search documents carry what the search needs to answer from the document alone
-- (lib/library/library-sql.ts): the review's audience, and a small ranking vector.
--
-- "visibility" mirrors Review.visibility (kept in step by the trigger below, whatever code changes
-- it), so the `review:view` rule is applied to the document without joining Review and Incident
-- for every match. "rankVector" holds the weighted title (A), summary / impact / tags / services
-- (B) and findings (C): small enough to stay in the row, so ranking thousands of matches does not
-- read the large, out-of-line "search" vector (which still decides what matches).

-- AlterTable
ALTER TABLE "ReviewSearchDocument" ADD COLUMN "visibility" "ReviewVisibility" NOT NULL DEFAULT 'ORGANISATION',
ADD COLUMN "rankVector" tsvector;

UPDATE "ReviewSearchDocument" d SET "visibility" = r."visibility" FROM "Review" r WHERE r."id" = d."reviewId";

-- The library's latest change (max "updatedAt") versions what is cached per reader (lib/library/library-cache.ts).
CREATE INDEX "ReviewSearchDocument_updatedAt_idx" ON "ReviewSearchDocument"("updatedAt");
UPDATE "ReviewSearchDocument" SET "rankVector" = setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "summary"), 'B');

-- A review's audience and owning team, copied into its search document when they change.
CREATE FUNCTION "debrief_search_document_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReviewSearchDocument" SET "visibility" = NEW."visibility", "updatedAt" = (now() AT TIME ZONE 'UTC') WHERE "reviewId" = NEW."id";
  RETURN NEW;
END
$$;

CREATE TRIGGER "Review_search_document_visibility"
AFTER UPDATE OF "visibility" ON "Review"
FOR EACH ROW WHEN (OLD."visibility" IS DISTINCT FROM NEW."visibility")
EXECUTE FUNCTION "debrief_search_document_visibility"();

CREATE FUNCTION "debrief_search_document_team"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReviewSearchDocument" SET "teamId" = NEW."teamId", "updatedAt" = (now() AT TIME ZONE 'UTC') WHERE "reviewId" IN (SELECT "id" FROM "Review" WHERE "incidentId" = NEW."id");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Incident_search_document_team"
AFTER UPDATE OF "teamId" ON "Incident"
FOR EACH ROW WHEN (OLD."teamId" IS DISTINCT FROM NEW."teamId")
EXECUTE FUNCTION "debrief_search_document_team"();
