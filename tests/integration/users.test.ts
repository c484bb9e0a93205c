/**
 * People: the first admin, invitations and admin management (lib/users/*) on the real database.
 * The database is shared with other test files running in parallel, so it always has users and
 * admins: "no users yet" and "the last admin" cannot be arranged here. The setup page on an empty
 * database is proven end to end in tests/e2e/setup.spec.ts.
 */
import { describe, expect, it } from "vitest";
import { loadActor } from "../../lib/auth/load-actor";
import { verifyPassword } from "../../lib/auth/password";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { createFirstAdmin, createFirstAdminSchema, ensureEnvironmentAdmin, needsSetup } from "../../lib/users/first-admin";
import {
  acceptInvitation,
  acceptInvitationSchema,
  findOpenInvitation,
  INVITATION_TTL_MS,
  inviteUser,
  inviteUserSchema,
  revokeInvitation,
} from "../../lib/users/invitations";
import { listUsers, setUserActive, setUserRole } from "../../lib/users/manage-users";
import { createSsoUser } from "../../lib/users/sso-users";
import { actorFor, buildTeam, buildUser, uid } from "../support/factories";

const PASSWORD = "a long enough passphrase";

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function anAdmin() {
  return actorFor((await buildUser({ role: "ADMIN" })).id);
}

const accept = (token: string, name = "New Person") => acceptInvitation(acceptInvitationSchema.parse({ token, name, password: PASSWORD, confirmPassword: PASSWORD }));

describe("the first admin", () => {
  it("refuses to create a first admin once anyone has joined, and stores nothing", async () => {
    await buildUser();
    await expect(needsSetup()).resolves.toBe(false);
    const email = `late-${uid()}@test.example`;
    const input = createFirstAdminSchema.parse({ name: "Late Comer", email, password: PASSWORD, confirmPassword: PASSWORD });
    const error = await expectAppError(createFirstAdmin(input), "CONFLICT");
    expect(error.message).toMatch(/set up already/);
    await expect(db().user.findUnique({ where: { email } })).resolves.toBeNull();
  });

  it("validates the setup form: name, e-mail, a password of 10+ characters typed twice the same", () => {
    const bad = createFirstAdminSchema.safeParse({ name: " ", email: "nope", password: "short", confirmPassword: "other" });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({ name: "Tell us your name.", email: "Give a valid e-mail address.", password: "Use at least 10 characters." });
    const mismatch = createFirstAdminSchema.safeParse({ name: "A", email: "a@test.example", password: PASSWORD, confirmPassword: `${PASSWORD}!` });
    expect(mismatch.error?.issues).toEqual([expect.objectContaining({ path: ["confirmPassword"], message: "The passwords do not match." })]);
    const ok = createFirstAdminSchema.parse({ name: " Ada ", email: "Ada@Test.Example", password: PASSWORD, confirmPassword: PASSWORD });
    expect(ok).toMatchObject({ name: "Ada", email: "ada@test.example" });
  });

  it("creates the environment's admin once (address lower-cased), with an audit event, and never overwrites it", async () => {
    const id = uid();
    const email = `Env-Admin-${id}@Test.Example`;
    await expect(ensureEnvironmentAdmin(email, PASSWORD)).resolves.toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user).toMatchObject({ role: "ADMIN", deactivatedAt: null });
    expect(user.emailVerified).toBeInstanceOf(Date);
    await expect(verifyPassword(user.passwordHash!, PASSWORD)).resolves.toBe(true);
    const events = await db().auditEvent.findMany({ where: { subjectId: user.id } });
    expect(events).toEqual([expect.objectContaining({ type: "user.joined", actorId: user.id, subjectType: "User", data: { email: user.email, via: "environment" } })]);

    // At the next boot the same variables change nothing: not the password, not the role.
    await db().user.update({ where: { id: user.id }, data: { role: "MEMBER" } });
    await expect(ensureEnvironmentAdmin(email, "another long passphrase")).resolves.toBe(false);
    const again = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(again.passwordHash).toBe(user.passwordHash);
    expect(again.role).toBe("MEMBER");
    await expect(db().user.count({ where: { email: email.toLowerCase() } })).resolves.toBe(1);
  });
});

describe("joining through single sign-on", () => {
  it("creates a member (an install has users already) with the address lower-cased and a user.joined audit event", async () => {
    await buildUser();
    const email = `SSO-${uid()}@Test.Example`;
    const user = await createSsoUser({ name: " Sol Sso ", email, emailVerified: null, image: null });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Sol Sso", role: "MEMBER", passwordHash: null });
    await expect(db().auditEvent.findMany({ where: { subjectId: user.id } })).resolves.toEqual([
      expect.objectContaining({ type: "user.joined", actorId: user.id, subjectType: "User", data: { email: user.email, via: "sso" } }),
    ]);
    await expect(loadActor(user.id)).resolves.toMatchObject({ role: "MEMBER", teams: {} });
  });

  it("creates nothing when the address is taken (the unique address wins; no audit event is left behind)", async () => {
    const existing = await buildUser();
    await expect(createSsoUser({ email: existing.email.toUpperCase() })).rejects.toThrow();
    await expect(db().user.count({ where: { email: existing.email } })).resolves.toBe(1);
    await expect(db().auditEvent.count({ where: { type: "user.joined", data: { path: ["email"], equals: existing.email } } })).resolves.toBe(0);
  });
});

describe("invitations", () => {
  it("invite → open link → accept creates the user with their password, role, team membership and audit events", async () => {
    const admin = await anAdmin();
    const team = await buildTeam();
    const email = `Invitee-${uid()}@Test.Example`;
    const { invitation, token, emailed } = await inviteUser(admin, inviteUserSchema.parse({ email, teamId: team.id, teamRole: "PRODUCT_MANAGER" }));
    // Without SMTP nothing is e-mailed: the admin passes the link on.
    expect(emailed).toBe(false);
    expect(await db().outboundEmail.count({ where: { to: email.toLowerCase() } })).toBe(0);
    expect(invitation).toMatchObject({ email: email.toLowerCase(), role: "MEMBER", teamId: team.id, teamRole: "PRODUCT_MANAGER", invitedById: admin.id });
    // Only a hash of the link's secret is stored; the link is valid for 7 days.
    expect(invitation.tokenHash).not.toContain(token);
    expect(Math.abs(invitation.expiresAt.getTime() - (Date.now() + INVITATION_TTL_MS))).toBeLessThan(60_000);
    await expect(db().auditEvent.findMany({ where: { subjectId: invitation.id } })).resolves.toEqual([
      expect.objectContaining({ type: "user.invited", actorId: admin.id, data: { email: email.toLowerCase(), role: "MEMBER" } }),
    ]);

    const open = await findOpenInvitation(token);
    expect(open).toMatchObject({ id: invitation.id, email: email.toLowerCase(), team: { name: team.name } });
    await expect(findOpenInvitation(`${token}x`)).resolves.toBeNull();

    const user = await accept(token, "  Ivy Invitee ");
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Ivy Invitee", role: "MEMBER" });
    await expect(verifyPassword(user.passwordHash!, PASSWORD)).resolves.toBe(true);
    await expect(loadActor(user.id)).resolves.toMatchObject({ id: user.id, role: "MEMBER", teams: { [team.id]: "PRODUCT_MANAGER" } });
    await expect(db().auditEvent.findMany({ where: { subjectId: user.id } })).resolves.toEqual([
      expect.objectContaining({ type: "user.joined", actorId: user.id, data: { email: user.email, via: "invitation" } }),
    ]);
    await expect(db().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).resolves.toMatchObject({ acceptedAt: expect.any(Date) });
  });

  it("invites admins too, without a team", async () => {
    const admin = await anAdmin();
    const { token } = await inviteUser(admin, inviteUserSchema.parse({ email: `new-admin-${uid()}@test.example`, role: "ADMIN" }));
    const user = await accept(token);
    await expect(loadActor(user.id)).resolves.toMatchObject({ role: "ADMIN", teams: {} });
  });

  it("refuses a link that has been used", async () => {
    const admin = await anAdmin();
    const email = `reuse-${uid()}@test.example`;
    const { token } = await inviteUser(admin, inviteUserSchema.parse({ email }));
    await accept(token);
    await expect(findOpenInvitation(token)).resolves.toBeNull();
    await expectAppError(accept(token, "Someone Else"), "NOT_FOUND");
    await expect(db().user.count({ where: { email } })).resolves.toBe(1);
  });

  it("refuses an expired link", async () => {
    const admin = await anAdmin();
    const email = `expired-${uid()}@test.example`;
    const { invitation, token } = await inviteUser(admin, inviteUserSchema.parse({ email }));
    await db().invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(findOpenInvitation(token)).resolves.toBeNull();
    await expectAppError(accept(token), "NOT_FOUND");
    await expect(db().user.findUnique({ where: { email } })).resolves.toBeNull();
  });

  it("refuses a revoked link, and a new invitation revokes the previous one", async () => {
    const admin = await anAdmin();
    const email = `revoked-${uid()}@test.example`;
    const first = await inviteUser(admin, inviteUserSchema.parse({ email }));
    const second = await inviteUser(admin, inviteUserSchema.parse({ email }));
    await expect(findOpenInvitation(first.token)).resolves.toBeNull();
    await expectAppError(accept(first.token), "NOT_FOUND");
    await expect(findOpenInvitation(second.token)).resolves.toMatchObject({ id: second.invitation.id });

    await revokeInvitation(admin, second.invitation.id);
    await expect(findOpenInvitation(second.token)).resolves.toBeNull();
    await expectAppError(accept(second.token), "NOT_FOUND");
    await expect(db().user.findUnique({ where: { email } })).resolves.toBeNull();
    await expect(db().auditEvent.findMany({ where: { subjectId: second.invitation.id, type: "user.invitation_revoked" } })).resolves.toHaveLength(1);
  });

  it("lets only admins invite or revoke (FORBIDDEN), and stores nothing for others", async () => {
    const member = await actorFor((await buildUser()).id);
    const email = `forbidden-${uid()}@test.example`;
    const error = await expectAppError(inviteUser(member, inviteUserSchema.parse({ email })), "FORBIDDEN");
    expect(error.message).toBe("Only admins can invite people.");
    await expect(db().invitation.count({ where: { email } })).resolves.toBe(0);

    const { invitation, token } = await inviteUser(await anAdmin(), inviteUserSchema.parse({ email }));
    await expectAppError(revokeInvitation(member, invitation.id), "FORBIDDEN");
    await expect(findOpenInvitation(token)).resolves.not.toBeNull();
  });

  it("refuses to invite someone who has joined already (CONFLICT, on the e-mail field), whatever the case", async () => {
    const admin = await anAdmin();
    const existing = await buildUser();
    const error = await expectAppError(inviteUser(admin, inviteUserSchema.parse({ email: existing.email.toUpperCase() })), "CONFLICT");
    expect(error.fields).toEqual({ email: ["Already a member."] });
    await expect(db().invitation.count({ where: { email: existing.email } })).resolves.toBe(0);
  });

  it("refuses a team that does not exist", async () => {
    const admin = await anAdmin();
    const error = await expectAppError(inviteUser(admin, inviteUserSchema.parse({ email: `noteam-${uid()}@test.example`, teamId: "no-such-team" })), "VALIDATION_FAILED");
    expect(error.fields).toHaveProperty("teamId");
  });

  it("refuses to accept when the address joined in the meantime (e.g. through single sign-on)", async () => {
    const admin = await anAdmin();
    const email = `raced-${uid()}@test.example`;
    const { token } = await inviteUser(admin, inviteUserSchema.parse({ email }));
    await db().user.create({ data: { email, name: "Joined Elsewhere" } });
    await expectAppError(accept(token), "CONFLICT");
    await expect(db().user.count({ where: { email } })).resolves.toBe(1);
  });
});

describe("managing people", () => {
  it("an admin demotes another admin, with a user.role_changed audit event", async () => {
    const admin = await anAdmin();
    const other = await buildUser({ role: "ADMIN" });
    const updated = await setUserRole(admin, other.id, { role: "MEMBER" });
    expect(updated.role).toBe("MEMBER");
    await expect(loadActor(other.id)).resolves.toMatchObject({ role: "MEMBER" });
    await expect(db().auditEvent.findMany({ where: { subjectId: other.id, type: "user.role_changed" } })).resolves.toEqual([
      expect.objectContaining({ actorId: admin.id, subjectType: "User", data: { from: "ADMIN", to: "MEMBER" } }),
    ]);
    // Setting the role a user already has changes and records nothing.
    await setUserRole(admin, other.id, { role: "MEMBER" });
    await expect(db().auditEvent.count({ where: { subjectId: other.id, type: "user.role_changed" } })).resolves.toBe(1);
  });

  it("only admins change roles, deactivate people or list them", async () => {
    const member = await actorFor((await buildUser()).id);
    const target = await buildUser();
    await expectAppError(setUserRole(member, target.id, { role: "ADMIN" }), "FORBIDDEN");
    await expectAppError(setUserActive(member, target.id, false), "FORBIDDEN");
    await expectAppError(listUsers(member), "FORBIDDEN");
    await expect(loadActor(target.id)).resolves.toMatchObject({ role: "MEMBER" });
  });

  it("a deactivated user cannot load as an actor (so neither sessions nor tokens work) until reactivated", async () => {
    const admin = await anAdmin();
    const user = await buildUser();
    await expect(loadActor(user.id)).resolves.not.toBeNull();
    await setUserActive(admin, user.id, false);
    await expect(loadActor(user.id)).resolves.toBeNull();
    await setUserActive(admin, user.id, true);
    await expect(loadActor(user.id)).resolves.toMatchObject({ id: user.id });
    const events = await db().auditEvent.findMany({ where: { subjectId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type).sort()).toEqual(["user.deactivated", "user.reactivated"]);
  });

  it("an admin can be deactivated while another admin remains", async () => {
    const admin = await anAdmin();
    const other = await buildUser({ role: "ADMIN" });
    await setUserActive(admin, other.id, false);
    await expect(loadActor(other.id)).resolves.toBeNull();
  });

  it("unknown users are NOT_FOUND", async () => {
    const admin = await anAdmin();
    await expectAppError(setUserRole(admin, "no-such-user", { role: "ADMIN" }), "NOT_FOUND");
    await expectAppError(setUserActive(admin, "no-such-user", false), "NOT_FOUND");
    await expect(loadActor("no-such-user")).resolves.toBeNull();
  });
});
