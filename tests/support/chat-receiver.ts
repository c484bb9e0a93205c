/**
 * A real incoming-webhook receiver on 127.0.0.1, answering like Slack's (200 "ok") or, when told
 * to, failing (500) — to test what Debrief posts to teams' chat channels. It keeps each request's
 * path, content type and parsed JSON body.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ChatPost = { path: string; contentType: string | undefined; body: unknown; raw: string };

export async function startChatReceiver() {
  const posts: ChatPost[] = [];
  let failing = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (failing) {
        res.writeHead(500, { "content-type": "text/plain" }).end("internal_error");
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        res.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload");
        return;
      }
      // Slack answers a well-formed `{ "text": … }` with 200 "ok"; anything else with 400.
      if (typeof (body as { text?: unknown })?.text !== "string" || req.method !== "POST") {
        res.writeHead(400, { "content-type": "text/plain" }).end("no_text");
        return;
      }
      posts.push({ path: req.url ?? "/", contentType: req.headers["content-type"], body, raw });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** A webhook URL on this receiver; `name` tells channels apart. */
    url: (name: string) => `http://127.0.0.1:${port}/hooks/${name}`,
    posts,
    postsTo: (name: string) => posts.filter((p) => p.path === `/hooks/${name}`),
    fail: (on: boolean) => {
      failing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
