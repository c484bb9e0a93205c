/**
 * lib/reviews/my-work.ts (with lib/action-items/my-actions.ts): what the My work page says needs
 * a person — accounts to write by deadline, their open actions, the backlogs they rank with what
 * arrived since they last ranked, and what was published for what they follow.
 */
import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../lib/audit/events";
import { db } from "../../lib/db/client";
import { follow } from "../../lib/follow/follow";
import { getMyWork } from "../../lib/reviews/my-work";
import { actorFor, buildAccount, buildCast, buildIncident, buildReview, buildTeam, buildUser } from "../support/factories";
import { buildAction } from "./action-fixtures";
import { publishedReview } from "./follow-fixtures";

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.UTC(2026, 10, 27 + offset));
const NOW = new Date("2026-11-27T12:00:00Z");

describe("My work", () => {
  it("lists accounts still to write, nearest deadline first; a submitted one is only taking part", async () => {
    const me = await buildUser();
    const [later, sooner, none, done] = [await buildCast("INDEPENDENT"), await buildCast("INDEPENDENT"), await buildCast("INDEPENDENT"), await buildCast("INDEPENDENT")];
    for (const cast of [later, sooner, none, done]) await db().reviewParticipant.create({ data: { reviewId: cast.review.id, userId: me.id, role: "RESPONDER" } });
    await db().review.update({ where: { id: later.review.id }, data: { accountDeadline: new Date(NOW.getTime() + 3 * DAY) } });
    await db().review.update({ where: { id: sooner.review.id }, data: { accountDeadline: new Date(NOW.getTime() - DAY) } });
    await buildAccount({ reviewId: done.review.id, authorId: me.id, text: "All written down.", status: "SUBMITTED" });
    await buildAccount({ reviewId: later.review.id, authorId: me.id, text: "Half way.", status: "DRAFTING" });

    const work = await getMyWork(await actorFor(me.id), NOW);
    expect(work.toWrite.map((r) => [r.id, r.overdue])).toEqual([
      [sooner.review.id, true],
      [later.review.id, false],
      [none.review.id, false],
    ]);
    expect(work.other).toEqual([expect.objectContaining({ id: done.review.id, role: "RESPONDER", submitted: true })]);
  });

  it("tells a facilitator how many accounts are in while they are written", async () => {
    const cast = await buildCast("INDEPENDENT");
    const second = await buildUser();
    const removed = await buildUser();
    await db().reviewParticipant.createMany({ data: [{ reviewId: cast.review.id, userId: second.id, role: "RESPONDER" }] });
    await buildAccount({ reviewId: cast.review.id, authorId: cast.users.responder.id, text: "Done.", status: "SUBMITTED" });
    await buildAccount({ reviewId: cast.review.id, authorId: second.id, text: "Drafting.", status: "DRAFTING" });
    // An account left by someone no longer a responder does not count.
    await buildAccount({ reviewId: cast.review.id, authorId: removed.id, text: "Gone.", status: "SUBMITTED" });
    const later = await buildCast("GROUP");
    await db().reviewParticipant.create({ data: { reviewId: later.review.id, userId: cast.users.facilitator.id, role: "FACILITATOR" } });

    const { facilitating } = await getMyWork(cast.actors.facilitator, NOW);
    expect(facilitating.find((r) => r.id === cast.review.id)!.accounts).toEqual({ submitted: 1, responders: 2 });
    expect(facilitating.find((r) => r.id === later.review.id)!.accounts).toBeNull();
  });

  it("lists the agreed open actions assigned to me, soonest due first, each linked where I may open it", async () => {
    const cast = await buildCast("PUBLISHED", "ORGANISATION");
    const planning = await buildCast("ACTION_PLANNING");
    const me = cast.users.teamMember;
    const other = await buildTeam([]);
    const base = { reviewId: cast.review.id, teamId: cast.team.id, assigneeId: me.id, agreed: true };
    const late = await buildAction({ ...base, title: "Rotate the certificate", dueDate: day(-3) });
    const soon = await buildAction({ ...base, title: "Alert on expiry", dueDate: day(2), status: "IN_PROGRESS", priority: "LOW" });
    const soonHigh = await buildAction({ ...base, title: "Runbook for rotation", dueDate: day(2), priority: "HIGH" });
    const whenever = await buildAction({ ...base, title: "Share the lesson" });
    // Planned in a review I may not open, for a team I am not in: shown, linked nowhere.
    const elsewhere = await buildAction({ reviewId: planning.review.id, teamId: other.id, assigneeId: me.id, agreed: true, title: "Help the other team", dueDate: day(5) });
    // Not mine to do: a proposal not agreed, a closed one, someone else's.
    await buildAction({ ...base, agreed: false, title: "Only proposed" });
    await buildAction({ ...base, status: "DONE", title: "Already done" });
    await buildAction({ ...base, assigneeId: cast.users.pm.id, title: "The PM's" });
    // In my team but a review I cannot open yet: linked to the backlog.
    const teamOnly = await buildAction({ reviewId: planning.review.id, teamId: planning.team.id, assigneeId: me.id, agreed: true, title: "Team work", dueDate: day(9) });
    await db().teamMembership.create({ data: { teamId: planning.team.id, userId: me.id, role: "MEMBER" } });

    const { actions } = await getMyWork(await actorFor(me.id), NOW);
    expect(actions.total).toBe(6);
    expect(actions.items.map((a) => [a.title, a.dueDate, a.overdue, a.href])).toEqual([
      [late.title, "2026-11-24", true, `/reviews/${cast.review.id}/actions#action-${late.id}`],
      [soonHigh.title, "2026-11-29", false, `/reviews/${cast.review.id}/actions#action-${soonHigh.id}`],
      [soon.title, "2026-11-29", false, `/reviews/${cast.review.id}/actions#action-${soon.id}`],
      [elsewhere.title, "2026-12-02", false, null],
      [teamOnly.title, "2026-12-06", false, `/teams/${planning.team.slug}/backlog`],
      [whenever.title, null, false, `/reviews/${cast.review.id}/actions#action-${whenever.id}`],
    ]);
    // The review's title only where I may open it.
    expect(actions.items.find((a) => a.id === elsewhere.id)!.review).toBeNull();
    expect(actions.items.find((a) => a.id === late.id)!.review).toEqual({ id: cast.review.id, title: cast.review.title });
  });

  it("shows product managers their backlogs, counted as the backlog shows them, with what arrived since they last ranked", async () => {
    const cast = await buildCast("PUBLISHED");
    const { pm, teamMember } = cast.users;
    const base = { reviewId: cast.review.id, teamId: cast.team.id, agreed: true };
    await buildAction({ ...base, dueDate: day(-1) });
    await buildAction({ ...base, status: "IN_PROGRESS" });
    await buildAction({ ...base, agreed: false });
    await buildAction({ ...base, status: "DONE" });

    const before = (await getMyWork(await actorFor(pm.id), NOW)).backlogs;
    expect(before).toEqual([expect.objectContaining({ id: cast.team.id, slug: cast.team.slug, open: 3, overdue: 1, new: 2, lastRankedAt: null })]);

    // The PM moves an action; then one more arrives.
    const moved = await buildAction({ ...base });
    await db().$transaction((tx) =>
      recordAuditEvent(tx, { type: "action.moved", actorId: pm.id, reviewId: cast.review.id, subjectId: moved.id, data: { teamId: cast.team.id, rebalanced: false } }),
    );
    const after = (await getMyWork(await actorFor(pm.id), NOW)).backlogs;
    expect(after).toEqual([expect.objectContaining({ open: 4, new: 0, lastRankedAt: expect.any(Date) })]);
    await buildAction({ ...base, title: "Arrived after the ranking" });
    expect((await getMyWork(await actorFor(pm.id), NOW)).backlogs[0]!.new).toBe(1);

    // Another product manager's ranking, or a move in another team, is not mine.
    const otherPm = await buildUser();
    await db().teamMembership.create({ data: { teamId: cast.team.id, userId: otherPm.id, role: "PRODUCT_MANAGER" } });
    await db().$transaction(async (tx) => {
      await recordAuditEvent(tx, { type: "action.moved", actorId: otherPm.id, reviewId: cast.review.id, subjectId: moved.id, data: { teamId: cast.team.id, rebalanced: false } });
      await recordAuditEvent(tx, { type: "action.moved", actorId: pm.id, reviewId: cast.review.id, subjectId: moved.id, data: { teamId: "another-team", rebalanced: false } });
    });
    expect((await getMyWork(await actorFor(pm.id), NOW)).backlogs[0]!.new).toBe(1);
    expect((await getMyWork(await actorFor(otherPm.id), NOW)).backlogs[0]!.new).toBe(0);
    // Members rank nothing.
    expect((await getMyWork(await actorFor(teamMember.id), NOW)).backlogs).toEqual([]);
  });

  it("shows what was published for what I follow, or lately published reviews when I follow nothing", async () => {
    const me = await buildUser();
    const followed = await buildTeam([]);
    const other = await buildTeam([]);
    const mine = await publishedReview({ teamId: followed.id, publishedAt: new Date(Date.now() - DAY) });
    // Published "in the future", so it stays among the newest while other test files publish too.
    const theirs = await publishedReview({ teamId: other.id, publishedAt: new Date(Date.now() + 3650 * DAY) });
    // Published reviews without a publication time (imported, say) come after it, not before.
    for (let i = 0; i < 5; i++) await buildReview({ incidentId: (await buildIncident({ teamId: other.id })).id, phase: "PUBLISHED", visibility: "ORGANISATION" });
    const actor = await actorFor(me.id);

    const lately = await getMyWork(actor);
    expect(lately.publishedFor).toBe("everyone");
    expect(lately.follows).toBe(0);
    expect(lately.published.map((r) => r.id)).toContain(theirs.id);

    await follow(actor, { kind: "TEAM", value: followed.slug });
    const following = await getMyWork(actor);
    expect(following.publishedFor).toBe("following");
    expect(following.published.map((r) => r.id)).toEqual([mine.id]);
    expect(following.published[0]!.publishedAt).toEqual(mine.publishedAt);
  });
});
