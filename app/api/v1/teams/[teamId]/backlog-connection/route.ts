import { operationRoute } from "@/lib/api/operation-route";
import { operations } from "@/lib/api/operations";
import { connectBacklog } from "@/lib/backlog/connect-backlog";
import { disconnectBacklog } from "@/lib/backlog/disconnect-backlog";
import { getBacklogConnection } from "@/lib/backlog/get-backlog-connection";

export const GET = operationRoute(operations.getBacklogConnection, ({ actor, params }) => getBacklogConnection(actor, params.teamId));

export const PUT = operationRoute(operations.connectBacklog, async ({ actor, params, body }) => {
  const result = await connectBacklog(actor, params.teamId, body);
  return { connection: result.connection, created: result.created, inboundWebhook: { url: result.connection.inboundWebhook.url, secret: result.inboundSecret } };
});

export const DELETE = operationRoute(operations.disconnectBacklog, ({ actor, params }) => disconnectBacklog(actor, params.teamId));
