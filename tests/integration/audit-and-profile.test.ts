/**
 * The admin audit log (lib/audit/list-audit-events.ts) and the personal profile
 * (lib/users/update-profile.ts) on the real database. Other test files write audit events in
 * parallel, so every query here is narrowed to an actor or review this file created.
 */
import { describe, expect, it } from "vitest";
import { sentenceText } from "../../lib/audit/describe-audit-event";
import { listAuditEvents, listAuditEventsSchema } from "../../lib/audit/list-audit-events";
import { listAuditFilterOptions } from "../../lib/audit/list-audit-filter-options";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { moveReviewPhase } from "../../lib/reviews/move-review-phase";
import { createTeam, createTeamSchema } from "../../lib/teams/create-team";
import { addTeamMember, setTeamMemberRole } from "../../lib/teams/manage-team-members";
import { getProfile } from "../../lib/users/get-profile";
import { inviteUser, inviteUserSchema } from "../../lib/users/invitations";
import { setUserActive } from "../../lib/users/manage-users";
import { updateProfile, updateProfileSchema } from "../../lib/users/update-profile";
import { actorFor, buildCast, buildUser, uid } from "../support/factories";

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const list = (input: Record<string, unknown>) => listAuditEventsSchema.parse(input);

describe("updating one's profile", () => {
  it("saves name and timezone and records which fields changed, never their values", async () => {
    const user = await buildUser({ name: "Before Name" });
    const actor = await actorFor(user.id);
    const saved = await updateProfile(actor, updateProfileSchema.parse({ name: "  After Name ", timezone: "Europe/Berlin" }));
    expect(saved).toMatchObject({ name: "After Name", timezone: "Europe/Berlin" });
    await expect(getProfile(actor)).resolves.toMatchObject({ name: "After Name", timezone: "Europe/Berlin", email: user.email });
    const events = await db().auditEvent.findMany({ where: { actorId: user.id, type: "user.profile_updated" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subjectType: "User", subjectId: user.id, data: { fields: ["name", "timezone"] } });
    expect(JSON.stringify(events[0]!.data)).not.toContain("After Name");
  });

  it("records nothing when nothing changed, and clears the timezone when left empty", async () => {
    const user = await buildUser({ name: "Same Name" });
    const actor = await actorFor(user.id);
    await updateProfile(actor, updateProfileSchema.parse({ name: "Same Name", timezone: "" }));
    expect(await db().auditEvent.count({ where: { actorId: user.id, type: "user.profile_updated" } })).toBe(0);
    await updateProfile(actor, updateProfileSchema.parse({ name: "Same Name", timezone: "America/New_York" }));
    await updateProfile(actor, updateProfileSchema.parse({ name: "Same Name", timezone: "" }));
    await expect(getProfile(actor)).resolves.toMatchObject({ timezone: null });
    const events = await db().auditEvent.findMany({ where: { actorId: user.id, type: "user.profile_updated" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.data)).toEqual([{ fields: ["timezone"] }, { fields: ["timezone"] }]);
  });

  it("validates the name (1–120 characters) and the timezone", () => {
    const issues = (input: unknown) =>
      Object.fromEntries((updateProfileSchema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(issues({ name: "   ", timezone: "" })).toEqual({ name: "Tell us your name." });
    expect(issues({ name: "x".repeat(121) })).toEqual({ name: "At most 120 characters." });
    expect(issues({ name: "x".repeat(120), timezone: "Mars/Olympus_Mons" })).toEqual({ timezone: "Choose a timezone from the list, e.g. Europe/Berlin." });
    expect(updateProfileSchema.parse({ name: "A", timezone: "Asia/Kolkata" })).toEqual({ name: "A", timezone: "Asia/Kolkata" });
  });
});

describe("the audit log", () => {
  it("is for admins only", async () => {
    const member = await actorFor((await buildUser()).id);
    const error = await expectAppError(listAuditEvents(member, list({})), "FORBIDDEN");
    expect(error.message).toMatch(/admins/);
    await expectAppError(listAuditFilterOptions(member), "FORBIDDEN");
  });

  it("tells each change in plain words with links, newest first, filtered by actor and type", async () => {
    const admin = await actorFor((await buildUser({ role: "ADMIN", name: `Auditor ${uid()}` })).id);
    const person = await buildUser({ name: `Pat ${uid()}` });
    const team = await createTeam(admin, createTeamSchema.parse({ name: `Audit team ${uid()}` }));
    await addTeamMember(admin, team.id, { email: person.email, role: "MEMBER" });
    await setTeamMemberRole(admin, team.id, person.id, { role: "PRODUCT_MANAGER" });
    const email = `invitee-${uid()}@test.example`;
    await inviteUser(admin, inviteUserSchema.parse({ email, role: "ADMIN" }));
    await setUserActive(admin, person.id, false);

    const { items, nextCursor } = await listAuditEvents(admin, list({ actorId: admin.id }));
    expect(nextCursor).toBeNull();
    expect(items.map((i) => i.type)).toEqual(["user.deactivated", "user.invited", "team.member_role_changed", "team.member_added", "team.created"]);
    expect(items.every((i) => i.actor?.name === admin.name)).toBe(true);
    const text = Object.fromEntries(items.map((i) => [i.type, sentenceText(i.sentence)]));
    expect(text).toEqual({
      "user.deactivated": `deactivated ${person.name}`,
      "user.invited": `invited ${email} as admin`,
      "team.member_role_changed": `made ${person.name} product manager of ${team.name}`,
      "team.member_added": `added ${person.name} to ${team.name} as member`,
      "team.created": `created the team ${team.name}`,
    });
    expect(items.find((i) => i.type === "team.created")!.sentence).toContainEqual({ label: team.name, href: `/teams/${team.slug}` });

    const invited = await listAuditEvents(admin, list({ actorId: admin.id, type: "user.invited" }));
    expect(invited.items.map((i) => i.type)).toEqual(["user.invited"]);
    await expect(listAuditFilterOptions(admin)).resolves.toMatchObject({ people: expect.arrayContaining([{ id: admin.id, label: admin.name }]) });
  });

  it("filters by review and names the review", async () => {
    const { review, actors } = await buildCast("PREPARING");
    await moveReviewPhase(actors.facilitator, review.id, { to: "INDEPENDENT" });
    const { items } = await listAuditEvents(actors.admin, list({ reviewId: review.id }));
    expect(items).toHaveLength(1);
    expect(items[0]!.actor?.id).toBe(actors.facilitator.id);
    expect(items[0]!.sentence).toEqual(["moved ", { label: review.title, href: `/reviews/${review.id}` }, " to Independent accounts"]);
    const options = await listAuditFilterOptions(actors.admin);
    expect(options.reviews).toContainEqual({ id: review.id, label: review.title });
  });

  it("pages with a cursor: every event exactly once, in order, even when several share a timestamp", async () => {
    const user = await buildUser();
    const actor = await actorFor(user.id);
    const admin = await actorFor((await buildUser({ role: "ADMIN" })).id);
    // Seven events by one actor, three of them at the very same instant.
    const at = new Date(Date.now() - 60_000);
    await db().auditEvent.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        type: "user.profile_updated",
        actorId: actor.id,
        subjectType: "User",
        subjectId: actor.id,
        data: { fields: ["name"] },
        createdAt: i < 3 ? at : new Date(at.getTime() + i * 1000),
      })),
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(admin, list({ actorId: actor.id, limit: 3, cursor }));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    const all = await db().auditEvent.findMany({ where: { actorId: actor.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(all.map((e) => e.id));
    expect(new Set(seen).size).toBe(7);
  });

  it("refuses a malformed cursor or an unknown event type plainly", async () => {
    const admin = await actorFor((await buildUser({ role: "ADMIN" })).id);
    const error = await expectAppError(listAuditEvents(admin, list({ cursor: "not-a-cursor" })), "VALIDATION_FAILED");
    expect(error.message).toMatch(/cursor/);
    expect(listAuditEventsSchema.safeParse({ type: "user.exploded" }).success).toBe(false);
  });
});
