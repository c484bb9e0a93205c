/** Admin management of people: list, change global role, deactivate / reactivate. */
import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { forgetActor } from "../auth/request-cache";

export const setUserRoleSchema = z.object({ role: z.enum(["ADMIN", "MEMBER"]) });

export async function listUsers(actor: Actor) {
  authorize(actor, "admin:manage", null, { message: "Only admins can manage people." });
  const [users, invitations] = await Promise.all([
    db().user.findMany({
      orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        deactivatedAt: true,
        createdAt: true,
        teamMemberships: { select: { role: true, team: { select: { id: true, name: true } } } },
      },
    }),
    db().invitation.findMany({
      where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, team: { select: { name: true } } },
    }),
  ]);
  return { users, invitations };
}

async function assertAnotherAdmin(userId: string) {
  const admins = await db().user.count({ where: { role: "ADMIN", deactivatedAt: null, id: { not: userId } } });
  if (admins === 0) throw new AppError("CONFLICT", "Debrief needs at least one active admin. Make someone else an admin first.");
}

export async function setUserRole(actor: Actor, userId: string, input: z.output<typeof setUserRoleSchema>) {
  authorize(actor, "admin:manage", null, { message: "Only admins can change roles." });
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!user) throw AppError.notFound("User");
  if (user.role === input.role) return user;
  if (user.role === "ADMIN") await assertAnotherAdmin(userId);
  return db().$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { role: input.role } });
    await recordAuditEvent(tx, { type: "user.role_changed", actorId: actor.id, subjectId: userId, data: { from: user.role, to: input.role } });
    return updated;
  }).finally(() => forgetActor(userId));
}

export async function setUserActive(actor: Actor, userId: string, active: boolean) {
  authorize(actor, "admin:manage", null, { message: "Only admins can deactivate people." });
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, role: true, deactivatedAt: true } });
  if (!user) throw AppError.notFound("User");
  if (!active && user.role === "ADMIN") await assertAnotherAdmin(userId);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: active ? null : new Date() } });
    await recordAuditEvent(tx, { type: active ? "user.reactivated" : "user.deactivated", actorId: actor.id, subjectId: userId, data: {} });
  });
  forgetActor(userId);
}
