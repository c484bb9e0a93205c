import { z } from "zod";

/** A guiding question for an account; authors answer in any order. */
export type AccountPrompt = { id: string; title: string; hint: string };

export const DEFAULT_PROMPTS: AccountPrompt[] = [
  { id: "noticed", title: "What were you doing when you first noticed?", hint: "Where were you, what were you working on, how did the incident reach you?" },
  { id: "saw", title: "What did you see?", hint: "Alerts, dashboards, messages, customer reports — in the order they reached you." },
  { id: "did", title: "What did you do, and why did it make sense at the time?", hint: "Your actions and your reasoning then, not what you know now." },
  { id: "knew", title: "What did you know, and what did you not know?", hint: "Which knowledge helped; which was missing or hard to find." },
  { id: "surprised", title: "What surprised you?", hint: "Anything that behaved differently from what you expected." },
  { id: "helped", title: "What helped?", hint: "People, tools, runbooks, luck." },
  { id: "hindered", title: "What got in the way?", hint: "Noise, missing access, unclear ownership, time pressure." },
];

export const promptsSchema = z
  .array(
    z.object({
      id: z.string().trim().min(1).max(40),
      title: z.string().trim().min(3, "Each prompt needs a question of at least 3 characters.").max(200),
      hint: z.string().trim().max(300).default(""),
    }),
  )
  .min(1, "Keep at least one prompt.")
  .max(20, "At most 20 prompts.");

/** The review's prompts, or the default set when it has none (or an unreadable one). */
export function promptsOf(stored: unknown): AccountPrompt[] {
  const parsed = promptsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_PROMPTS;
}
