/**
 * Notices and e-mails around independent accounts, delivered through a real SMTP server on
 * localhost: responders are asked to write, reminded (by hand and once automatically when
 * overdue), and told of the reveal — and no notice or e-mail ever carries account content.
 * Invitations are e-mailed too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { reloadEnv } from "../../lib/env";
import { deliverDueEmails } from "../../lib/notify/email";
import { listMyNotifications } from "../../lib/notify/notifications";
import { remindResponders } from "../../lib/responder-accounts/remind-responders";
import { saveMyAccount } from "../../lib/responder-accounts/save-my-account";
import { sendOverdueReminders } from "../../lib/responder-accounts/send-overdue-reminders";
import { moveReviewPhase } from "../../lib/reviews/move-review-phase";
import { inviteUser, inviteUserSchema } from "../../lib/users/invitations";
import { actorFor, buildCast, buildUser, uid } from "../support/factories";
import { startSmtpServer } from "../support/smtp";

let reject = false;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer({ reject: () => reject });
  process.env.SMTP_URL = smtp.url;
  process.env.EMAIL_FROM = "Debrief <debrief@test.example>";
  process.env.APP_URL = "https://debrief.test.example";
  reloadEnv();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  reloadEnv();
  await smtp.close();
});

const doc = (text: string) => ({ type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }] });
const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe("notices and e-mails for independent accounts", () => {
  it("ask responders to write, remind them, tell everyone of the reveal — never with account content", async () => {
    const { review, actors, users } = await buildCast("PREPARING");
    await moveReviewPhase(actors.facilitator, review.id, { to: "INDEPENDENT" });
    const marker = `secret-${uid()}`;
    await saveMyAccount(actors.responder, review.id, { content: doc(`I saw ${marker}`), baseVersion: 0 });

    const asked = await listMyNotifications(actors.responder);
    expect(asked.items[0]).toMatchObject({ type: "account.requested", url: `/reviews/${review.id}/account` });
    expect(asked.unread).toBeGreaterThanOrEqual(1);

    await remindResponders(actors.facilitator, review.id, {});
    await moveReviewPhase(actors.facilitator, review.id, { to: "GROUP" });
    while ((await deliverDueEmails()).sent > 0);

    const toResponder = mailTo(users.responder.email);
    expect(toResponder.map((m) => m.subject)).toEqual([
      expect.stringContaining("Write your account"),
      expect.stringContaining("Reminder: your account"),
      expect.stringContaining("are revealed"),
    ]);
    expect(toResponder[0]!.text).toContain(`https://debrief.test.example/reviews/${review.id}/account`);
    expect(mailTo(users.observer.email).map((m) => m.subject)).toEqual([expect.stringContaining("are revealed")]);
    expect(mailTo(users.outsider.email)).toEqual([]);
    // The independence guarantee holds in notices and e-mails: nobody's inbox holds account text.
    for (const m of smtp.received) expect(m.raw + m.subject + m.text).not.toContain(marker);
    for (const who of Object.values(actors)) expect(JSON.stringify(await listMyNotifications(who))).not.toContain(marker);
  });

  it("remind overdue responders once, automatically, and not those who submitted", async () => {
    const { review, actors, users } = await buildCast("PREPARING");
    await moveReviewPhase(actors.facilitator, review.id, { to: "INDEPENDENT" });
    await db().review.update({ where: { id: review.id }, data: { accountDeadline: new Date(Date.now() - 60_000) } });
    expect(await sendOverdueReminders()).toBeGreaterThanOrEqual(1);
    expect(await sendOverdueReminders()).toBe(0);
    const notices = (await listMyNotifications(actors.responder)).items.filter((n) => n.reviewId === review.id && n.type === "account.overdue");
    expect(notices).toHaveLength(1);
    const audit = await db().auditEvent.findFirst({ where: { reviewId: review.id, type: "review.responders_reminded" } });
    expect(audit).toMatchObject({ actorId: null, data: { userIds: [users.responder.id], automatic: true } });
  });

  it("retry a failed delivery later instead of losing it", async () => {
    const { review, actors, users } = await buildCast("PREPARING");
    reject = true;
    try {
      await moveReviewPhase(actors.facilitator, review.id, { to: "INDEPENDENT" });
      await deliverDueEmails();
      const pending = await db().outboundEmail.findFirstOrThrow({ where: { to: users.responder.email } });
      expect(pending).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(pending.lastError).toMatch(/450/);
      expect(pending.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    } finally {
      reject = false;
    }
    await db().outboundEmail.updateMany({ where: { to: users.responder.email }, data: { nextAttemptAt: new Date() } });
    await deliverDueEmails();
    expect(await db().outboundEmail.findFirstOrThrow({ where: { to: users.responder.email } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(mailTo(users.responder.email)).toHaveLength(1);
  });

  it("send an invitation's link to the person invited, once", async () => {
    const admin = await actorFor((await buildUser({ role: "ADMIN", name: "Ada Inviter" })).id);
    const email = `newcomer-${uid()}@test.example`;
    const { token, emailed } = await inviteUser(admin, inviteUserSchema.parse({ email }));
    expect(emailed).toBe(true);
    while ((await deliverDueEmails()).sent > 0);
    const mails = mailTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Ada Inviter invited you to Debrief");
    expect(mails[0]!.text).toContain(`https://debrief.test.example/invite/${token}`);
  });
});
