/** Reading records: who opened a published review's report and when — counts for readers of the review, names for admins. */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { recordRead } from "../../lib/follow/record-read";
import { getReviewReaders } from "../../lib/follow/review-readers";
import { buildCast } from "../support/factories";

describe("reading records", () => {
  it("records a visit once per half hour and shows counts to readers, names to admins", async () => {
    const { review, actors, users } = await buildCast("PUBLISHED", "TEAM");
    const t0 = new Date();
    expect(await recordRead(actors.teamMember, review.id, t0)).toBe(true);
    expect(await recordRead(actors.teamMember, review.id, new Date(t0.getTime() + 60_000))).toBe(true);
    expect(await recordRead(actors.teamMember, review.id, new Date(t0.getTime() + 45 * 60_000))).toBe(true);
    await recordRead(actors.facilitator, review.id, t0);
    // Someone who may not see it (another team, TEAM visibility) records nothing.
    expect(await recordRead(actors.outsider, review.id, t0)).toBe(false);

    const row = await db().reviewRead.findUniqueOrThrow({ where: { reviewId_userId: { reviewId: review.id, userId: users.teamMember.id } } });
    expect(row).toMatchObject({ count: 2, firstAt: t0, lastAt: new Date(t0.getTime() + 45 * 60_000) });

    const forMember = await getReviewReaders(actors.teamMember, review.id);
    expect(forMember).toMatchObject({ readers: 2, visits: 3, people: null });
    expect(forMember!.organisationShare).toBeGreaterThan(0);
    const forAdmin = await getReviewReaders(actors.admin, review.id);
    expect(forAdmin!.people!.map((p) => p.id).sort()).toEqual([users.teamMember.id, users.facilitator.id].sort());
    await expect(getReviewReaders(actors.outsider, review.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("records nothing before publication", async () => {
    const { review, actors } = await buildCast("GROUP");
    expect(await recordRead(actors.facilitator, review.id)).toBe(false);
    expect(await getReviewReaders(actors.facilitator, review.id)).toBeNull();
  });
});
