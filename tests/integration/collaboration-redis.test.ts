/**
 * Scale-out: two collaboration server processes sharing documents through a real Redis
 * (REDIS_URL, default redis://127.0.0.1:6379 — CI starts one), one client on each, editing the
 * same narrative at once: both converge on identical text, presence crosses over, and the
 * narrative is stored once with everything in it.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { narrativeDocumentName } from "../../lib/collaboration/document-name";
import { db } from "../../lib/db/client";
import { appendParagraph, connectClient, settled, tokenFor, waitFor, type TestClient } from "../support/collab";
import { spawnCollabServer, type CollabProcess } from "../support/collab-process";
import { buildCast } from "../support/factories";
import { freePort } from "../support/ports";

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const secret = randomBytes(32).toString("base64url");
const servers: CollabProcess[] = [];
const clients: TestClient[] = [];

async function assertRedisUp(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  const up = await new Promise<boolean>((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname, () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (!up) throw new Error(`Redis is not reachable at ${url}: start it (see STACK.md / .ci/run) or set REDIS_URL.`);
}

beforeAll(async () => {
  await assertRedisUp(REDIS_URL);
  const [a, b] = await Promise.all([freePort(), freePort()]);
  const env = { REDIS_URL };
  servers.push(...(await Promise.all([a, b].map((port) => spawnCollabServer({ port, secret, databaseUrl: process.env.DATABASE_URL!, env })))));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(servers.map((s) => s.stop()));
});

describe("two collaboration servers sharing Redis", () => {
  it("keeps a document in sync across instances: both clients converge, presence crosses over, one store has everything", async () => {
    const cast = await buildCast("GROUP");
    const document = narrativeDocumentName(cast.review.id);
    const [ana, ben] = [cast.users.facilitator, cast.users.responder].map((user, i) => {
      const client = connectClient({ url: servers[i]!.url, document, token: tokenFor(secret, user.id, cast.review.id) });
      clients.push(client);
      return client;
    }) as [TestClient, TestClient];
    await waitFor("both synced", () => settled(ana) && settled(ben));

    const typed: string[] = [];
    for (let i = 1; i <= 15; i++) {
      appendParagraph(ana.doc, `ana-${i}`);
      appendParagraph(ben.doc, `ben-${i}`);
      typed.push(`ana-${i}`, `ben-${i}`);
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor("both converge on identical text with every edit", () => ana.text() === ben.text() && typed.every((line) => ana.text().includes(line)));
    expect(ana.text().split("\n").sort()).toEqual([...typed].sort());

    ana.provider.setAwarenessField("user", { name: "Ana" });
    await waitFor("ben sees ana's presence through the other instance", () =>
      [...ben.provider.awareness!.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === "Ana"),
    );

    await waitFor(
      "stored with every edit",
      async () => {
        const row = await db().collabDocument.findUnique({ where: { name: document } });
        return typed.every((line) => row?.text.includes(line));
      },
      20_000,
    );
    // Each instance served its own client.
    for (const s of servers) expect(s.logs().some((l) => l.event === "collab_connected" && l.document === document)).toBe(true);
  }, 60_000);
});
