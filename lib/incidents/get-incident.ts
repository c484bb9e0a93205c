import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize, can } from "../policies";
import type { Actor } from "../policies/types";
import { incidentFactsSelect, toIncidentFacts } from "./incident-scope";
import { visibleReviewsWhere } from "../reviews/review-scope";

/** One incident with the reviews of it that the actor may see; 404 when missing or not visible. */
export async function getIncident(actor: Actor, id: string) {
  const row = await db().incident.findUnique({
    where: { id },
    include: {
      team: { select: { id: true, name: true, slug: true } },
      createdBy: { select: { id: true, name: true, email: true } },
    },
  });
  if (!row) throw AppError.notFound("Incident");
  const facts = toIncidentFacts(await db().incident.findUniqueOrThrow({ where: { id }, select: incidentFactsSelect(actor.id) }));
  authorize(actor, "incident:view", facts, { notFound: "Incident" });
  const reviews = await db().review.findMany({
    where: { AND: [{ incidentId: id }, visibleReviewsWhere(actor)] },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, phase: true, createdAt: true },
  });
  return { ...row, reviews, abilities: { createReview: can(actor, "review:create", facts), edit: can(actor, "incident:edit", facts) } };
}
