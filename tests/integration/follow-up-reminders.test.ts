/**
 * The follow-up rhythm: owners of agreed actions due soon or overdue are reminded once per
 * threshold (and due date) — in-app, by e-mail through a real SMTP server, and in the team's chat
 * through a real webhook receiver that checks the body — and product managers get a weekly digest.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { reloadEnv } from "../../lib/env";
import { sendActionReminders } from "../../lib/follow-up/send-action-reminders";
import { sendWeeklyDigests } from "../../lib/follow-up/send-weekly-digests";
import { deliverDueEmails } from "../../lib/notify/email";
import { startChatReceiver } from "../support/chat-receiver";
import { buildIncident, buildReview, buildTeam, buildUser, uid } from "../support/factories";
import { startSmtpServer } from "../support/smtp";

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

const DAY = 86_400_000;
const day = (offset: number, base = Date.now()) => {
  const d = new Date(base + offset * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

async function setting(channel?: string) {
  const [assignee, pm, member] = await Promise.all([buildUser(), buildUser(), buildUser()]);
  const team = await buildTeam([{ userId: assignee.id }, { userId: pm.id, role: "PRODUCT_MANAGER" }, { userId: member.id }]);
  if (channel) await db().team.update({ where: { id: team.id }, data: { chatWebhookUrl: chat.url(channel) } });
  const incident = await buildIncident({ teamId: team.id });
  const review = await buildReview({ incidentId: incident.id, phase: "PUBLISHED", title: `Review ${uid()}` });
  let rank = 0;
  const action = (data: { title: string; dueDate?: Date | null; assigneeId?: string | null; status?: "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_DO"; agreedAt?: Date | null; closedAt?: Date | null }) =>
    db().actionItem.create({
      data: {
        reviewId: review.id,
        teamId: team.id,
        description: { type: "doc", content: [] },
        rank: `a${rank++}`,
        agreedAt: data.agreedAt === undefined ? new Date(Date.now() - 10 * DAY) : data.agreedAt,
        title: data.title,
        dueDate: data.dueDate ?? null,
        assigneeId: data.assigneeId ?? null,
        status: data.status ?? "OPEN",
        closedAt: data.closedAt ?? null,
      },
    });
  return { assignee, pm, member, team, review, action };
}

const remindersOf = (userId: string) => db().notification.findMany({ where: { userId, type: { in: ["action.due_soon", "action.overdue"] } }, orderBy: { createdAt: "asc" } });

describe("action reminders", () => {
  it("remind the assignee (else the product managers) once per threshold, by notice, e-mail and the team's chat", async () => {
    const channel = `reminders-${uid()}`;
    const { assignee, pm, member, team, review, action } = await setting(channel);
    const soon = await action({ title: `Due soon ${uid()}`, dueDate: day(2), assigneeId: assignee.id });
    const late = await action({ title: `Overdue ${uid()}`, dueDate: day(-3) });
    const far = await action({ title: `Far ${uid()}`, dueDate: day(20), assigneeId: assignee.id });
    const done = await action({ title: `Done ${uid()}`, dueDate: day(-3), assigneeId: assignee.id, status: "DONE", closedAt: new Date() });
    const proposal = await action({ title: `Proposal ${uid()}`, dueDate: day(-1), assigneeId: assignee.id, agreedAt: null });

    await sendActionReminders({ withinDays: 3, teamIds: [team.id] });
    const toAssignee = await remindersOf(assignee.id);
    expect(toAssignee.map((n) => [n.type, n.title])).toEqual([["action.due_soon", `Action due ${day(2).toISOString().slice(0, 10)}: “${soon.title}”`]]);
    const toPm = await remindersOf(pm.id);
    expect(toPm.map((n) => n.type)).toEqual(["action.overdue"]);
    expect(toPm[0]!.body).toContain("no assignee yet");
    expect(toPm[0]!.url).toBe(`/reviews/${review.id}/actions`);
    expect(await remindersOf(member.id)).toEqual([]);
    for (const quiet of [far, done, proposal]) expect(await db().actionReminder.count({ where: { actionId: quiet.id } })).toBe(0);

    // The team's channel: one message with both, as Slack/Teams' { "text": … }.
    const posts = chat.postsTo(channel);
    expect(posts).toHaveLength(1);
    expect(Object.keys(posts[0]!.body as object)).toEqual(["text"]);
    const text = (posts[0]!.body as { text: string }).text;
    expect(text).toContain(`Review actions of ${team.name} that need attention`);
    expect(text.indexOf(`Overdue: ${late.title}`)).toBeLessThan(text.indexOf(`Due soon: ${soon.title}`));
    expect(text).toContain("no assignee yet");
    expect(text).toContain(`https://debrief.test.example/reviews/${review.id}/actions`);

    while ((await deliverDueEmails()).sent > 0);
    expect(smtp.received.filter((m) => m.to.includes(assignee.email)).map((m) => m.subject)).toEqual([`Action due ${day(2).toISOString().slice(0, 10)}: “${soon.title}”`]);

    // Once per threshold: nothing new on the next run, nor in the chat.
    await sendActionReminders({ withinDays: 3, teamIds: [team.id] });
    expect(await remindersOf(assignee.id)).toHaveLength(1);
    expect(chat.postsTo(channel)).toHaveLength(1);

    // The due-soon action passes its date: the overdue reminder comes once.
    const afterDue = new Date(day(4).getTime() + 3_600_000);
    await sendActionReminders({ withinDays: 3, now: afterDue, teamIds: [team.id] });
    await sendActionReminders({ withinDays: 3, now: afterDue, teamIds: [team.id] });
    expect((await remindersOf(assignee.id)).map((n) => n.type)).toEqual(["action.due_soon", "action.overdue"]);
    // A new due date earns new reminders.
    await db().actionItem.update({ where: { id: late.id }, data: { dueDate: day(1) } });
    await sendActionReminders({ withinDays: 3, teamIds: [team.id] });
    expect((await remindersOf(pm.id)).map((n) => n.type)).toEqual(["action.overdue", "action.due_soon"]);
    expect(await db().auditEvent.count({ where: { type: "action.reminded", subjectId: { in: [soon.id, late.id] } } })).toBe(4);
  });

  it("retries a failed chat post on the next run, and never posts twice", async () => {
    const channel = `flaky-${uid()}`;
    const { assignee, team, action } = await setting(channel);
    await action({ title: `Flaky ${uid()}`, dueDate: day(1), assigneeId: assignee.id });
    chat.fail(true);
    await sendActionReminders({ withinDays: 3, teamIds: [team.id] });
    expect(chat.postsTo(channel)).toHaveLength(0);
    chat.fail(false);
    await sendActionReminders({ withinDays: 3, teamIds: [team.id] });
    await sendActionReminders({ withinDays: 3, teamIds: [team.id] });
    expect(chat.postsTo(channel)).toHaveLength(1);
    expect(await remindersOf(assignee.id)).toHaveLength(1);
  });
});

describe("product managers' weekly digest", () => {
  it("sums up the team's actions — new, overdue, done this week — once a week", async () => {
    const { pm, team, action } = await setting();
    const now = new Date();
    await action({ title: `New ${uid()}`, agreedAt: new Date(now.getTime() - 2 * DAY), dueDate: day(10) });
    await action({ title: `Late ${uid()}`, agreedAt: new Date(now.getTime() - 30 * DAY), dueDate: day(-2) });
    await action({ title: `Finished ${uid()}`, agreedAt: new Date(now.getTime() - 20 * DAY), status: "DONE", closedAt: new Date(now.getTime() - DAY) });
    await action({ title: `Long done ${uid()}`, agreedAt: new Date(now.getTime() - 40 * DAY), status: "DONE", closedAt: new Date(now.getTime() - 20 * DAY) });

    await sendWeeklyDigests({ now, teamIds: [team.id] });
    const digest = await db().notification.findMany({ where: { userId: pm.id, type: "backlog.weekly_digest" } });
    expect(digest).toHaveLength(1);
    expect(digest[0]).toMatchObject({ title: `This week in ${team.name}’s review actions`, url: `/teams/${team.slug}/backlog` });
    expect(digest[0]!.body).toContain("1 new action agreed, 1 action overdue, 1 action done this week.");
    while ((await deliverDueEmails()).sent > 0);
    const mail = smtp.received.find((m) => m.to.includes(pm.email) && m.subject.startsWith("Weekly:"));
    expect(mail?.text).toMatch(/Overdue\n• Late/);

    await sendWeeklyDigests({ now: new Date(now.getTime() + 3 * DAY), teamIds: [team.id] });
    expect(await db().notification.count({ where: { userId: pm.id, type: "backlog.weekly_digest" } })).toBe(1);
    await sendWeeklyDigests({ now: new Date(now.getTime() + 8 * DAY), teamIds: [team.id] });
    expect(await db().notification.count({ where: { userId: pm.id, type: "backlog.weekly_digest" } })).toBe(2);
  });
});
