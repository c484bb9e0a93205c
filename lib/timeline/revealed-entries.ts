/**
 * The personal timeline entries the group session works from: those of revealed accounts only,
 * attributed exactly as listAccounts attributes accounts — with anonymised accounts, everyone but
 * admins sees "Responder A/B…" (and each author their own entries as theirs).
 *
 * Revealed means: the review is past the reveal, and the entry belongs to the account of a
 * current responder (a responder removed before the reveal keeps their draft: revealed to nobody).
 */
import { db, type Tx } from "../db/client";
import { can, isAdmin, isRevealed } from "../policies";
import type { Actor, ParticipantRole, ReviewFacts, ReviewPhase } from "../policies/types";
import type { AttributedEntry } from "./merge-timeline";

type ReviewForEntries = {
  id: string;
  phase: ReviewPhase;
  anonymiseAccounts: boolean;
  participants: { userId: string; role: ParticipantRole; anonymousLabel: string | null }[];
};

const responderIds = (review: ReviewForEntries) => review.participants.filter((p) => p.role === "RESPONDER").map((p) => p.userId);

/** The where-clause for personal entries of revealed accounts of `review`. */
export function revealedEntriesWhere(review: ReviewForEntries) {
  if (!isRevealed(review.phase)) return { id: { in: [] as string[] } };
  return { reviewId: review.id, accountId: { not: null }, account: { authorId: { in: responderIds(review) } } };
}

/** Whether the actor may read personal entries at all (participants and admins, after the reveal). */
export function mayReadPersonalEntries(actor: Actor, facts: ReviewFacts): boolean {
  return can(actor, "account:read-content", { ...facts, isAuthor: false });
}

/** Names authors as the actor may see them. */
export function attributor(actor: Actor, review: ReviewForEntries) {
  const labels = new Map(review.participants.map((p) => [p.userId, p.anonymousLabel]));
  const hideNames = review.anonymiseAccounts && !isAdmin(actor);
  return (author: { id: string; name: string | null; email: string }) => {
    const label = `Responder ${labels.get(author.id) ?? "?"}`;
    const own = author.id === actor.id;
    const showName = !hideNames || own;
    return { own, author: showName ? { id: author.id, name: author.name ?? author.email, label } : { id: null, name: label, label } };
  };
}

/** Every personal entry of the review's revealed accounts, attributed for the actor; none for those who may not read accounts. */
export async function loadRevealedEntries(actor: Actor, review: ReviewForEntries, facts: ReviewFacts, tx?: Tx): Promise<AttributedEntry[]> {
  if (!mayReadPersonalEntries(actor, facts)) return [];
  const rows = await (tx ?? db()).timelineEntry.findMany({
    where: revealedEntriesWhere(review),
    orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
    include: { account: { select: { id: true, author: { select: { id: true, name: true, email: true } } } } },
  });
  const attribute = attributor(actor, review);
  return rows.map((e) => ({
    id: e.id,
    occurredAt: e.occurredAt,
    timezone: e.timezone,
    description: e.description,
    kind: e.kind,
    evidenceUrl: e.evidenceUrl,
    accountId: e.account!.id,
    ...attribute(e.account!.author),
  }));
}

/** The personal entries of revealed accounts among `ids`, with the ids that are not among them. */
export async function findRevealedEntries(review: ReviewForEntries, ids: string[], tx?: Tx) {
  const unique = [...new Set(ids)];
  const found = unique.length ? await (tx ?? db()).timelineEntry.findMany({ where: { AND: [revealedEntriesWhere(review), { id: { in: unique } }] } }) : [];
  const foundIds = new Set(found.map((e) => e.id));
  return { found, missing: unique.filter((id) => !foundIds.has(id)) };
}
