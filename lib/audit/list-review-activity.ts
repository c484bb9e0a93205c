import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { loadVisibleReview } from "../reviews/load-review";
import { PHASE_LABEL } from "../reviews/lifecycle";
import type { ReviewPhase } from "../policies/types";

/** A review's audit trail as readable sentences, newest first (never any account content). */
export async function listReviewActivity(actor: Actor, reviewId: string, limit = 20) {
  await loadVisibleReview(actor, reviewId);
  const events = await db().auditEvent.findMany({
    where: { reviewId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { actor: { select: { name: true, email: true } } },
  });
  const userIds = [...new Set(events.map((e) => (e.data as { userId?: string }).userId).filter(Boolean) as string[])];
  const users = new Map((await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u.name ?? u.email]));
  return events.map((e) => {
    const who = e.actor?.name ?? e.actor?.email ?? "Someone";
    const data = e.data as Record<string, string>;
    let text: string;
    switch (e.type) {
      case "review.created":
        text = `${who} started the review`;
        break;
      case "review.phase_changed":
        text = `${who} moved the review to ${PHASE_LABEL[data.to as ReviewPhase] ?? data.to}`;
        break;
      case "review.participant_added":
        text = `${who} invited ${users.get(data.userId!) ?? "someone"} as ${String(data.role).toLowerCase()}`;
        break;
      case "review.participant_removed":
        text = `${who} removed ${users.get(data.userId!) ?? "someone"} (${String(data.role).toLowerCase()})`;
        break;
      default:
        text = `${who}: ${e.type.replace(/[._]/g, " ")}`;
    }
    return { id: e.id, type: e.type, text, at: e.createdAt };
  });
}
