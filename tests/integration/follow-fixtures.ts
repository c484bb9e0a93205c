/** Published reviews for the follow, feed and digest tests: a team's incident with services, a review with tags and a publication time. */
import { db } from "../../lib/db/client";
import type { ReviewVisibility } from "../../lib/policies/types";
import { buildIncident, buildReview, uid } from "../support/factories";

export async function publishedReview(opts: {
  teamId: string;
  visibility?: ReviewVisibility;
  publishedAt?: Date;
  services?: string[];
  tags?: string[];
  title?: string;
  participants?: { userId: string; role: "FACILITATOR" | "RESPONDER" | "OBSERVER" }[];
}) {
  const incident = await buildIncident({ teamId: opts.teamId });
  if (opts.services) await db().incident.update({ where: { id: incident.id }, data: { services: opts.services } });
  const review = await buildReview({
    incidentId: incident.id,
    phase: "PUBLISHED",
    visibility: opts.visibility ?? "ORGANISATION",
    title: opts.title ?? `Published ${uid()}`,
    participants: opts.participants,
  });
  return db().review.update({
    where: { id: review.id },
    data: { publishedAt: opts.publishedAt ?? new Date(), tags: opts.tags ?? [], summary: `What we learned ${uid()}` },
  });
}
