import { db } from "../db/client";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";

const name = (u: { name: string | null; email: string }) => u.name ?? u.email;

/** The choices of the audit log's filters: everyone who has acted, and the most recent reviews. */
export async function listAuditFilterOptions(actor: Actor) {
  authorize(actor, "admin:manage", null, { message: "Only admins can read the audit log." });
  const [people, reviews] = await Promise.all([
    db().user.findMany({
      where: { auditEvents: { some: {} } },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true },
      take: 500,
    }),
    db().review.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, title: true }, take: 200 }),
  ]);
  return { people: people.map((p) => ({ id: p.id, label: name(p) })), reviews: reviews.map((x) => ({ id: x.id, label: x.title })) };
}
