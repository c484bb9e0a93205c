/**
 * Inbound tracker webhooks: /api/webhooks/{github|jira|linear|webhook}/{connectionId}. No session
 * or token — each delivery is verified against the connection's secret (lib/backlog/receive-webhook.ts).
 */
import { receiveTrackerWebhook } from "@/lib/backlog/receive-webhook";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ provider: string; connectionId: string }> }): Promise<Response> {
  const { provider, connectionId } = await context.params;
  try {
    const result = await receiveTrackerWebhook(provider, connectionId, request);
    return Response.json(result.body, { status: result.status, headers: { "cache-control": "no-store" } });
  } catch (err) {
    log.error({ err, provider, connectionId }, "tracker webhook failed");
    return Response.json({ error: "The webhook could not be applied; it was logged. The tracker may deliver it again." }, { status: 500 });
  }
}
