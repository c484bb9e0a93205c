/**
 * The independence guarantee, proven as a matrix: every role × every read path in lib × every
 * phase. Each responder's account carries unique markers (in the narrative and the personal
 * timeline); a role "sees" an account when any read path's output contains its marker.
 * Before the reveal, only the author sees their own account, by any path. Afterwards, only the
 * review's participants (and admins) do: the report, its exports, the library's search, related
 * reviews and the published-review listings behind digests and feeds never carry account content.
 */
import { describe, expect, it } from "vitest";
import { listReviewActivity } from "../../lib/audit/list-review-activity";
import { db } from "../../lib/db/client";
import { listMyNotifications } from "../../lib/notify/notifications";
import type { Actor, ReviewPhase } from "../../lib/policies/types";
import { getMyAccount } from "../../lib/responder-accounts/get-my-account";
import { listAccounts } from "../../lib/responder-accounts/list-accounts";
import { listMyTimeline } from "../../lib/responder-accounts/personal-timeline";
import { getAccountStatusBoard } from "../../lib/responder-accounts/status-board";
import { getReview } from "../../lib/reviews/get-review";
import { listReviews } from "../../lib/reviews/list-reviews";
import { getMyWork } from "../../lib/reviews/my-work";
import { listPublishedReviews } from "../../lib/follow/published-reviews";
import { getReviewReaders } from "../../lib/follow/review-readers";
import { exportReport } from "../../lib/library/export-report";
import { getReport } from "../../lib/library/get-report";
import { relatedReviews } from "../../lib/library/related-reviews";
import { upsertSearchDocument } from "../../lib/library/search-document";
import { searchLibrary, searchLibrarySchema } from "../../lib/library/search-library";
import { actorFor, buildAccount, buildCast, buildUser, uid } from "../support/factories";

const PHASES: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"];
const REVEALED = new Set<ReviewPhase>(["GROUP", "ACTION_PLANNING", "PUBLISHED"]);

/** Everything each read path returns for this actor, as one string (errors included: their messages must not leak either). */
async function everythingVisibleTo(actor: Actor, reviewId: string, markers: string[], title = ""): Promise<string> {
  const paths: Record<string, () => Promise<unknown>> = {
    // The library: searching for the markers themselves, browsing, the report and its Markdown.
    // (Results only: the answer repeats the query, which here is the marker.)
    ...Object.fromEntries(markers.map((m, i) => [`search${i}`, async () => (await searchLibrary(actor, searchLibrarySchema.parse({ q: m }))).items])),
    byTitle: async () => (await searchLibrary(actor, searchLibrarySchema.parse({ q: `"${title}"` }))).items,
    report: () => getReport(actor, reviewId),
    markdown: async () => (await exportReport(actor, reviewId, { format: "md" })).body.toString("utf8"),
    related: () => relatedReviews(actor, reviewId),
    published: () => listPublishedReviews(actor),
    readers: () => getReviewReaders(actor, reviewId),
    getReview: () => getReview(actor, reviewId),
    listReviews: () => listReviews(actor, { filter: "all", limit: 100 }),
    myWork: () => getMyWork(actor),
    activity: () => listReviewActivity(actor, reviewId),
    myAccount: () => getMyAccount(actor, reviewId),
    myTimeline: () => listMyTimeline(actor, reviewId),
    accounts: () => listAccounts(actor, reviewId),
    statusBoard: () => getAccountStatusBoard(actor, reviewId),
    notifications: () => listMyNotifications(actor),
    // Guessed and foreign ids must not reveal anything either.
    guessedReview: () => listAccounts(actor, `${reviewId}x`),
  };
  const out: string[] = [];
  for (const [name, read] of Object.entries(paths)) {
    try {
      out.push(`${name}:${JSON.stringify(await read())}`);
    } catch (e) {
      out.push(`${name}:error:${(e as Error).message}:${JSON.stringify((e as { details?: unknown }).details ?? null)}`);
    }
  }
  return out.join("\n");
}

describe.each(PHASES)("review in %s", (phase) => {
  it("shows each account's content to exactly the people the guarantee allows", async () => {
    const cast = await buildCast(phase);
    const second = await buildUser();
    await db().reviewParticipant.create({ data: { reviewId: cast.review.id, userId: second.id, role: "RESPONDER" } });
    const markerA = `narrative-${uid()}`;
    const timelineA = `timeline-${uid()}`;
    const markerB = `narrative-${uid()}`;
    await buildAccount({ reviewId: cast.review.id, authorId: cast.users.responder.id, text: `I saw ${markerA}`, timeline: [`Noticed ${timelineA}`] });
    await buildAccount({ reviewId: cast.review.id, authorId: second.id, text: `Then ${markerB}`, status: "SUBMITTED" });
    const secondActor = await actorFor(second.id);
    // Published reviews are in the library (built at publication; here the review starts there).
    if (phase === "PUBLISHED") {
      await db().review.update({ where: { id: cast.review.id }, data: { publishedAt: new Date() } });
      await upsertSearchDocument(db(), cast.review.id);
    }

    const revealed = REVEALED.has(phase);
    const who: Record<string, { actor: Actor; seesA: boolean; seesB: boolean }> = {
      author: { actor: cast.actors.responder, seesA: true, seesB: revealed },
      otherResponder: { actor: secondActor, seesA: revealed, seesB: true },
      facilitator: { actor: cast.actors.facilitator, seesA: revealed, seesB: revealed },
      observer: { actor: cast.actors.observer, seesA: revealed, seesB: revealed },
      admin: { actor: cast.actors.admin, seesA: revealed, seesB: revealed },
      teamMember: { actor: cast.actors.teamMember, seesA: false, seesB: false },
      productManager: { actor: cast.actors.pm, seesA: false, seesB: false },
      outsider: { actor: cast.actors.outsider, seesA: false, seesB: false },
    };
    for (const [name, w] of Object.entries(who)) {
      const seen = await everythingVisibleTo(w.actor, cast.review.id, [markerA, timelineA, markerB], cast.review.title);
      expect(seen.includes(markerA), `${name} sees the author's narrative in ${phase}`).toBe(w.seesA);
      expect(seen.includes(timelineA), `${name} sees the author's timeline in ${phase}`).toBe(w.seesA);
      expect(seen.includes(markerB), `${name} sees the other responder's narrative in ${phase}`).toBe(w.seesB);
      if (phase === "PUBLISHED") {
        // The library paths really answer (published to the organisation: everyone reads the report).
        expect(seen, `${name} reads the report`).toMatch(new RegExp(`^report:\\{.*"id":"${cast.review.id}"`, "m"));
        expect(seen, `${name} finds it in the library`).toMatch(new RegExp(`^byTitle:.*"id":"${cast.review.id}"`, "m"));
        expect(seen, `${name} downloads its Markdown`).toMatch(/^markdown:"# /m);
      }
    }
  });
});

describe("account ids from other reviews", () => {
  it("never cross reviews: a responder of one review reads nothing of another's accounts", async () => {
    const one = await buildCast("GROUP");
    const two = await buildCast("GROUP");
    const marker = `other-review-${uid()}`;
    await buildAccount({ reviewId: two.review.id, authorId: two.users.responder.id, text: marker });
    const seen = await everythingVisibleTo(one.actors.responder, two.review.id, [marker]);
    expect(seen).not.toContain(marker);
    expect(seen).toContain("accounts:error:Review not found.");
  });
});
