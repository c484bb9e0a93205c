/**
 * The generic webhook: Debrief POSTs each action as JSON to the team's receiver, signed with
 * HMAC-SHA256 of the exact body in `X-Debrief-Signature: sha256=<hex>` (the shared secret). There
 * is nothing to search, so exactly-once rests on the receiver: every delivery of one action carries
 * the same `X-Debrief-Idempotency-Key` (the action's marker) — a receiver treats a repeated key as
 * the same item. It may answer `{ "id", "key", "url" }` to give the item its own reference.
 *
 * Inbound (optional): the receiver may POST `{ externalId | actionId, status, assignee, dueDate }`
 * back to the connection's inbound URL, signed the same way with the inbound secret.
 */
import { randomUUID } from "node:crypto";
import { markdownBody } from "../format/issue-body";
import { errorForStatus, networkError } from "../http-errors";
import { signBody, verifySignature } from "../hmac";
import { markerFor, ProviderError, WebhookRejected, type ActionStatus, type BacklogProvider, type IssueInput, type IssueRef, type IssueSnapshot, type ParsedWebhook } from "../provider";
import { parseJson, str, withTimeout } from "./shared";

const STATUSES: ActionStatus[] = ["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"];
const timedFetch = withTimeout(fetch);

export class WebhookProvider implements BacklogProvider {
  readonly name = "WEBHOOK" as const;
  readonly twoWay = false;

  constructor(
    private readonly url: string,
    private readonly secret: string,
  ) {}

  private async post(event: string, payload: Record<string, unknown>, idempotencyKey?: string): Promise<Record<string, unknown>> {
    const body = JSON.stringify({ event, sentAt: new Date().toISOString(), ...payload });
    let response: Response;
    try {
      response = await timedFetch(this.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Debrief",
          "x-debrief-event": event,
          "x-debrief-delivery": randomUUID(),
          "x-debrief-signature": signBody(this.secret, body),
          ...(idempotencyKey ? { "x-debrief-idempotency-key": idempotencyKey } : {}),
        },
        body,
      });
    } catch (e) {
      throw networkError(e, this.url);
    }
    const text = await response.text().catch(() => "");
    if (!response.ok) throw errorForStatus(response.status, { what: "the receiver", credential: "shared secret", detail: text.slice(0, 200) || undefined }, response.headers);
    try {
      const json: unknown = text ? JSON.parse(text) : {};
      return json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  private payload(input: IssueInput) {
    return {
      action: {
        id: input.actionId,
        title: input.title,
        description: markdownBody(input),
        priority: input.priority,
        kind: input.kind,
        status: input.status,
        dueDate: input.dueDate,
        review: input.review,
      },
      idempotencyKey: markerFor(input.actionId),
    };
  }

  async testConnection(): Promise<string> {
    await this.post("ping", {});
    return `The receiver at ${new URL(this.url).host} accepted a signed test delivery.`;
  }

  /** A receiver cannot be searched: it deduplicates by the idempotency key instead. */
  async findByMarker(): Promise<IssueRef | null> {
    return null;
  }

  async createIssue(input: IssueInput): Promise<IssueRef> {
    const answer = await this.post("action.created", this.payload(input), markerFor(input.actionId));
    return {
      externalId: str(answer.id) ?? input.actionId,
      key: str(answer.key) ?? `webhook:${input.actionId.slice(-8)}`,
      url: str(answer.url) ?? this.url,
    };
  }

  async updateIssue(ref: IssueRef, input: IssueInput): Promise<void> {
    await this.post("action.updated", { ...this.payload(input), externalId: ref.externalId }, markerFor(input.actionId));
  }

  async getIssue(): Promise<IssueSnapshot> {
    throw new ProviderError("invalid", "A generic webhook cannot be read back.");
  }

  parseWebhook(headers: Headers, rawBody: Buffer, secret: string): ParsedWebhook {
    if (!verifySignature(secret, rawBody, headers.get("x-debrief-signature"))) throw new WebhookRejected(401, "The X-Debrief-Signature signature does not match.");
    const body = parseJson(rawBody);
    const externalId = str(body.externalId);
    const actionId = str(body.actionId);
    if (!externalId && !actionId) throw new WebhookRejected(400, "Give externalId or actionId.");
    const status = str(body.status)?.toUpperCase().replace(/[ -]/g, "_");
    if (status !== undefined && !STATUSES.includes(status as ActionStatus)) throw new WebhookRejected(400, `status must be one of ${STATUSES.join(", ")}.`);
    const assignee = body.assignee as { email?: unknown; name?: unknown } | null | undefined;
    const dueDate = body.dueDate;
    if (dueDate !== undefined && dueDate !== null && !(typeof dueDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(dueDate))) throw new WebhookRejected(400, "dueDate must be YYYY-MM-DD or null.");
    return {
      deliveryId: headers.get("x-debrief-delivery"),
      changes: [
        {
          externalId: externalId ?? actionId!,
          actionId,
          ...(status ? { status: status as ActionStatus } : {}),
          ...(assignee !== undefined ? { assignee: assignee ? { email: str(assignee.email) ?? null, name: str(assignee.name) ?? null } : null } : {}),
          ...(dueDate !== undefined ? { dueDate: dueDate as string | null } : {}),
        },
      ],
    };
  }
}
