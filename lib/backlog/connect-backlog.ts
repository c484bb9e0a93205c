/**
 * Connects a team's tracker, or changes its connection. Credentials are encrypted before they are
 * stored and never returned; leaving one out keeps the stored one (same tracker only). The secret
 * inbound webhooks are signed with is generated here unless given (Linear makes its own: paste it)
 * and is returned once, in this result.
 */
import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../policies/types";
import { connectionView, unsafeCredentials, type ConnectionView } from "./connection";
import { encryptJson, encryptSecret } from "./crypto";
import { loadManagedTeam } from "./load-team";
import { connectBacklogSchema, PROVIDER_OF, splitConnectionInput, type ConnectBacklogInput, type Credentials } from "./settings";

export { connectBacklogSchema };

export type ConnectResult = { connection: ConnectionView; created: boolean; inboundSecret: string | null };

const CREDENTIAL_LABEL: Record<string, string> = { token: "token", apiToken: "API token", apiKey: "API key", secret: "shared secret" };

export async function connectBacklog(actor: Actor, teamIdOrSlug: string, input: ConnectBacklogInput): Promise<ConnectResult> {
  const team = await loadManagedTeam(actor, teamIdOrSlug);
  const existing = team.backlogConnection;
  const provider = PROVIDER_OF[input.provider];
  const sameProvider = existing?.provider === provider;
  const { settings, credentials, credentialField } = splitConnectionInput(input);

  const fields: Record<string, string[]> = {};
  if (input.provider === "jira" && input.deployment === "cloud" && !input.email) fields.email = ["Give the e-mail of the Atlassian account the API token belongs to."];
  let stored: Credentials = credentials;
  if (!credentials[credentialField as keyof Credentials]) {
    if (sameProvider && existing) stored = unsafeCredentials(existing);
    else fields[credentialField] = [`Give the ${CREDENTIAL_LABEL[credentialField]} to connect ${existing ? "a different tracker" : "the tracker"}.`];
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", "Some settings are missing.", { fields });

  // The inbound secret: as given; else kept; else generated (Linear signs with a secret of its own).
  let newSecret: string | null = null;
  let inboundSecret = sameProvider ? (existing?.inboundSecret ?? null) : null;
  if (input.webhookSecret) inboundSecret = encryptSecret(input.webhookSecret, `${team.id}:inbound`);
  else if (!inboundSecret && provider !== "LINEAR") {
    newSecret = randomBytes(24).toString("base64url");
    inboundSecret = encryptSecret(newSecret, `${team.id}:inbound`);
  }

  const baseUrl = input.baseUrl ?? null;
  const data = {
    provider,
    baseUrl,
    settings,
    credentials: encryptJson(stored, team.id),
    inboundSecret,
    ...(input.autoPush !== undefined ? { autoPush: input.autoPush } : {}),
  };
  const changed = existing ? changedFields(existing, { provider, baseUrl, settings, credentialsGiven: Boolean(credentials[credentialField as keyof Credentials]), webhookSecret: Boolean(input.webhookSecret), autoPush: input.autoPush }) : [];
  // A new place or new credentials make the last test meaningless.
  const retest = !existing || changed.some((f) => f !== "autoPush" && f !== "webhookSecret");

  const connection = await db().$transaction(async (tx) => {
    const row = await tx.backlogConnection.upsert({
      where: { teamId: team.id },
      create: { teamId: team.id, ...data },
      update: { ...data, ...(retest ? { lastTestedAt: null, lastTestOk: null, lastTestMessage: null } : {}) },
    });
    if (!existing) {
      await recordAuditEvent(tx, { type: "backlog.connected", actorId: actor.id, subjectId: row.id, data: { teamId: team.id, provider: input.provider } });
    } else if (changed.length) {
      await recordAuditEvent(tx, { type: "backlog.connection_updated", actorId: actor.id, subjectId: row.id, data: { teamId: team.id, provider: input.provider, fields: changed } });
    }
    return row;
  });
  return { connection: connectionView(connection), created: !existing, inboundSecret: newSecret ?? input.webhookSecret ?? null };
}

function changedFields(
  existing: { provider: string; baseUrl: string | null; settings: unknown; autoPush: boolean },
  next: { provider: string; baseUrl: string | null; settings: Record<string, string>; credentialsGiven: boolean; webhookSecret: boolean; autoPush?: boolean },
): string[] {
  const out: string[] = [];
  if (existing.provider !== next.provider) out.push("provider");
  if (existing.baseUrl !== next.baseUrl) out.push("baseUrl");
  if (canonical(existing.settings) !== canonical(next.settings)) out.push("settings");
  if (next.credentialsGiven) out.push("credentials");
  if (next.webhookSecret) out.push("webhookSecret");
  if (next.autoPush !== undefined && next.autoPush !== existing.autoPush) out.push("autoPush");
  return out;
}

/** JSON with sorted keys (jsonb does not keep key order). */
function canonical(value: unknown): string {
  const obj = (value ?? {}) as Record<string, unknown>;
  return JSON.stringify(Object.keys(obj).sort().map((k) => [k, obj[k]]));
}
