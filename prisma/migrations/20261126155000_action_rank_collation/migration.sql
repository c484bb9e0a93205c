-- Backlog ranks are fractional indexes (lib/action-items/ranking.ts): they must sort by byte, never by
-- a locale's rules ("a0" < "Zz" in en_US, but not in byte order). With the column in the "C"
-- collation, ORDER BY rank and the ("teamId", rank) index agree with the keys on every database.
ALTER TABLE "ActionItem" ALTER COLUMN "rank" SET DATA TYPE TEXT COLLATE "C";
