"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/http/action";
import { configureAccounts } from "@/lib/responder-accounts/configure-accounts";
import { remindResponders } from "@/lib/responder-accounts/remind-responders";
import { isValidTimeZone, zonedLocalToDate } from "@/lib/ui/time";
import { AppError } from "@/lib/errors";
import { DEFAULT_PROMPTS } from "@/lib/responder-accounts/prompts";

export const remindAction = formAction(
  z.object({ reviewId: z.string().min(1), participantId: z.string().optional() }),
  async (actor, input) => {
    const result = await remindResponders(actor, input.reviewId, { participantIds: input.participantId ? [input.participantId] : undefined });
    revalidatePath(`/reviews/${input.reviewId}/status`);
    return result.reminded.map((r) => r.name);
  },
  { successMessage: (names) => `Reminder sent to ${names.join(", ")}.` },
);

export const settingsAction = formAction(
  z.object({
    reviewId: z.string().min(1),
    deadline: z.string().default(""),
    timezone: z.string().default("UTC"),
    anonymise: z.string().optional(),
    prompts: z.string().default(""),
  }),
  async (actor, input) => {
    const tz = isValidTimeZone(input.timezone) ? input.timezone : "UTC";
    const deadline = input.deadline.trim() ? zonedLocalToDate(input.deadline.trim(), tz) : null;
    if (input.deadline.trim() && !deadline) throw new AppError("VALIDATION_FAILED", "The deadline is not a valid time.", { fields: { deadline: ["Choose a date and time."] } });
    const lines = input.prompts
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    await configureAccounts(actor, input.reviewId, {
      deadline,
      anonymise: input.anonymise === "on",
      prompts: promptsFromLines(lines),
    });
    revalidatePath(`/reviews/${input.reviewId}/status`);
    return null;
  },
  { successMessage: "Settings saved." },
);

/** One question per line; the default questions keep their hints, and the unchanged default set stays "default". */
function promptsFromLines(lines: string[]) {
  if (!lines.length || (lines.length === DEFAULT_PROMPTS.length && lines.every((l, i) => l === DEFAULT_PROMPTS[i]!.title))) return null;
  return lines.map((title, i) => ({ id: `p${i + 1}`, title, hint: DEFAULT_PROMPTS.find((p) => p.title === title)?.hint ?? "" }));
}
