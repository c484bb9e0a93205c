/**
 * The library search's bounded work (lib/library/search-library.ts): totals exact up to a cap and
 * "cap+" beyond; relevance ranking the most recent matches (by period) when there are more than
 * the cap; snippets cut from a window around the first match, with the whole text as fallback.
 * The cap is MATCH_CAP (1,000) in the app; here it is passed small so a handful of reviews cross it.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { MATCH_CAP, searchLibrary, searchLibrarySchema } from "../../lib/library/search-library";
import type { Actor } from "../../lib/policies/types";
import { uid } from "../support/factories";
import { buildPublishedReview } from "./library-fixtures";

const search = (actor: Actor, query: Record<string, unknown>, options: { cap?: number } = {}) => searchLibrary(actor, searchLibrarySchema.parse(query), options);
const word = () => `zq${uid()}`;
const DAY = 86_400_000;

/** Moves a published review's search document back in time (as if published `days` ago). */
async function publishedDaysAgo(reviewId: string, days: number) {
  await db().reviewSearchDocument.update({ where: { reviewId }, data: { publishedAt: new Date(Date.now() - days * DAY) } });
}

describe("totals", () => {
  it("are exact up to the cap and say there are more beyond it, for every sort", async () => {
    expect(MATCH_CAP).toBe(1_000);
    const w = word();
    const built = [];
    for (let n = 0; n < 5; n++) built.push(await buildPublishedReview({ narrative: `Capped ${w}` }));
    const reader = built[0]!.actors.outsider;
    for (const sort of ["relevance", "newest", "oldest"] as const) {
      const at = async (cap: number) => {
        const r = await search(reader, { q: w, sort, limit: 2 }, { cap });
        return [r.total, r.totalCapped, r.pages, r.items.length];
      };
      expect([await at(3), await at(4), await at(5), await at(50)], sort).toEqual([
        [3, true, 2, 2],
        [4, true, 2, 2],
        [5, false, 3, 2],
        [5, false, 3, 2],
      ]);
    }
    // Browsing (no query) counts the same way.
    const browse = await search(reader, { team: built[0]!.team.slug }, { cap: 1 });
    expect(browse.totalCapped).toBe(false);
    expect(browse.total).toBe(1);
  });

  it("count only what the reader may see: hidden matches neither count nor take a candidate's place", async () => {
    const w = word();
    const hidden = await buildPublishedReview({ visibility: "TEAM", title: `Hidden ${w}` });
    const shown = await buildPublishedReview({ visibility: "ORGANISATION", narrative: `Shown ${w}` });
    // The hidden review is in the newest candidate period (the last 92 days), the shown one in the rest of
    // the year: were the hidden one a candidate before visibility, the outsider would find nothing; the
    // team member, who sees both, gets the hidden one as the single candidate. (Within one period the
    // candidates are in no particular order, so the two must be in different periods.)
    await publishedDaysAgo(shown.review.id, 200);
    const outsider = shown.actors.outsider;
    const found = await search(outsider, { q: w }, { cap: 1 });
    expect({ total: found.total, capped: found.totalCapped, ids: found.items.map((i) => i.id) }).toEqual({ total: 1, capped: false, ids: [shown.review.id] });
    const member = await search(hidden.actors.teamMember, { q: w }, { cap: 1 });
    expect({ total: member.total, capped: member.totalCapped, ids: member.items.map((i) => i.id) }).toEqual({ total: 1, capped: true, ids: [hidden.review.id] });
  });
});

describe("relevance over many matches", () => {
  it("ranks the most recent matches when there are more than the cap: newest period first", async () => {
    const w = word();
    const oldTitle = await buildPublishedReview({ title: `Review: ${w} outage` });
    const recentA = await buildPublishedReview({ narrative: `Someone mentioned ${w} once.` });
    const recentB = await buildPublishedReview({ narrative: `Another mention of ${w}.` });
    await publishedDaysAgo(oldTitle.review.id, 500);
    await publishedDaysAgo(recentA.review.id, 10);
    await publishedDaysAgo(recentB.review.id, 200);
    const reader = oldTitle.actors.outsider;
    // All three are candidates: the title match ranks first, however old.
    expect((await search(reader, { q: w }, { cap: 3 })).items.map((i) => i.id)).toEqual([oldTitle.review.id, recentA.review.id, recentB.review.id]);
    // Two candidates: those of the last 92 days, then of the last year; the older title match is not ranked.
    const capped = await search(reader, { q: w }, { cap: 2 });
    expect({ ids: capped.items.map((i) => i.id), total: capped.total, more: capped.totalCapped }).toEqual({ ids: [recentA.review.id, recentB.review.id], total: 2, more: true });
    // One: the last 92 days only.
    expect((await search(reader, { q: w }, { cap: 1 })).items.map((i) => i.id)).toEqual([recentA.review.id]);
    // Sorting by date takes its page in order over every match, and ends it with the cap.
    expect((await search(reader, { q: w, sort: "oldest" }, { cap: 1 })).items.map((i) => i.id)).toEqual([oldTitle.review.id]);
    expect((await search(reader, { q: w, sort: "oldest" }, { cap: 2 })).items.map((i) => i.id)).toEqual([oldTitle.review.id, recentB.review.id]);
    expect((await search(reader, { q: w, sort: "newest" }, { cap: 2 })).items.map((i) => i.id)).toEqual([recentA.review.id, recentB.review.id]);
    expect((await search(reader, { q: w, sort: "newest", page: 2, limit: 2 }, { cap: 3 })).items.map((i) => i.id)).toEqual([oldTitle.review.id]);
    expect((await search(reader, { q: w, sort: "newest", page: 2, limit: 2 }, { cap: 2 })).items.map((i) => i.id)).toEqual([]);
  });
});

describe("snippets", () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `Filler sentence number ${i} about nothing in particular.`).join(" ");

  it("highlight a match deep in a long narrative, cut at whole words", async () => {
    const w = word();
    const built = await buildPublishedReview({ narrative: `${filler(80)} Then the ${w} queue stalled for an hour. ${filler(80)}` });
    const [item] = (await search(built.actors.outsider, { q: w })).items;
    expect(item!.snippet.some((p) => p.match && p.text === w)).toBe(true);
    const text = item!.snippet.map((p) => p.text).join("");
    expect(text).toContain("queue stalled");
    expect(text.length).toBeLessThan(600);
    // Every word in the snippet is a whole word of the narrative.
    for (const token of text.split(/[\s…]+/).filter(Boolean)) expect(`${filler(80)} Then the ${w} queue stalled for an hour.`).toContain(token);
  });

  it("fall back to the whole text when the window holds no match: stems that are not prefixes, prefixes of other words, phrases", async () => {
    // "happy" is stemmed to "happi", which starts no word of the text: no window, the whole text.
    const stem = await buildPublishedReview({ narrative: `${filler(60)} The team was happy with the rollback.` });
    const happy = await search(stem.actors.outsider, { q: "happy", team: stem.team.slug });
    expect(happy.items.map((i) => i.id)).toEqual([stem.review.id]);
    expect(happy.items[0]!.snippet.some((p) => p.match && p.text.toLowerCase() === "happy")).toBe(true);
    // "data" starts "database" early on, but the word itself comes much later: the window holds no match.
    const prefix = await buildPublishedReview({ narrative: `The database was fine. ${filler(60)} Later the data was lost.` });
    const data = await search(prefix.actors.outsider, { q: "data", team: prefix.team.slug });
    expect(data.items.map((i) => i.id)).toEqual([prefix.review.id]);
    expect(data.items[0]!.snippet.some((p) => p.match && p.text.toLowerCase() === "data")).toBe(true);
    // A phrase whose first word occurs alone much earlier: phrases are always highlighted over the whole text.
    const w = word();
    const phrase = await buildPublishedReview({ narrative: `Cache ${w} early. ${filler(60)} Later the cache stampede hit ${w} hard.` });
    const p = await search(phrase.actors.outsider, { q: `"cache stampede" ${w}` });
    expect(p.items.map((i) => i.id)).toEqual([phrase.review.id]);
    expect(p.items[0]!.snippet.some((part) => part.match && /stampede/i.test(part.text))).toBe(true);
  });
});
