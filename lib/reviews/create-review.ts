import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";
import { incidentFactsSelect, toIncidentFacts } from "../incidents/incident-scope";

export const VISIBILITIES = ["PARTICIPANTS", "TEAM", "ORGANISATION"] as const;

export const createReviewSchema = z.object({
  incidentId: z.string().min(1, "Choose the incident to review."),
  title: z.string().trim().min(3, "Give the review a title of at least 3 characters.").max(200, "At most 200 characters."),
  facilitatorEmail: z.email("Give the facilitator's e-mail address.").transform((e) => e.toLowerCase()),
  visibility: z.enum(VISIBILITIES).default("ORGANISATION"),
});

export type CreateReviewInput = z.output<typeof createReviewSchema>;

/** Starts a review of an incident in PREPARING, with its facilitator as the first participant. */
export async function createReview(actor: Actor, input: CreateReviewInput) {
  const incident = await db().incident.findUnique({ where: { id: input.incidentId }, select: incidentFactsSelect(actor.id) });
  if (!incident) throw AppError.notFound("Incident");
  const facts = toIncidentFacts(incident);
  authorize(actor, "incident:view", facts, { notFound: "Incident" });
  authorize(actor, "review:create", facts, { message: "Only admins and members of the owning team can start a review of this incident." });
  const facilitator = await db().user.findUnique({ where: { email: input.facilitatorEmail }, select: { id: true, deactivatedAt: true } });
  if (!facilitator || facilitator.deactivatedAt) {
    throw new AppError("VALIDATION_FAILED", "The facilitator must be someone who has joined Debrief.", {
      fields: { facilitatorEmail: ["No active Debrief user has this e-mail address."] },
    });
  }
  return db().$transaction(async (tx) => {
    const review = await tx.review.create({
      data: {
        incidentId: input.incidentId,
        title: input.title,
        visibility: input.visibility,
        createdById: actor.id,
        participants: { create: { userId: facilitator.id, role: "FACILITATOR" } },
      },
    });
    await recordAuditEvent(tx, {
      type: "review.created",
      actorId: actor.id,
      subjectId: review.id,
      reviewId: review.id,
      data: { incidentId: input.incidentId, title: review.title, facilitatorId: facilitator.id },
    });
    return review;
  });
}
