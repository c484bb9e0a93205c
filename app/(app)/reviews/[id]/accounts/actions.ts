"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { docFromText } from "@/lib/editor/doc";
import { formAction } from "@/lib/http/action";
import { appendLateAddition } from "@/lib/responder-accounts/append-late-addition";

export const lateAdditionAction = formAction(
  z.object({ reviewId: z.string().min(1), text: z.string().trim().min(1, "Write something to add.").max(20_000, "At most 20,000 characters.") }),
  async (actor, input) => {
    await appendLateAddition(actor, input.reviewId, { content: docFromText(input.text) });
    revalidatePath(`/reviews/${input.reviewId}/accounts`);
    return null;
  },
  { successMessage: "Late addition added." },
);
