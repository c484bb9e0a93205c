/**
 * Digests of newly published reviews: followers get each review they may see once — as notices
 * and one e-mail through a real SMTP server — never one they may not see; teams' chat channels
 * (a real webhook receiver on 127.0.0.1) get their team's new reviews once, retried after a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { reloadEnv } from "../../lib/env";
import { follow } from "../../lib/follow/follow";
import { sendFollowDigests } from "../../lib/follow/send-follow-digests";
import { sendTeamChatDigests } from "../../lib/follow/send-team-chat-digests";
import { deliverDueEmails } from "../../lib/notify/email";
import { startChatReceiver } from "../support/chat-receiver";
import { actorFor, buildTeam, buildUser, uid } from "../support/factories";
import { startSmtpServer } from "../support/smtp";
import { publishedReview } from "./follow-fixtures";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let chat: Awaited<ReturnType<typeof startChatReceiver>>;

beforeAll(async () => {
  [smtp, chat] = await Promise.all([startSmtpServer(), startChatReceiver()]);
  process.env.SMTP_URL = smtp.url;
  process.env.APP_URL = "https://debrief.test.example";
  reloadEnv();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  reloadEnv();
  await Promise.all([smtp.close(), chat.close()]);
});

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const notices = (userId: string) => db().notification.findMany({ where: { userId, type: "follow.published" }, orderBy: { createdAt: "asc" } });

describe("followers' digests", () => {
  it("send each new review a follower may see once — in-app and by e-mail — and never one they may not see", async () => {
    const reader = await buildUser();
    const me = await actorFor(reader.id);
    const [other, mine] = await Promise.all([buildTeam(), buildTeam([{ userId: reader.id }])]);
    const service = `payments-db-${uid()}`;
    await follow(me, { kind: "TEAM", value: other.id });
    await follow(me, { kind: "SERVICE", value: service });
    await follow(me, { kind: "TEAM", value: mine.id });
    const soon = new Date(Date.now() + 1_000);

    const open = await publishedReview({ teamId: other.id, publishedAt: soon, title: `Open ${uid()}` });
    const viaService = await publishedReview({ teamId: (await buildTeam()).id, services: [service.toUpperCase()], publishedAt: soon, title: `Service ${uid()}` });
    const ownTeamOnly = await publishedReview({ teamId: mine.id, visibility: "TEAM", publishedAt: soon, title: `Own team ${uid()}` });
    // Followed, but not for this reader's eyes: another team's team-only review, and a participants-only one.
    const hiddenTeam = await publishedReview({ teamId: other.id, visibility: "TEAM", publishedAt: soon, title: `Hidden team ${uid()}` });
    const hiddenParticipants = await publishedReview({ teamId: other.id, visibility: "PARTICIPANTS", publishedAt: soon, title: `Hidden participants ${uid()}` });
    // Published before following: not news.
    const old = await publishedReview({ teamId: other.id, publishedAt: new Date(Date.now() - DAY), title: `Old ${uid()}` });

    const later = new Date(Date.now() + 10 * MIN);
    await sendFollowDigests({ now: later, userIds: [reader.id] });
    const got = await notices(reader.id);
    const ids = got.map((n) => n.reviewId);
    expect(ids.sort()).toEqual([open.id, viaService.id, ownTeamOnly.id].sort());
    for (const hidden of [hiddenTeam, hiddenParticipants, old]) expect(ids).not.toContain(hidden.id);
    expect(got.find((n) => n.reviewId === viaService.id)).toMatchObject({ url: `/reviews/${viaService.id}/report`, body: expect.stringContaining(`You follow the service “${service}”`) });

    while ((await deliverDueEmails()).sent > 0);
    const mails = smtp.received.filter((m) => m.to.includes(reader.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("3 new post-incident reviews for what you follow");
    for (const r of [open, viaService, ownTeamOnly]) expect(mails[0]!.text).toContain(`https://debrief.test.example/reviews/${r.id}/report`);
    for (const r of [hiddenTeam, hiddenParticipants]) expect(mails[0]!.text).not.toContain(r.title);

    // Once: running again (now or the next day) sends nothing new for these reviews.
    await sendFollowDigests({ now: later, userIds: [reader.id] });
    await sendFollowDigests({ now: new Date(later.getTime() + 2 * DAY), userIds: [reader.id] });
    expect(await notices(reader.id)).toHaveLength(3);

    // A review published after the last digest comes with the next one — not before it is due.
    const next = await publishedReview({ teamId: other.id, publishedAt: new Date(later.getTime() + 2 * DAY + MIN), title: `Next ${uid()}` });
    await sendFollowDigests({ now: new Date(later.getTime() + 2 * DAY + 20 * MIN), userIds: [reader.id] });
    expect((await notices(reader.id)).map((n) => n.reviewId)).not.toContain(next.id);
    await sendFollowDigests({ now: new Date(later.getTime() + 4 * DAY), userIds: [reader.id] });
    expect((await notices(reader.id)).map((n) => n.reviewId)).toContain(next.id);
    const audit = await db().auditEvent.findMany({ where: { type: "follow.digest_sent", subjectId: reader.id } });
    expect(audit).toHaveLength(2);
  });
});

describe("teams' chat digests", () => {
  it("post a team's newly published reviews to its channel once, as { text }, and retry a failed post", async () => {
    const channel = `team-${uid()}`;
    const team = await db().team.create({ data: { name: `Chatty ${uid()}`, slug: `chatty-${uid()}`, chatWebhookUrl: chat.url(channel) } });
    const soon = new Date(Date.now() + 1_000);
    const a = await publishedReview({ teamId: team.id, publishedAt: soon, title: `First ${uid()}` });
    const b = await publishedReview({ teamId: team.id, visibility: "TEAM", publishedAt: soon, title: `Second ${uid()}` });
    const secret = await publishedReview({ teamId: team.id, visibility: "PARTICIPANTS", publishedAt: soon, title: `Secret ${uid()}` });
    const now = new Date(Date.now() + 10 * MIN);

    chat.fail(true);
    const failed = await sendTeamChatDigests({ now, teamIds: [team.id] });
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect(chat.postsTo(channel)).toHaveLength(0);

    chat.fail(false);
    await sendTeamChatDigests({ now, teamIds: [team.id] });
    const posts = chat.postsTo(channel);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.contentType).toBe("application/json");
    const text = (posts[0]!.body as { text: string }).text;
    expect(Object.keys(posts[0]!.body as object)).toEqual(["text"]);
    expect(text).toContain(`${team.name} published 2 post-incident reviews`);
    for (const r of [a, b]) expect(text).toContain(`${r.title}`);
    expect(text).toContain(`https://debrief.test.example/reviews/${a.id}/report`);
    expect(text).not.toContain(secret.title);

    await sendTeamChatDigests({ now, teamIds: [team.id] });
    await sendTeamChatDigests({ now: new Date(now.getTime() + 2 * DAY), teamIds: [team.id] });
    expect(chat.postsTo(channel)).toHaveLength(1);
  });
});
