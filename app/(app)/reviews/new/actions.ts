"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/http/action";
import { createReview, createReviewSchema } from "@/lib/reviews/create-review";

export const createReviewAction = formAction(createReviewSchema, async (actor, input) => {
  const review = await createReview(actor, input);
  redirect(`/reviews/${review.id}`);
});
