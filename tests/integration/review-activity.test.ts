/**
 * lib/audit/list-review-activity.ts: a review's activity in plain words, and the anonymity of
 * accounts — when a review anonymises them, what a responder did with their own account names
 * them only by their letter, except to admins and to themself.
 */
import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../lib/audit/events";
import { listReviewActivity } from "../../lib/audit/list-review-activity";
import { db } from "../../lib/db/client";
import { buildSession } from "./session-fixtures";

async function record(fx: Awaited<ReturnType<typeof buildSession>>) {
  const { reviewId } = fx;
  await db().$transaction(async (tx) => {
    await recordAuditEvent(tx, { type: "account.submitted", actorId: fx.users.responder.id, reviewId, subjectId: fx.accounts.a.id, data: {} });
    await recordAuditEvent(tx, { type: "account.late_addition", actorId: fx.second.id, reviewId, subjectId: fx.accounts.b.id, data: {} });
    await recordAuditEvent(tx, { type: "review.created", actorId: fx.users.facilitator.id, reviewId, subjectId: reviewId, data: { incidentId: "i", title: "t", facilitatorId: fx.users.facilitator.id } });
    await recordAuditEvent(tx, { type: "review.phase_changed", actorId: fx.users.facilitator.id, reviewId, subjectId: reviewId, data: { from: "INDEPENDENT", to: "GROUP" } });
    await recordAuditEvent(tx, { type: "action.reminded", actorId: null, reviewId, subjectId: reviewId, data: { threshold: "overdue", userIds: [] } });
  });
}

const texts = async (fx: Awaited<ReturnType<typeof buildSession>>, who: keyof Awaited<ReturnType<typeof buildSession>>["actors"] | "second") =>
  (await listReviewActivity(who === "second" ? fx.secondActor : fx.actors[who], fx.reviewId)).map((a) => a.text);

describe("a review's activity", () => {
  it("reads as sentences about this review; what the system did is Debrief's", async () => {
    const fx = await buildSession("GROUP");
    await record(fx);
    const seen = await texts(fx, "observer");
    const facilitator = fx.users.facilitator.name;
    expect(seen).toEqual(
      expect.arrayContaining([
        `${facilitator} started this review`,
        `${facilitator} moved this review to Group session`,
        "Debrief sent a reminder (overdue) for an action of this review",
        `${fx.users.responder.name} submitted their account for this review`,
        `${fx.second.name} added a late addition to their account for this review`,
      ]),
    );
  });

  it("names a responder's own account events only by their letter when accounts are anonymised, except to admins and to themself", async () => {
    const fx = await buildSession("GROUP", { anonymise: true });
    await record(fx);
    for (const who of ["facilitator", "observer"] as const) {
      const seen = await texts(fx, who);
      expect(seen).toEqual(expect.arrayContaining(["Responder A submitted their account for this review", "Responder B added a late addition to their account for this review"]));
      expect(seen.join("\n")).not.toContain(fx.users.responder.name!);
      expect(seen.join("\n")).not.toContain(fx.second.name!);
      // Not anonymised: what the facilitator did.
      expect(seen).toContain(`${fx.users.facilitator.name} moved this review to Group session`);
    }
    // Each responder sees their own name, and the other's letter.
    const a = await texts(fx, "responder");
    expect(a).toEqual(expect.arrayContaining([`${fx.users.responder.name} submitted their account for this review`, "Responder B added a late addition to their account for this review"]));
    const b = await texts(fx, "second");
    expect(b).toEqual(expect.arrayContaining(["Responder A submitted their account for this review", `${fx.second.name} added a late addition to their account for this review`]));
    // Admins see names (as the accounts do).
    expect(await texts(fx, "admin")).toEqual(expect.arrayContaining([`${fx.users.responder.name} submitted their account for this review`, `${fx.second.name} added a late addition to their account for this review`]));
  });
});
