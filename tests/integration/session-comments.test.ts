/**
 * Comments in the session against a real database: threads on shared entries and findings,
 * @mentions that notify participants only (with the target, a short excerpt and a link — never
 * account content), deletion rules, live events, and bad input refused with nothing stored.
 */
import { describe, expect, it } from "vitest";
import { addComment, addCommentSchema } from "../../lib/comments/add-comment";
import { deleteComment } from "../../lib/comments/delete-comment";
import { listComments, listCommentsSchema } from "../../lib/comments/list-comments";
import { db } from "../../lib/db/client";
import { buildFinding, buildSharedEntry, buildUser } from "../support/factories";
import { auditOf, buildSession, collectEvents } from "./session-fixtures";

const noticesOf = (userId: string, reviewId: string) => db().notification.findMany({ where: { userId, reviewId, type: "comment.mention" } });

describe("comments", () => {
  it("thread on shared entries and findings, oldest first, with their authors", async () => {
    const fx = await buildSession("GROUP");
    const entry = await buildSharedEntry({ reviewId: fx.reviewId });
    const finding = await buildFinding({ reviewId: fx.reviewId });
    const live = collectEvents(fx.reviewId);
    const first = await addComment(fx.actors.facilitator, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: entry.id, body: "When did this start?" });
    const reply = await addComment(fx.actors.responder, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: entry.id, parentId: first.id, body: "Around nine." });
    const onFinding = await addComment(fx.actors.admin, fx.reviewId, { targetType: "FINDING", targetId: finding.id, body: "Agreed" });
    live.stop();
    const thread = await listComments(fx.actors.observer, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: entry.id });
    expect(thread.comments.map((c) => [c.id, c.parentId, c.author?.name, c.body, c.mine])).toEqual([
      [first.id, null, fx.users.facilitator.name, "When did this start?", false],
      [reply.id, first.id, fx.users.responder.name, "Around nine.", false],
    ]);
    expect((await listComments(fx.actors.observer, fx.reviewId)).comments.map((c) => c.id)).toEqual([first.id, reply.id, onFinding.id]);
    expect(live.events.map((e) => [e.type, e.ids])).toEqual([
      ["comments.changed", [first.id, entry.id]],
      ["comments.changed", [reply.id, entry.id]],
      ["comments.changed", [onFinding.id, finding.id]],
    ]);
    expect((await auditOf(fx.reviewId)).map((a) => [a.type, a.subjectId])).toEqual([
      ["comment.added", first.id],
      ["comment.added", reply.id],
      ["comment.added", onFinding.id],
    ]);
  });

  it("notifies the participants it mentions — by e-mail address or name — with the target and a link, and nobody else", async () => {
    const fx = await buildSession("GROUP");
    const stranger = await buildUser({ name: "Stella Stranger" });
    const finding = await buildFinding({ reviewId: fx.reviewId, title: "Lag alert routed to an unread channel" });
    const body = `@${fx.users.observer.email} and @${fx.second.name}, do you agree? cc @${stranger.email} @Stella Stranger @${fx.users.facilitator.name} — please have a look before we move on to the contributing factors, there is a lot to cover today.`;
    expect(body.length).toBeGreaterThan(140);
    const comment = await addComment(fx.actors.facilitator, fx.reviewId, { targetType: "FINDING", targetId: finding.id, body });
    expect(comment.mentionedUserIds).toEqual([fx.users.observer.id, fx.second.id, fx.users.facilitator.id]);
    for (const user of [fx.users.observer, fx.second]) {
      expect(await noticesOf(user.id, fx.reviewId)).toEqual([
        expect.objectContaining({
          title: `${fx.users.facilitator.name} mentioned you in “${fx.review.title}”`,
          body: `On the finding “Lag alert routed to an unread channel”: “${body.slice(0, 139).trimEnd()}…”`,
          url: `/reviews/${fx.reviewId}/session#comment-${comment.id}`,
        }),
      ]);
    }
    // Not the author, not someone outside the review, not a team member who was not mentioned.
    expect(await db().notification.count({ where: { userId: { in: [fx.users.facilitator.id, stranger.id, fx.users.teamMember.id] }, type: "comment.mention" } })).toBe(0);
    const audit = await auditOf(fx.reviewId);
    expect(audit.at(-1)!.data).toEqual({ targetType: "FINDING", targetId: finding.id, mentionedUserIds: [fx.users.observer.id, fx.second.id] });
  });

  it("names a timeline entry by its time in a notice, never by its wording (it may come from an account)", async () => {
    const fx = await buildSession("GROUP");
    const entry = await buildSharedEntry({ reviewId: fx.reviewId, description: `From an account ${fx.markers.a}`, occurredAt: new Date("2026-03-10T14:05:00Z") });
    await addComment(fx.actors.responder, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: entry.id, body: `@${fx.users.facilitator.email} look` });
    const [notice] = await noticesOf(fx.users.facilitator.id, fx.reviewId);
    expect(notice!.body).toBe(`On the shared timeline entry at 2026-03-10 14:05 UTC: “@${fx.users.facilitator.email} look”`);
    expect(JSON.stringify(notice)).not.toContain(fx.markers.a);
  });

  it("is deleted by its author or the facilitator, not by another responder", async () => {
    const fx = await buildSession("GROUP");
    const entry = await buildSharedEntry({ reviewId: fx.reviewId });
    const mine = await addComment(fx.actors.responder, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: entry.id, body: "mine" });
    const reply = await addComment(fx.secondActor, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: entry.id, parentId: mine.id, body: "reply" });
    await expect(deleteComment(fx.secondActor, fx.reviewId, mine.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteComment(fx.actors.responder, fx.reviewId, mine.id);
    expect(await db().comment.count({ where: { id: { in: [mine.id, reply.id] } } })).toBe(0);
    const other = await addComment(fx.secondActor, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: entry.id, body: "other" });
    await deleteComment(fx.actors.facilitator, fx.reviewId, other.id);
    expect((await auditOf(fx.reviewId)).filter((a) => a.type === "comment.deleted")).toHaveLength(2);
  });

  it("refuses personal entries, foreign and unknown targets, replies across targets and oversized text — storing nothing", async () => {
    const fx = await buildSession("GROUP");
    const other = await buildSession("GROUP");
    const entry = await buildSharedEntry({ reviewId: fx.reviewId });
    const otherEntry = await buildSharedEntry({ reviewId: fx.reviewId });
    const foreign = await buildSharedEntry({ reviewId: other.reviewId });
    const foreignFinding = await buildFinding({ reviewId: other.reviewId });
    const first = await addComment(fx.actors.facilitator, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: entry.id, body: "first" });
    for (const [targetType, targetId] of [["TIMELINE_ENTRY", fx.entries.a1.id], ["TIMELINE_ENTRY", foreign.id], ["FINDING", foreignFinding.id], ["FINDING", entry.id], ["TIMELINE_ENTRY", "nope"]] as const) {
      await expect(addComment(fx.actors.facilitator, fx.reviewId, { targetType, targetId, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listComments(fx.actors.facilitator, fx.reviewId, { targetType, targetId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(addComment(fx.actors.facilitator, fx.reviewId, { targetType: "TIMELINE_ENTRY", targetId: otherEntry.id, parentId: first.id, body: "x" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { parentId: expect.any(Array) },
    });
    await expect(deleteComment(fx.actors.admin, other.reviewId, first.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().comment.findMany({ where: { reviewId: fx.reviewId } })).toHaveLength(1);
    const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join("."));
    expect(paths(addCommentSchema.safeParse({ targetType: "TIMELINE_ENTRY", targetId: entry.id, body: "x".repeat(4001) }))).toEqual(["body"]);
    expect(paths(addCommentSchema.safeParse({ targetType: "ACCOUNT", targetId: entry.id, body: "   " }))).toEqual(["targetType", "body"]);
    expect(paths(listCommentsSchema.safeParse({ targetType: "FINDING" }))).toEqual(["targetId"]);
  });
});
