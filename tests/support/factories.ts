/**
 * Test data builders. Each creates its own team and users with unique names, so tests never
 * need cleanup and can run in parallel against one database.
 */
import { randomBytes } from "node:crypto";
import { loadActor } from "../../lib/auth/load-actor";
import { db } from "../../lib/db/client";
import type { Actor, GlobalRole, ParticipantRole, ReviewPhase, ReviewVisibility, TeamRole } from "../../lib/policies/types";

export const uid = () => randomBytes(5).toString("hex");

export async function buildUser(opts: { role?: GlobalRole; name?: string; passwordHash?: string; deactivated?: boolean } = {}) {
  const id = uid();
  return db().user.create({
    data: {
      email: `user-${id}@test.example`,
      name: opts.name ?? `User ${id}`,
      role: opts.role ?? "MEMBER",
      passwordHash: opts.passwordHash ?? null,
      deactivatedAt: opts.deactivated ? new Date() : null,
    },
  });
}

export async function buildTeam(members: { userId: string; role?: TeamRole }[] = []) {
  const id = uid();
  return db().team.create({
    data: { name: `Team ${id}`, slug: `team-${id}`, memberships: { create: members.map((m) => ({ userId: m.userId, role: m.role ?? "MEMBER" })) } },
  });
}

export async function buildIncident(opts: { teamId: string; createdById?: string; title?: string }) {
  const startedAt = new Date(Date.now() - 86_400_000);
  return db().incident.create({
    data: {
      title: opts.title ?? `Incident ${uid()}`,
      severity: "SEV2",
      startedAt,
      detectedAt: new Date(startedAt.getTime() + 300_000),
      resolvedAt: new Date(startedAt.getTime() + 3_600_000),
      services: ["api"],
      teamId: opts.teamId,
      createdById: opts.createdById ?? null,
    },
  });
}

export async function buildReview(opts: {
  incidentId: string;
  phase?: ReviewPhase;
  visibility?: ReviewVisibility;
  participants?: { userId: string; role: ParticipantRole }[];
  title?: string;
}) {
  return db().review.create({
    data: {
      incidentId: opts.incidentId,
      title: opts.title ?? `Review ${uid()}`,
      phase: opts.phase ?? "PREPARING",
      visibility: opts.visibility ?? "ORGANISATION",
      participants: { create: opts.participants ?? [] },
    },
  });
}

export async function actorFor(userId: string): Promise<Actor> {
  const actor = await loadActor(userId);
  if (!actor) throw new Error(`no active user ${userId}`);
  return actor;
}

/**
 * A whole cast around one review: admin, facilitator, responder, observer, a member of the
 * owning team, a product manager of it, and an outsider (member of another team).
 */
export async function buildCast(phase: ReviewPhase = "PREPARING", visibility: ReviewVisibility = "ORGANISATION") {
  const [admin, facilitator, responder, observer, teamMember, pm, outsider] = await Promise.all([
    buildUser({ role: "ADMIN" }),
    buildUser(),
    buildUser(),
    buildUser(),
    buildUser(),
    buildUser(),
    buildUser(),
  ]);
  const team = await buildTeam([{ userId: teamMember.id }, { userId: pm.id, role: "PRODUCT_MANAGER" }]);
  await buildTeam([{ userId: outsider.id }]);
  const incident = await buildIncident({ teamId: team.id, createdById: teamMember.id });
  const review = await buildReview({
    incidentId: incident.id,
    phase,
    visibility,
    participants: [
      { userId: facilitator.id, role: "FACILITATOR" },
      { userId: responder.id, role: "RESPONDER" },
      { userId: observer.id, role: "OBSERVER" },
    ],
  });
  const users = { admin, facilitator, responder, observer, teamMember, pm, outsider };
  const actors = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await actorFor(u.id)]))) as Record<
    keyof typeof users,
    Actor
  >;
  return { team, incident, review, users, actors };
}

/** An account written directly into the database (phase rules are the use cases' business). */
export async function buildAccount(opts: { reviewId: string; authorId: string; text: string; status?: "DRAFTING" | "SUBMITTED"; timeline?: string[] }) {
  const account = await db().responderAccount.create({
    data: {
      reviewId: opts.reviewId,
      authorId: opts.authorId,
      content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: opts.text }] }] },
      text: opts.text,
      wordCount: opts.text.split(/\s+/).filter(Boolean).length,
      version: 1,
      status: opts.status ?? "DRAFTING",
      submittedAt: opts.status === "SUBMITTED" ? new Date() : null,
      lastEditedAt: new Date(),
    },
  });
  for (const description of opts.timeline ?? []) {
    await db().timelineEntry.create({
      data: { reviewId: opts.reviewId, accountId: account.id, authorId: opts.authorId, occurredAt: new Date(Date.now() - 3_600_000), description, kind: "OBSERVATION" },
    });
  }
  return account;
}

/** A personal timeline entry in an account, `minutes` after `base` (written directly, like buildAccount). */
export async function buildPersonalEntry(opts: {
  reviewId: string;
  accountId: string;
  authorId: string;
  base: Date;
  minutes: number;
  description: string;
  kind?: "OBSERVATION" | "ACTION" | "DECISION" | "COMMUNICATION" | "ALERT";
}) {
  return db().timelineEntry.create({
    data: {
      reviewId: opts.reviewId,
      accountId: opts.accountId,
      authorId: opts.authorId,
      occurredAt: new Date(opts.base.getTime() + opts.minutes * 60_000),
      description: opts.description,
      kind: opts.kind ?? "OBSERVATION",
    },
  });
}

/** A shared timeline entry of the group session (no account). */
export async function buildSharedEntry(opts: { reviewId: string; occurredAt?: Date; description?: string; sourceEntryIds?: string[]; keyMoment?: "DETECTION" | "DIAGNOSIS" | "REPAIR" | "OTHER" }) {
  return db().timelineEntry.create({
    data: {
      reviewId: opts.reviewId,
      accountId: null,
      occurredAt: opts.occurredAt ?? new Date(Date.now() - 3_600_000),
      description: opts.description ?? `Shared ${uid()}`,
      kind: "OBSERVATION",
      keyMoment: opts.keyMoment ?? null,
      sourceEntryIds: opts.sourceEntryIds ?? [],
    },
  });
}

/** A finding of the group session, optionally supported by shared entries. */
export async function buildFinding(opts: { reviewId: string; title?: string; category?: "CONTRIBUTING_TECHNICAL" | "CONTRIBUTING_HUMAN" | "KNOWLEDGE_GAP" | "OPERATIONAL_SURPRISE" | "WENT_WELL"; evidenceEntryIds?: string[] }) {
  return db().finding.create({
    data: {
      reviewId: opts.reviewId,
      category: opts.category ?? "CONTRIBUTING_TECHNICAL",
      title: opts.title ?? `Finding ${uid()}`,
      evidence: { create: (opts.evidenceEntryIds ?? []).map((timelineEntryId) => ({ timelineEntryId })) },
    },
  });
}
