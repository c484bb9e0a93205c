-- The library's full-text index takes new entries straight into its tree, not into a "pending list".
--
-- With GIN's default fastupdate, new and changed search documents are queued in a pending list
-- (up to gin_pending_list_limit, 4 MB: a few hundred documents) until a vacuum merges it, and
-- every search scans the whole list — about 0.4 ms per index scan with 300 documents queued,
-- more than the rest of a rare word's search, and a relevance search scans the index once per
-- period (lib/library/search-library.ts). Documents are written once per publication or
-- correction; searches are many. No schema change (Prisma does not model index storage options).
ALTER INDEX "ReviewSearchDocument_search_idx" SET (fastupdate = off);

-- Merge what is queued now, so the list is empty from here on.
SELECT gin_clean_pending_list('"ReviewSearchDocument_search_idx"'::regclass);
