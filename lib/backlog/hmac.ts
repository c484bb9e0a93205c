/** HMAC-SHA256 signatures of raw bodies, compared in constant time (inbound and outbound webhooks). */
import { createHmac, timingSafeEqual } from "node:crypto";

/** `sha256=<hex>` (GitHub's X-Hub-Signature-256, Jira's X-Hub-Signature, Debrief's X-Debrief-Signature). */
export function signBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** True when `header` is the signature of `body` under `secret` (with or without the `sha256=` prefix). */
export function verifySignature(secret: string, body: Buffer, header: string | null | undefined): boolean {
  if (!header) return false;
  const given = header.trim().replace(/^sha256=/i, "");
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}
