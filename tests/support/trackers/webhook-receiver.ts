/**
 * A real receiver for Debrief's generic webhook, written the way a team would write one: it
 * checks `X-Debrief-Signature` (HMAC-SHA256 of the raw body with the shared secret) and refuses a
 * bad one with 401, treats a repeated `X-Debrief-Idempotency-Key` as the same item, and answers
 * `{ id, key, url }`. It can also call Debrief back (inbound), signed with the inbound secret.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { FakeServer, type FakeServerOptions, type RecordedRequest, type Reply } from "./fake-server";

export type ReceivedItem = { id: string; key: string; idempotencyKey: string; deliveries: number; last: Record<string, unknown> };

export class WebhookReceiver extends FakeServer {
  readonly items = new Map<string, ReceivedItem>();
  readonly rejected: RecordedRequest[] = [];
  readonly pings: RecordedRequest[] = [];

  constructor(
    readonly secret: string,
    options: FakeServerOptions = {},
  ) {
    super((req) => this.receive(req), options);
  }

  private verified(req: RecordedRequest): boolean {
    const given = String(req.headers["x-debrief-signature"] ?? "").replace(/^sha256=/, "");
    const expected = createHmac("sha256", this.secret).update(req.body).digest();
    return /^[0-9a-f]{64}$/.test(given) && timingSafeEqual(expected, Buffer.from(given, "hex"));
  }

  private receive(req: RecordedRequest): Reply | null {
    if (req.method !== "POST" || req.path !== "/hooks/debrief") return null;
    if (!this.verified(req)) {
      this.rejected.push(req);
      return { status: 401, body: { error: "bad signature" } };
    }
    const body = JSON.parse(req.body) as { event: string; action?: Record<string, unknown> };
    if (body.event === "ping") {
      this.pings.push(req);
      return { status: 200, body: { ok: true } };
    }
    const key = String(req.headers["x-debrief-idempotency-key"] ?? "");
    if (!key) return { status: 400, body: { error: "missing idempotency key" } };
    let item = this.items.get(key);
    if (!item) {
      item = { id: randomUUID(), key: `RCV-${this.items.size + 1}`, idempotencyKey: key, deliveries: 0, last: {} };
      this.items.set(key, item);
    }
    item.deliveries++;
    item.last = body.action ?? {};
    return { status: 200, body: { id: item.id, key: item.key, url: `${this.url}/items/${item.id}` } };
  }

  /** Calls Debrief's inbound URL as the receiver's side would (optional in the protocol). */
  async sendBack(url: string, inboundSecret: string, payload: Record<string, unknown>, deliveryId = randomUUID()): Promise<Response> {
    const body = JSON.stringify(payload);
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-debrief-delivery": deliveryId, "x-debrief-signature": `sha256=${createHmac("sha256", inboundSecret).update(body).digest("hex")}` },
      body,
    });
  }
}

export async function startWebhookReceiver(secret: string, options: FakeServerOptions = {}): Promise<WebhookReceiver> {
  return new WebhookReceiver(secret, options).start();
}
