/**
 * Debrief's inbound webhook endpoint (lib/backlog/receive-webhook.ts) behind a plain HTTP server
 * on 127.0.0.1 — the same function the Next.js route calls — so the fake trackers deliver their
 * webhooks over real HTTP in integration tests. URL: `${url}/api/webhooks/{provider}/{connectionId}`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { receiveTrackerWebhook } from "../../../lib/backlog/receive-webhook";

export type InboundServer = { url: string; stop: () => Promise<void> };

export async function startInboundServer(): Promise<InboundServer> {
  const server = http.createServer((req, res) => {
    const match = /^\/api\/webhooks\/([^/]+)\/([^/?]+)$/.exec(req.url ?? "");
    if (!match || req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(`http://inbound${req.url}`, { method: "POST", headers, body: Readable.toWeb(req) as ReadableStream, duplex: "half" } as RequestInit);
    receiveTrackerWebhook(match[1]!, match[2]!, request).then(
      (result) => res.writeHead(result.status, { "content-type": "application/json" }).end(JSON.stringify(result.body)),
      (err: Error) => res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: err.message })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
