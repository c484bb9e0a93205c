"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { connectBacklog } from "@/lib/backlog/connect-backlog";
import { disconnectBacklog } from "@/lib/backlog/disconnect-backlog";
import { requestPush } from "@/lib/backlog/request-push";
import { rotateInboundSecret } from "@/lib/backlog/rotate-inbound-secret";
import { setAutoPush } from "@/lib/backlog/set-auto-push";
import { setChatWebhook, setChatWebhookSchema } from "@/lib/backlog/set-chat-webhook";
import { connectBacklogSchema } from "@/lib/backlog/settings";
import { testBacklogConnection } from "@/lib/backlog/test-backlog-connection";
import { formAction } from "@/lib/http/action";

/** The Debrief team (not `teamId`, which is Linear's team in the connect form). */
const team = z.object({ forTeam: z.string().min(1) });
const refresh = () => revalidatePath("/teams/[slug]/tracker", "page");

export const connectTrackerAction = formAction(
  z.intersection(team, connectBacklogSchema),
  async (actor, input) => {
    const result = await connectBacklog(actor, input.forTeam, input);
    refresh();
    return { created: result.created, inboundSecret: result.inboundSecret, inboundUrl: result.connection.inboundWebhook.url };
  },
  { successMessage: (d) => (d.created ? "Connected. Test the connection next." : "Saved the tracker settings.") },
);

export const testTrackerAction = formAction(team, async (actor, input) => {
  const result = await testBacklogConnection(actor, input.forTeam);
  refresh();
  return result;
});

export const disconnectTrackerAction = formAction(
  team,
  async (actor, input) => {
    await disconnectBacklog(actor, input.forTeam);
    refresh();
    return {};
  },
  { successMessage: "Disconnected. Actions keep their tracker links and last known state." },
);

export const setAutoPushAction = formAction(
  team.extend({ autoPush: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (actor, input) => {
    const result = await setAutoPush(actor, input.forTeam, input.autoPush);
    refresh();
    return result;
  },
  { successMessage: (d) => (d.autoPush ? "Agreed actions are pushed when a review is published." : "Automatic pushes are off.") },
);

export const rotateSecretAction = formAction(team, async (actor, input) => {
  const result = await rotateInboundSecret(actor, input.forTeam);
  refresh();
  return result;
});

export const setChatWebhookAction = formAction(
  team.extend(setChatWebhookSchema.shape),
  async (actor, input) => {
    const result = await setChatWebhook(actor, input.forTeam, input);
    refresh();
    return result;
  },
  { successMessage: (d) => (d.configured ? "Saved the chat webhook." : "Removed the chat webhook.") },
);

export const retryPushAction = formAction(
  z.object({ actionId: z.string().min(1) }),
  async (actor, input) => {
    const result = await requestPush(actor, input.actionId);
    refresh();
    return { syncState: result.syncState };
  },
  { successMessage: "Queued: the push runs in the background." },
);
