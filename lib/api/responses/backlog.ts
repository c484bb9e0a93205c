/**
 * What the REST API returns for tracker connections and pushes (see ../responses.ts for how
 * response schemas are used). Credentials are write-only: no schema here has a field for them.
 */
import { z } from "zod";
import { dateTime } from "../wire";

const provider = z.enum(["github", "jira", "linear", "webhook"]);

export const backlogConnectionSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  provider,
  baseUrl: z.string().nullable().describe("Where Debrief reaches the tracker (the default when none was given)."),
  settings: z.record(z.string(), z.string()).describe("The provider's settings: owner and repo (GitHub); projectKey, issueType, deployment, email (Jira); teamId (Linear)."),
  credentialsStored: z.boolean().describe("Credentials are stored encrypted and never returned."),
  autoPush: z.boolean().describe("Agreed actions are pushed when their review is published."),
  lastTest: z.object({ at: dateTime, ok: z.boolean(), message: z.string() }).nullable().describe("The last “test connection”, reset when the settings or credentials change."),
  inboundWebhook: z
    .object({ url: z.string(), secretConfigured: z.boolean() })
    .describe("Where the tracker sends its webhooks (status, assignee and due date come back), and whether their secret is set."),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const backlogConnectionStateSchema = z.object({
  team: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  connection: backlogConnectionSchema.nullable().describe("Null when the team has no tracker connected."),
  chatWebhook: z.object({ configured: z.boolean(), host: z.string().nullable().describe("The webhook's host, for those who manage the team; never the URL.") }),
  abilities: z.object({ manage: z.boolean().describe("Connect, change, test and disconnect (admins and the team's product managers).") }),
});

export const connectedBacklogSchema = z.object({
  connection: backlogConnectionSchema,
  created: z.boolean().describe("True when the team had no tracker before."),
  inboundWebhook: z.object({
    url: z.string(),
    secret: z.string().nullable().describe("The webhook secret, in this response only when it was just generated or set: paste it into the tracker's webhook settings."),
  }),
});

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  message: z.string().describe("What the tracker said, e.g. “The token was refused (401).”"),
  testedAt: dateTime,
});

export const actionSyncSchema = z.object({
  id: z.string(),
  syncState: z.enum(["LOCAL", "PENDING", "SYNCED", "FAILED"]).describe("PENDING: queued or being sent; FAILED: see syncError, push again to retry."),
  syncError: z.string().nullable(),
  lastSyncedAt: dateTime.nullable(),
  external: z.object({ provider: provider.nullable(), key: z.string(), url: z.string().nullable() }).nullable().describe("The tracker issue, once it exists."),
});

export const BACKLOG_RESPONSE_SCHEMA_NAMES: [z.ZodType, string][] = [
  [backlogConnectionStateSchema, "BacklogConnectionState"],
  [connectedBacklogSchema, "ConnectedBacklog"],
  [connectionTestSchema, "BacklogConnectionTest"],
  [actionSyncSchema, "ActionSync"],
];

export const actionSyncHistorySchema = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        at: dateTime,
        direction: z.enum(["OUT", "IN"]).describe("OUT: Debrief → tracker. IN: tracker → Debrief (webhook or reconcile)."),
        kind: z.string().describe("queued, created, found-existing, updated, retrying, failed, status-changed, assignee-changed, due-date-changed, reconciled or missing."),
        summary: z.string().describe("The exchange in words, e.g. “Created #42 in GitHub”."),
      }),
    )
    .describe("Newest first, at most 50."),
});
