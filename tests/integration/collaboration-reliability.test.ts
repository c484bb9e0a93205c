/**
 * Reliability with the real server process (`npm run collab`): SIGKILL it while three people
 * type, restart it on the same port; every client reconnects by itself, nothing acknowledged is
 * lost, edits made while the server was down merge. Also: what a killed server had stored is
 * what the next one serves, and refusals are logged without content.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { narrativeDocumentName } from "../../lib/collaboration/document-name";
import { db } from "../../lib/db/client";
import { appendParagraph, connectClient, settled, tokenFor, waitFor, type TestClient } from "../support/collab";
import { spawnCollabServer, type CollabProcess } from "../support/collab-process";
import { buildCast } from "../support/factories";
import { freePort } from "../support/ports";

const secret = randomBytes(32).toString("base64url");
let port: number;
let server: CollabProcess | null = null;
const clients: TestClient[] = [];
const start = async () => (server = await spawnCollabServer({ port, secret, databaseUrl: process.env.DATABASE_URL! }));

beforeAll(async () => {
  port = await freePort();
  await start();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

function typist(client: TestClient, name: string) {
  let n = 0;
  const typed: string[] = [];
  const type = (count: number) => {
    for (let i = 0; i < count; i++) {
      const line = `${name}-edit-${++n}`;
      appendParagraph(client.doc, line);
      typed.push(line);
    }
  };
  return { client, typed, type };
}

describe("the collaboration server process", () => {
  it("loses no acknowledged edit when SIGKILLed while three people type; clients reconnect by themselves and offline edits merge", async () => {
    const cast = await buildCast("GROUP");
    const document = narrativeDocumentName(cast.review.id);
    const people = [cast.users.facilitator, cast.users.responder, cast.users.admin].map((user, i) => {
      // A fresh token on every (re)connection, as the browser asks the web app for one.
      const client = connectClient({ url: server!.url, document, token: () => tokenFor(secret, user.id, cast.review.id) });
      clients.push(client);
      return typist(client, ["ana", "ben", "cai"][i]!);
    });
    await waitFor("all three synced", () => people.every((p) => settled(p.client)));

    // Typing, concurrently; some of it acknowledged…
    for (let round = 0; round < 5; round++) for (const p of people) p.type(2);
    await waitFor("everything so far acknowledged", () => people.every((p) => settled(p.client)));
    const acknowledged = people.flatMap((p) => [...p.typed]);
    // …and more on its way when the server dies.
    const typing = setInterval(() => people.forEach((p) => p.type(1)), 20);
    await new Promise((r) => setTimeout(r, 150));
    await server!.kill();
    clearInterval(typing);
    await waitFor("every client notices", () => people.every((p) => !p.client.provider.synced));

    // Offline: everyone keeps typing.
    for (const p of people) p.type(3);
    await start();
    await waitFor("every client reconnected and synced by itself", () => people.every((p) => settled(p.client)), 30_000);
    for (const p of people) p.type(1);

    const everything = people.flatMap((p) => p.typed);
    await waitFor("all clients converge on every edit", () => {
      const texts = people.map((p) => p.client.text());
      return texts.every((t) => t === texts[0]) && everything.every((line) => texts[0]!.includes(line));
    });
    const lines = people[0]!.client.text().split("\n");
    expect(lines).toEqual(expect.arrayContaining(acknowledged));
    expect(lines.filter((l) => l.includes("-edit-")).sort()).toEqual([...everything].sort());
    await waitFor(
      "the restarted server stored every edit",
      async () => {
        const row = await db().collabDocument.findUnique({ where: { name: document } });
        return everything.every((line) => row?.text.includes(line));
      },
      20_000,
    );
  }, 90_000);

  it("serves, after a SIGKILL, what it had stored — to a client that was never connected before", async () => {
    const cast = await buildCast("GROUP");
    const document = narrativeDocumentName(cast.review.id);
    const writer = connectClient({ url: server!.url, document, token: tokenFor(secret, cast.users.responder.id, cast.review.id) });
    clients.push(writer);
    await waitFor("synced", () => settled(writer));
    appendParagraph(writer.doc, "Stored before the crash: STORED-MARKER");
    await waitFor("stored (debounced, while still connected)", async () => (await db().collabDocument.findUnique({ where: { name: document } }))?.text.includes("STORED-MARKER") ?? false);
    writer.destroy();

    await server!.kill();
    await start();
    const reader = connectClient({ url: server!.url, document, token: tokenFor(secret, cast.users.observer.id, cast.review.id) });
    clients.push(reader);
    await waitFor("the new client has the stored narrative", () => reader.provider.synced && reader.text().includes("STORED-MARKER"));
  }, 60_000);

  it("logs refused tokens with their reason, and never any content", async () => {
    const cast = await buildCast("GROUP");
    const other = await buildCast("GROUP");
    const document = narrativeDocumentName(cast.review.id);
    const user = cast.users.responder.id;
    const tries = [
      tokenFor(secret, user, cast.review.id, { now: Date.now() - 10 * 60_000 }),
      tokenFor("a-forged-secret-a-forged-secret-a-forged", user, cast.review.id),
      tokenFor(secret, other.users.responder.id, other.review.id),
    ].map((token) => connectClient({ url: server!.url, document, token }));
    clients.push(...tries);
    await waitFor("all three refused", () => tries.every((c) => c.refusals.length > 0));
    expect(tries.map((c) => c.refusals[0])).toEqual(["token-expired", "invalid-token", "token-for-another-document"]);

    await waitFor("the refusals are logged", () => server!.logs().filter((l) => l.event === "collab_refused" && l.document === document).length === 3);
    const refusals = server!.logs().filter((l) => l.event === "collab_refused" && l.document === document);
    expect(refusals.map((l) => l.reason).sort()).toEqual(["invalid-token", "token-expired", "token-for-another-document"]);
    for (const line of refusals) expect(JSON.stringify(line)).not.toMatch(/eyJ/); // no token in the logs
    expect(server!.output()).not.toMatch(/edit-\d|MARKER/); // no document content, ever
    expect(server!.logs().some((l) => l.event === "collab_connected")).toBe(true);
  });
});
