/**
 * REST API v1 operations of tracker connections and pushes (merged into `operations` in
 * ../operations.ts). Connections are managed by admins and the team's product managers; everyone
 * else reads their state without secrets. Credentials are write-only.
 */
import { z } from "zod";
import { connectBacklogSchema } from "../../backlog/settings";
import { id, operation } from "../operation";
import { actionSyncHistorySchema, actionSyncSchema, backlogConnectionStateSchema, connectedBacklogSchema, connectionTestSchema } from "../responses/backlog";

const path = "/api/v1/teams/{teamId}/backlog-connection" as const;
const teamParams = z.object({ teamId: id("team") });
const manages = "Admins and the team's product managers (403 for others).";

export const backlogOperations = {
  getBacklogConnection: operation({
    operationId: "getBacklogConnection",
    method: "GET",
    path,
    tag: "Teams",
    summary: "The team's tracker connection",
    description: "Provider, settings, auto-push, the last test and the inbound webhook URL — never credentials or secrets.",
    auth: "token-or-session",
    params: teamParams,
    status: 200,
    response: backlogConnectionStateSchema,
    responseDescription: "The connection, or `connection: null`.",
    errors: ["NOT_FOUND"],
  }),
  connectBacklog: operation({
    operationId: "connectBacklog",
    method: "PUT",
    path,
    tag: "Teams",
    summary: "Connect the team's tracker, or change its connection",
    description: `\`provider\` is github, jira, linear or webhook, each with its own fields. Credentials (\`token\`, \`apiToken\`, \`apiKey\`, \`secret\`) are write-only and encrypted at rest; omit them to keep the stored ones (same provider). ${manages}`,
    auth: "token-or-session",
    params: teamParams,
    body: connectBacklogSchema,
    status: 200,
    response: connectedBacklogSchema,
    responseDescription: "The connection; the inbound webhook secret when it was just generated.",
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
  disconnectBacklog: operation({
    operationId: "disconnectBacklog",
    method: "DELETE",
    path,
    tag: "Teams",
    summary: "Disconnect the team's tracker",
    description: `Actions keep their tracker key, link and last known state; nothing is deleted in the tracker. ${manages}`,
    auth: "token-or-session",
    params: teamParams,
    status: 204,
    responseDescription: "Disconnected.",
    errors: ["FORBIDDEN", "NOT_FOUND"],
  }),
  testBacklogConnection: operation({
    operationId: "testBacklogConnection",
    method: "POST",
    path: `${path}/test`,
    tag: "Teams",
    summary: "Test the team's tracker connection",
    description: `Checks the stored credentials and settings against the tracker. A failed check is a 200 with \`ok: false\` and the reason. ${manages} 409 when no tracker is connected.`,
    auth: "token-or-session",
    params: teamParams,
    status: 200,
    response: connectionTestSchema,
    responseDescription: "The result, also kept as the connection's last test.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  pushActionItem: operation({
    operationId: "pushActionItem",
    method: "POST",
    path: "/api/v1/action-items/{id}/push",
    tag: "Teams",
    summary: "Push an action to its team's tracker (or retry)",
    description:
      "Queues the push as a durable job and answers at once with `syncState: PENDING`; poll the action for the result. Exactly once: a retry finds an issue an earlier attempt created. For an action already in the tracker, sends its title, priority, due date and status again. Admins, the team's product managers and the review's facilitator; 409 when the action is not agreed or the team has no tracker.",
    auth: "token-or-session",
    params: z.object({ id: id("action") }),
    status: 200,
    response: actionSyncSchema,
    responseDescription: "The action's tracker state.",
    errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  listActionSyncHistory: operation({
    operationId: "listActionSyncHistory",
    method: "GET",
    path: "/api/v1/action-items/{id}/sync-history",
    tag: "Teams",
    summary: "An action's sync history with its tracker",
    description: "Every exchange with the team's tracker, both ways — pushes, retries, failures, and changes that came back by webhook or reconcile — newest first, each with a summary in words. For whoever may see the action; 404 for anyone else.",
    auth: "token-or-session",
    params: z.object({ id: id("action") }),
    status: 200,
    response: actionSyncHistorySchema,
    responseDescription: "The history, newest first.",
    errors: ["NOT_FOUND"],
  }),
};
