/**
 * The team's chat channel for reminders and digests: a Slack or Microsoft Teams incoming webhook
 * URL. It is a secret of sorts (whoever has it can post), so it is shown back only as its host.
 */
import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import type { Actor } from "../policies/types";
import { loadManagedTeam } from "./load-team";

export const setChatWebhookSchema = z.object({
  chatWebhookUrl: z.preprocess(
    (v) => (v === "" ? null : v),
    z
      .string()
      .trim()
      .max(1000)
      .url("Give the full incoming-webhook URL, e.g. https://hooks.slack.com/services/…")
      .refine((u) => /^https:\/\//i.test(u) || /^http:\/\/(localhost|127\.0\.0\.1)(:|\/)/i.test(u), "The webhook URL must start with https://.")
      .nullable(),
  ),
});

export async function setChatWebhook(actor: Actor, teamIdOrSlug: string, input: z.output<typeof setChatWebhookSchema>): Promise<{ configured: boolean }> {
  const team = await loadManagedTeam(actor, teamIdOrSlug);
  if ((team.chatWebhookUrl ?? null) === input.chatWebhookUrl) return { configured: Boolean(input.chatWebhookUrl) };
  await db().$transaction(async (tx) => {
    await tx.team.update({ where: { id: team.id }, data: { chatWebhookUrl: input.chatWebhookUrl } });
    await recordAuditEvent(tx, { type: "team.chat_webhook_changed", actorId: actor.id, subjectId: team.id, data: { configured: Boolean(input.chatWebhookUrl) } });
  });
  return { configured: Boolean(input.chatWebhookUrl) };
}
