"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/http/action";
import { PHASE_LABEL } from "@/lib/reviews/lifecycle";
import { addParticipant, addParticipantSchema } from "@/lib/reviews/add-participant";
import { moveReviewPhase, moveReviewPhaseSchema } from "@/lib/reviews/move-review-phase";
import { removeParticipant } from "@/lib/reviews/remove-participant";

const reviewId = z.object({ reviewId: z.string().min(1) });

export const movePhaseAction = formAction(moveReviewPhaseSchema.extend(reviewId.shape), async (actor, input) => {
  const review = await moveReviewPhase(actor, input.reviewId, { to: input.to });
  revalidatePath(`/reviews/${input.reviewId}`);
  return { phase: review.phase };
}, { successMessage: (d) => `Moved to ${PHASE_LABEL[d.phase]}.` });

export const addParticipantAction = formAction(addParticipantSchema.extend(reviewId.shape), async (actor, input) => {
  await addParticipant(actor, input.reviewId, { email: input.email, role: input.role });
  revalidatePath(`/reviews/${input.reviewId}`);
  return { email: input.email };
}, { successMessage: (d) => `Invited ${d.email}.` });

export const removeParticipantAction = formAction(reviewId.extend({ participantId: z.string().min(1) }), async (actor, input) => {
  await removeParticipant(actor, input.reviewId, input.participantId);
  revalidatePath(`/reviews/${input.reviewId}`);
  return null;
}, { successMessage: "Removed from the review." });
