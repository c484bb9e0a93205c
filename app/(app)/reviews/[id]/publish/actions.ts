"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/http/action";
import { publishReview, publishReviewSchema } from "@/lib/library/publish-review";
import { reportDetailsSchema } from "@/lib/library/report-details";
import { updateReportDetails } from "@/lib/library/update-report-details";

const reviewId = z.string().min(1);

const publishFormSchema = z.discriminatedUnion("intent", [
  reportDetailsSchema.extend({ reviewId, intent: z.literal("save") }),
  publishReviewSchema.extend({ reviewId, intent: z.literal("publish") }),
]);

/** The publish page's form: "Save draft" (or "Save changes" once published) and "Publish review". */
export const publishFormAction = formAction(
  publishFormSchema,
  async (actor, input) => {
    const id = input.reviewId;
    if (input.intent === "save") {
      // An unticked checkbox is not sent: saving without it withdraws the confirmation.
      const saved = await updateReportDetails(actor, id, {
        summary: input.summary,
        impact: input.impact,
        tags: input.tags,
        visibility: input.visibility,
        sensitiveReviewed: input.sensitiveReviewed ?? false,
      });
      revalidatePath(`/reviews/${id}`, "layout");
      return { saved: saved.fields.length };
    }
    await publishReview(actor, id, { summary: input.summary, impact: input.impact, tags: input.tags, visibility: input.visibility, sensitiveReviewed: input.sensitiveReviewed });
    revalidatePath(`/reviews/${id}`, "layout");
    revalidatePath("/library");
    redirect(`/reviews/${id}/report`);
  },
  { successMessage: (d) => (d.saved ? "Saved." : "Nothing to save: no changes.") },
);
