/**
 * Invitations: an admin invites someone by e-mail; the link (shown once, valid for 7 days)
 * lets them choose their name and password. Only a hash of the link's secret is stored. When
 * SMTP is set up the link is also e-mailed to them (through the outbox, in the same transaction).
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/password";
import { db } from "../db/client";
import { appUrl } from "../env";
import { AppError } from "../errors";
import { emailEnabled, queueEmails } from "../notify/email";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const inviteUserSchema = z.object({
  email: z.email("Give a valid e-mail address.").transform((e) => e.toLowerCase()),
  name: z.string().trim().max(120).optional(),
  role: z.enum(["ADMIN", "MEMBER"]).default("MEMBER"),
  teamId: z.string().optional(),
  teamRole: z.enum(["MEMBER", "PRODUCT_MANAGER"]).default("MEMBER"),
});

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(10),
    name: z.string().trim().min(1, "Tell us your name.").max(120, "At most 120 characters."),
    password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200, "At most 200 characters."),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

const hashToken = (t: string) => createHash("sha256").update(t).digest("hex");

/** Creates an invitation and returns its secret token (to be shown or sent once). */
export async function inviteUser(actor: Actor, input: z.output<typeof inviteUserSchema>) {
  authorize(actor, "admin:manage", null, { message: "Only admins can invite people." });
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", `${input.email} has already joined Debrief.`, { fields: { email: ["Already a member."] } });
  }
  if (input.teamId && !(await db().team.findUnique({ where: { id: input.teamId }, select: { id: true } }))) {
    throw new AppError("VALIDATION_FAILED", "That team does not exist.", { fields: { teamId: ["Choose an existing team."] } });
  }
  const token = randomBytes(24).toString("base64url");
  const invitation = await db().$transaction(async (tx) => {
    // A new invitation replaces any open one for the same address.
    await tx.invitation.updateMany({ where: { email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const inv = await tx.invitation.create({
      data: {
        email: input.email,
        name: input.name || null,
        role: input.role,
        teamId: input.teamId || null,
        teamRole: input.teamId ? input.teamRole : null,
        tokenHash: hashToken(token),
        invitedById: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    await recordAuditEvent(tx, { type: "user.invited", actorId: actor.id, subjectId: inv.id, data: { email: inv.email, role: inv.role } });
    await queueEmails(tx, [invitationEmail(inv.email, `${appUrl()}/invite/${token}`, actor.name ?? actor.email, inv.expiresAt)]);
    return inv;
  });
  return { invitation, token, emailed: emailEnabled() };
}

/** The invitation e-mail: who invites them, the link, until when it works. */
function invitationEmail(to: string, url: string, inviter: string, expiresAt: Date) {
  const until = expiresAt.toISOString().slice(0, 16).replace("T", " ");
  return {
    to,
    subject: `${inviter} invited you to Debrief`,
    text:
      `${inviter} invited you to Debrief, where your organisation reviews its incidents to learn from them.\n\n` +
      `Choose your name and password here (the link works once, until ${until} UTC):\n${url}\n\n` +
      "— Debrief. If you did not expect this, you can ignore it.",
  };
}

export async function revokeInvitation(actor: Actor, invitationId: string) {
  authorize(actor, "admin:manage", null, { message: "Only admins can revoke invitations." });
  const inv = await db().invitation.findUnique({ where: { id: invitationId } });
  if (!inv) throw AppError.notFound("Invitation");
  if (inv.acceptedAt) throw new AppError("CONFLICT", "This invitation has been accepted already.");
  await db().$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { type: "user.invitation_revoked", actorId: actor.id, subjectId: inv.id, data: { email: inv.email } });
  });
}

/** The open invitation behind a link, or null when unknown, used, revoked or expired. */
export async function findOpenInvitation(token: string) {
  const inv = await db().invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { team: { select: { name: true } } } });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= new Date()) return null;
  return inv;
}

/** Accepts an invitation: creates the user with their password (and team membership) at once. */
export async function acceptInvitation(input: z.output<typeof acceptInvitationSchema>) {
  const inv = await findOpenInvitation(input.token);
  if (!inv) throw new AppError("NOT_FOUND", "This invitation link is not valid any more. Ask an admin for a new one.");
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "This invitation has just been used.");
    if (await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `${inv.email} has already joined Debrief. Sign in instead.`);
    }
    const user = await tx.user.create({ data: { email: inv.email, name: input.name, passwordHash, role: inv.role, emailVerified: new Date() } });
    if (inv.teamId) await tx.teamMembership.create({ data: { teamId: inv.teamId, userId: user.id, role: inv.teamRole ?? "MEMBER" } });
    await recordAuditEvent(tx, { type: "user.joined", actorId: user.id, subjectId: user.id, data: { email: user.email, via: "invitation" } });
    return user;
  });
}
