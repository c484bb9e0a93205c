import { z } from "zod";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { decodeCursor, encodeCursor } from "../http/cursor";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { describeAuditEvent, type AuditLookups, type AuditRef } from "./describe-audit-event";
import { AUDIT_EVENT_TYPES, type AuditEventType } from "./events";

export const listAuditEventsSchema = z.object({
  type: z.enum(AUDIT_EVENT_TYPES as [AuditEventType, ...AuditEventType[]], { error: "Choose an event type from the list." }).optional(),
  actorId: z.string().min(1).max(64).optional(),
  reviewId: z.string().min(1).max(64).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type ListAuditEventsInput = z.output<typeof listAuditEventsSchema>;

const name = (u: { name: string | null; email: string }) => u.name ?? u.email;

/**
 * The organisation's audit log for admins, newest first, optionally only one event type, one
 * actor or one review. Keyset-paginated on (createdAt, id), so a page costs the same however long
 * the log grows. Each event comes with a sentence in plain words and links to what it is about.
 */
export async function listAuditEvents(actor: Actor, input: ListAuditEventsInput) {
  authorize(actor, "admin:manage", null, { message: "Only admins can read the audit log." });
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const where: Prisma.AuditEventWhereInput[] = [];
  if (input.type) where.push({ type: input.type });
  if (input.actorId) where.push({ actorId: input.actorId });
  if (input.reviewId) where.push({ reviewId: input.reviewId });
  if (after) where.push({ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] });
  const rows = await db().auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];

  // Everything the sentences name, looked up once per page.
  const ids = { users: new Set<string>(), teams: new Set<string>(), reviews: new Set<string>(), incidents: new Set<string>() };
  for (const e of page) {
    const d = (e.data ?? {}) as Record<string, unknown>;
    if (typeof d.userId === "string") ids.users.add(d.userId);
    if (typeof d.teamId === "string") ids.teams.add(d.teamId);
    if (e.reviewId) ids.reviews.add(e.reviewId);
    if (e.subjectType === "User") ids.users.add(e.subjectId);
    if (e.subjectType === "Team") ids.teams.add(e.subjectId);
    if (e.subjectType === "Review") ids.reviews.add(e.subjectId);
    if (e.subjectType === "Incident") ids.incidents.add(e.subjectId);
  }
  const [users, teams, reviews, incidents] = await Promise.all([
    db().user.findMany({ where: { id: { in: [...ids.users] } }, select: { id: true, name: true, email: true } }),
    db().team.findMany({ where: { id: { in: [...ids.teams] } }, select: { id: true, name: true, slug: true } }),
    db().review.findMany({ where: { id: { in: [...ids.reviews] } }, select: { id: true, title: true } }),
    db().incident.findMany({ where: { id: { in: [...ids.incidents] } }, select: { id: true, title: true } }),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [u, t, r, i] = [byId(users), byId(teams), byId(reviews), byId(incidents)];
  const gone = (what: string): AuditRef => ({ label: `a deleted ${what}` });
  const find: AuditLookups = {
    user: (id) => (id && u.get(id) ? { label: name(u.get(id)!) } : gone("person")),
    team: (id) => (id && t.get(id) ? { label: t.get(id)!.name, href: `/teams/${t.get(id)!.slug}` } : gone("team")),
    review: (id) => (id && r.get(id) ? { label: r.get(id)!.title, href: `/reviews/${id}` } : gone("review")),
    incident: (id) => (id && i.get(id) ? { label: i.get(id)!.title, href: `/incidents/${id}` } : gone("incident")),
  };

  return {
    items: page.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.createdAt,
      actor: e.actor ? { id: e.actor.id, name: name(e.actor), email: e.actor.email } : null,
      sentence: describeAuditEvent(e, find),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export type AuditListItem = Awaited<ReturnType<typeof listAuditEvents>>["items"][number];
