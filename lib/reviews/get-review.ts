import { isAdmin, reviewAbilities } from "../policies";
import type { Actor } from "../policies/types";
import { nextPhase, nextStepFor } from "./lifecycle";
import { loadVisibleReview } from "./load-review";

/** A review as its overview and the API show it to this actor. */
export async function getReview(actor: Actor, id: string) {
  const { review, facts } = await loadVisibleReview(actor, id);
  return {
    id: review.id,
    title: review.title,
    phase: review.phase,
    nextPhase: nextPhase(review.phase),
    visibility: review.visibility,
    createdAt: review.createdAt,
    updatedAt: review.updatedAt,
    phaseChangedAt: review.phaseChangedAt,
    publishedAt: review.publishedAt,
    revealedAt: review.revealedAt,
    accountDeadline: review.accountDeadline,
    anonymiseAccounts: review.anonymiseAccounts,
    accountPrompts: review.accountPrompts,
    incident: {
      id: review.incident.id,
      title: review.incident.title,
      severity: review.incident.severity,
      startedAt: review.incident.startedAt,
      detectedAt: review.incident.detectedAt,
      resolvedAt: review.incident.resolvedAt,
      services: review.incident.services,
      externalUrl: review.incident.externalUrl,
      team: review.incident.team,
    },
    participants: review.participants.map((p) => ({
      id: p.id,
      userId: p.userId,
      name: p.user.name,
      email: p.user.email,
      role: p.role,
    })),
    myRole: facts.myRole,
    nextStep: nextStepFor(review.phase, facts.myRole, isAdmin(actor)),
    abilities: reviewAbilities(actor, facts),
  };
}

export type ReviewView = Awaited<ReturnType<typeof getReview>>;
