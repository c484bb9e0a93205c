/**
 * Inbound tracker webhooks: POST /api/webhooks/{github|jira|linear|webhook}/{connectionId}.
 *
 * In order: an unknown connection → 404; a body over 1 MB → 413 (read no further); a signature that
 * does not match the connection's secret → 401; a body that is not JSON → 400. Nothing is stored
 * for any of them. A verified delivery is recorded (InboundDelivery) in the same transaction as
 * its changes, so the same delivery twice changes nothing the second time — and a delivery whose
 * changes failed is not recorded, so the tracker's redelivery is applied.
 */
import { createHash } from "node:crypto";
import { db, type Tx } from "../db/client";
import { log } from "../log";
import { applyTrackerChange } from "./apply-changes";
import { unsafeInboundSecret } from "./connection";
import { createProvider } from "./providers";
import { WebhookRejected, type ParsedWebhook, type ProviderName, type WebhookChange } from "./provider";
import { PROVIDER_OF } from "./settings";

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type WebhookResponse = { status: number; body: Record<string, unknown> };

const reject = (status: number, message: string): WebhookResponse => ({ status, body: { error: message } });

/** Past the limit, up to this much more is read and dropped, so the sender gets its 413 rather than a reset connection. */
const DRAIN_BYTES = 8 * 1024 * 1024;

/** Reads at most `limit` bytes of the body; null when it is longer (the rest is discarded unread past DRAIN_BYTES). */
export async function readLimitedBody(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    if (declared > limit + DRAIN_BYTES) return null;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit + DRAIN_BYTES) return null;
      if (size <= limit) chunks.push(Buffer.from(value));
    }
  } finally {
    reader.releaseLock();
  }
  return size > limit ? null : Buffer.concat(chunks, size);
}

export async function receiveTrackerWebhook(providerParam: string, connectionId: string, request: Request): Promise<WebhookResponse> {
  const provider = PROVIDER_OF[providerParam as keyof typeof PROVIDER_OF];
  const connection = provider ? await db().backlogConnection.findUnique({ where: { id: connectionId } }) : null;
  if (!connection || connection.provider !== provider) return reject(404, "No such tracker connection.");
  const secret = unsafeInboundSecret(connection);
  if (!secret) return reject(404, "This connection has no webhook secret yet: set one in the team's tracker settings.");
  const raw = await readLimitedBody(request);
  if (!raw) return reject(413, `The body is larger than ${MAX_WEBHOOK_BYTES / 1024} KB.`);

  let parsed: ParsedWebhook;
  try {
    // Verifying needs no credentials: the provider is built without them.
    parsed = createProvider({ provider, baseUrl: connection.baseUrl ?? "http://unused.invalid", settings: connection.settings, credentials: { token: "-", apiToken: "-", apiKey: "-", secret: "-" } }).parseWebhook(
      request.headers,
      raw,
      secret,
    );
  } catch (e) {
    if (e instanceof WebhookRejected) return reject(e.status, e.message);
    throw e;
  }

  const deliveryId = `${connection.id}:${parsed.deliveryId ?? createHash("sha256").update(raw).digest("hex")}`;
  try {
    const applied = await db().$transaction(async (tx) => {
      await tx.inboundDelivery.create({ data: { id: deliveryId.slice(0, 200), provider } });
      let count = 0;
      for (const change of parsed.changes) {
        const action = await findAction(tx, connection.teamId, provider, change);
        if (action) count += (await applyTrackerChange(tx, action, change, "webhook")).length ? 1 : 0;
      }
      return count;
    });
    return { status: 200, body: { received: parsed.changes.length, applied } };
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return { status: 200, body: { duplicate: true } };
    log.error({ err: e, connectionId }, "applying a tracker webhook failed");
    throw e;
  }
}

async function findAction(tx: Tx, teamId: string, provider: ProviderName, change: WebhookChange) {
  const byRef = await tx.actionItem.findFirst({ where: { teamId, externalProvider: provider, externalId: change.externalId } });
  if (byRef || !change.actionId) return byRef;
  // By the marker, for an action already in this tracker. One whose key is not stored yet is left alone: its push adopts the issue.
  return tx.actionItem.findFirst({ where: { id: change.actionId, teamId, externalProvider: provider, externalId: { not: null } } });
}
