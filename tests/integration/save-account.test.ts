/**
 * Saving a responder's draft (the autosave path): each save is based on a version, a stale save is
 * refused with the current version, racing saves cannot both win, and only the author may save,
 * only while accounts are open. What is stored is exactly what was sent, with its text and word
 * count; a refused save changes nothing.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { getMyAccount } from "../../lib/responder-accounts/get-my-account";
import { saveMyAccount } from "../../lib/responder-accounts/save-my-account";
import { reopenMyAccount, submitMyAccount } from "../../lib/responder-accounts/submit-my-account";
import { buildCast } from "../support/factories";

const doc = (text: string) => ({ type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }] });

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the save to be refused");
}

const stored = (reviewId: string, authorId: string) => db().responderAccount.findUnique({ where: { reviewId_authorId: { reviewId, authorId } } });

describe("saving a draft account", () => {
  it("stores each save on top of the last, and refuses a stale one with the current version, changing nothing", async () => {
    const { review, actors, users } = await buildCast("INDEPENDENT");
    const before = Date.now();
    const first = await saveMyAccount(actors.responder, review.id, { content: doc("I was on call when the alert fired."), baseVersion: 0 });
    expect(first).toMatchObject({ version: 1, wordCount: 8 });
    const second = await saveMyAccount(actors.responder, review.id, { content: doc("I was on call when the first alert fired at night."), baseVersion: 1 });
    expect(second).toMatchObject({ version: 2, wordCount: 11 });

    const row = await stored(review.id, users.responder.id);
    expect(row).toMatchObject({ version: 2, wordCount: 11, text: "I was on call when the first alert fired at night.", status: "DRAFTING" });
    expect(row!.content).toEqual(doc("I was on call when the first alert fired at night."));
    // Stored as the same instant, whatever the server's time zone.
    expect(row!.lastEditedAt!.getTime()).toBe(second.savedAt.getTime());
    expect(row!.lastEditedAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(row!.updatedAt.getTime()).toBe(second.savedAt.getTime());

    // Another tab still on version 1.
    const stale = await refusal(saveMyAccount(actors.responder, review.id, { content: doc("An older tab's text."), baseVersion: 1 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details).toMatchObject({ current: { version: 2, content: doc("I was on call when the first alert fired at night.") } });
    expect(await stored(review.id, users.responder.id)).toEqual(row);

    const mine = await getMyAccount(actors.responder, review.id);
    expect(mine).toMatchObject({ version: 2, content: doc("I was on call when the first alert fired at night.") });
  });

  it("lets exactly one of two racing saves on the same version win", async () => {
    const { review, actors, users } = await buildCast("INDEPENDENT");
    await saveMyAccount(actors.responder, review.id, { content: doc("start"), baseVersion: 0 });
    const results = await Promise.allSettled([
      saveMyAccount(actors.responder, review.id, { content: doc("from the laptop"), baseVersion: 1 }),
      saveMyAccount(actors.responder, review.id, { content: doc("from the phone"), baseVersion: 1 }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(((lost[0] as PromiseRejectedResult).reason as AppError).code).toBe("CONFLICT");
    const row = await stored(review.id, users.responder.id);
    expect(row!.version).toBe(2);
    const winner = results.findIndex((r) => r.status === "fulfilled");
    expect(row!.text).toBe(winner === 0 ? "from the laptop" : "from the phone");
  });

  it("refuses saves to a submitted account until it is reopened", async () => {
    const { review, actors, users } = await buildCast("INDEPENDENT");
    await saveMyAccount(actors.responder, review.id, { content: doc("done writing"), baseVersion: 0 });
    await submitMyAccount(actors.responder, review.id);
    const refused = await refusal(saveMyAccount(actors.responder, review.id, { content: doc("one more thing"), baseVersion: 1 }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/submitted/);
    expect((await stored(review.id, users.responder.id))!.text).toBe("done writing");

    await reopenMyAccount(actors.responder, review.id);
    const reopened = await stored(review.id, users.responder.id);
    const saved = await saveMyAccount(actors.responder, review.id, { content: doc("one more thing"), baseVersion: reopened!.version });
    expect(saved.version).toBe(reopened!.version + 1);
  });

  it("lets only the review's responders save, only while accounts are open", async () => {
    const { review, actors } = await buildCast("INDEPENDENT");
    for (const who of ["facilitator", "observer", "teamMember", "admin"] as const) {
      const e = await refusal(saveMyAccount(actors[who], review.id, { content: doc("not mine to write"), baseVersion: 0 }));
      expect(e.code, who).toBe("NOT_FOUND");
    }
    expect(await db().responderAccount.count({ where: { reviewId: review.id } })).toBe(0);

    const preparing = await buildCast("PREPARING");
    expect((await refusal(saveMyAccount(preparing.actors.responder, preparing.review.id, { content: doc("too early"), baseVersion: 0 }))).code).toBe("CONFLICT");
    const revealed = await buildCast("GROUP");
    expect((await refusal(saveMyAccount(revealed.actors.responder, revealed.review.id, { content: doc("too late"), baseVersion: 0 }))).code).toBe("CONFLICT");
    const outsider = await refusal(saveMyAccount(preparing.actors.outsider, "no-such-review", { content: doc("?"), baseVersion: 0 }));
    expect(outsider.code).toBe("NOT_FOUND");
  });
});
