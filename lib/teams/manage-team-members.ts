/**
 * Team membership: add a member, change their team role (member / product manager), remove them.
 * Admins, and the team's product managers, may do this.
 */
import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { forgetActor } from "../auth/request-cache";

export const TEAM_ROLES = ["MEMBER", "PRODUCT_MANAGER"] as const;

export const addTeamMemberSchema = z.object({
  email: z.email("Give the person's e-mail address.").transform((e) => e.toLowerCase()),
  role: z.enum(TEAM_ROLES).default("MEMBER"),
});

export const setTeamMemberRoleSchema = z.object({ role: z.enum(TEAM_ROLES) });

async function teamOr404(teamId: string) {
  const team = await db().team.findUnique({ where: { id: teamId }, select: { id: true, name: true } });
  if (!team) throw AppError.notFound("Team");
  return team;
}

export async function addTeamMember(actor: Actor, teamId: string, input: z.output<typeof addTeamMemberSchema>) {
  const team = await teamOr404(teamId);
  authorize(actor, "team:manage-members", team, { message: "Only admins and the team's product managers can add members." });
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) {
    throw new AppError("VALIDATION_FAILED", "That person has not joined Debrief yet.", {
      fields: { email: ["No active Debrief user has this e-mail address. Invite them first."] },
    });
  }
  if (await db().teamMembership.findUnique({ where: { teamId_userId: { teamId, userId: user.id } } })) {
    throw new AppError("CONFLICT", `${input.email} is already a member of ${team.name}.`, { fields: { email: ["Already a member."] } });
  }
  return db().$transaction(async (tx) => {
    const m = await tx.teamMembership.create({ data: { teamId, userId: user.id, role: input.role } });
    await recordAuditEvent(tx, { type: "team.member_added", actorId: actor.id, subjectId: m.id, data: { teamId, userId: user.id, role: input.role } });
    return m;
  }).finally(() => forgetActor(user.id));
}

export async function setTeamMemberRole(actor: Actor, teamId: string, userId: string, input: z.output<typeof setTeamMemberRoleSchema>) {
  const team = await teamOr404(teamId);
  authorize(actor, "team:manage-members", team, { message: "Only admins and the team's product managers can change team roles." });
  const m = await db().teamMembership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  if (!m) throw AppError.notFound("Team member");
  return db().$transaction(async (tx) => {
    const updated = await tx.teamMembership.update({ where: { id: m.id }, data: { role: input.role } });
    await recordAuditEvent(tx, { type: "team.member_role_changed", actorId: actor.id, subjectId: m.id, data: { teamId, userId, role: input.role } });
    return updated;
  }).finally(() => forgetActor(userId));
}

export async function removeTeamMember(actor: Actor, teamId: string, userId: string) {
  const team = await teamOr404(teamId);
  authorize(actor, "team:manage-members", team, { message: "Only admins and the team's product managers can remove members." });
  const m = await db().teamMembership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  if (!m) throw AppError.notFound("Team member");
  await db().$transaction(async (tx) => {
    await tx.teamMembership.delete({ where: { id: m.id } });
    await recordAuditEvent(tx, { type: "team.member_removed", actorId: actor.id, subjectId: m.id, data: { teamId, userId } });
  });
  forgetActor(userId);
}
