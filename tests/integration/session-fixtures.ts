/**
 * A review with a group session to test against: the cast of buildCast plus a second responder,
 * anonymous letters as the reveal gives them, and two revealed accounts whose personal timelines
 * diverge (one moment described differently, one long gap). A third person's account — a
 * responder removed before the reveal — is never revealed. Each personal entry carries a unique
 * marker, so tests can tell whether any output contains it.
 */
import { db } from "../../lib/db/client";
import type { ReviewEvent } from "../../lib/events/review-events";
import { reviewEvents } from "../../lib/events/review-events";
import type { ReviewPhase, ReviewVisibility } from "../../lib/policies/types";
import { actorFor, buildAccount, buildCast, buildPersonalEntry, buildUser, uid } from "../support/factories";

export async function buildSession(phase: ReviewPhase = "GROUP", opts: { visibility?: ReviewVisibility; anonymise?: boolean } = {}) {
  const cast = await buildCast(phase, opts.visibility ?? "ORGANISATION");
  const reviewId = cast.review.id;
  const second = await buildUser();
  const removed = await buildUser();
  await db().reviewParticipant.create({ data: { reviewId, userId: second.id, role: "RESPONDER" } });
  await db().reviewParticipant.updateMany({ where: { reviewId, userId: cast.users.responder.id }, data: { anonymousLabel: "A" } });
  await db().reviewParticipant.updateMany({ where: { reviewId, userId: second.id }, data: { anonymousLabel: "B" } });
  if (opts.anonymise) await db().review.update({ where: { id: reviewId }, data: { anonymiseAccounts: true } });

  const markers = { a: `marker-a-${uid()}`, b: `marker-b-${uid()}`, removed: `marker-removed-${uid()}` };
  const base = new Date(Date.now() - 6 * 3_600_000);
  const accountA = await buildAccount({ reviewId, authorId: cast.users.responder.id, text: "My account", status: "SUBMITTED" });
  const accountB = await buildAccount({ reviewId, authorId: second.id, text: "Their account", status: "SUBMITTED" });
  const accountRemoved = await buildAccount({ reviewId, authorId: removed.id, text: "Never revealed" });
  const entry = (account: { id: string; authorId: string }, minutes: number, description: string, kind: "OBSERVATION" | "ACTION" = "OBSERVATION") =>
    buildPersonalEntry({ reviewId, accountId: account.id, authorId: account.authorId, base, minutes, description, kind });
  const entries = {
    a1: await entry(accountA, 0, `Checkout dashboard showed 40% errors ${markers.a}`),
    b1: await entry(accountB, 2, `Dashboards looked normal, only latency was up ${markers.b}`),
    a2: await entry(accountA, 10, "Rolled back checkout-api to the previous release", "ACTION"),
    b2: await entry(accountB, 90, "Closed the incident channel", "ACTION"),
    removed: await entry(accountRemoved, 1, `Saw something ${markers.removed}`),
  };
  return {
    ...cast,
    reviewId,
    second,
    secondActor: await actorFor(second.id),
    removed,
    accounts: { a: accountA, b: accountB, removed: accountRemoved },
    entries,
    markers,
    base,
  };
}

export type SessionFixture = Awaited<ReturnType<typeof buildSession>>;

/** Collects the review's live events until `stop()`. */
export function collectEvents(reviewId: string) {
  const events: ReviewEvent[] = [];
  const stop = reviewEvents().subscribe(reviewId, (e) => events.push(e));
  return { events, stop, types: () => events.map((e) => e.type) };
}

/** The audit events of a review, oldest first. */
export function auditOf(reviewId: string) {
  return db().auditEvent.findMany({ where: { reviewId }, orderBy: { createdAt: "asc" } });
}
