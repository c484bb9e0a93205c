/**
 * Data for the collaboration benchmark: reviews in GROUP, each with the same `people` as
 * participants (the first facilitates, the others respond), so every client gets a real token and
 * a real access check.
 */
import { randomBytes } from "node:crypto";
import { db } from "../../lib/db/client";

export type CollabCast = { reviewIds: string[]; userIds: string[] };

export async function seedCollabReviews(reviews: number, people: number): Promise<CollabCast> {
  const tag = randomBytes(4).toString("hex");
  const userIds = Array.from({ length: people }, (_, i) => `collab-bench-${tag}-user-${i}`);
  await db().user.createMany({ data: userIds.map((id, i) => ({ id, email: `${id}@bench.example`, name: `Collab Person ${i + 1}` })) });
  const team = await db().team.create({ data: { name: `Collab bench ${tag}`, slug: `collab-bench-${tag}` } });
  const started = new Date(Date.now() - 86_400_000);
  const incident = await db().incident.create({
    data: { title: "Collaboration bench incident", severity: "SEV2", startedAt: started, detectedAt: started, services: ["bench"], teamId: team.id },
  });
  const reviewIds = Array.from({ length: reviews }, (_, i) => `collab-bench-${tag}-review-${i}`);
  await db().review.createMany({ data: reviewIds.map((id, i) => ({ id, incidentId: incident.id, title: `Collaboration bench ${i + 1}`, phase: "GROUP" as const })) });
  await db().reviewParticipant.createMany({
    data: reviewIds.flatMap((reviewId) => userIds.map((userId, i) => ({ reviewId, userId, role: i === 0 ? ("FACILITATOR" as const) : ("RESPONDER" as const) }))),
  });
  return { reviewIds, userIds };
}
