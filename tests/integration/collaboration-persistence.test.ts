/**
 * The narrative is stored as Yjs state + Tiptap JSON + plain text, while people type and when the
 * last one leaves; another server instance on the same database loads it. Bad input — oversized
 * documents, malformed messages — is refused with a clear reason and never stored.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { narrativeDocumentName } from "../../lib/collaboration/document-name";
import { narrativeSnapshot } from "../../lib/collaboration/narrative-snapshot";
import { db } from "../../lib/db/client";
import { docSchema } from "../../lib/editor/doc";
import { appendParagraph, connectClient, encodeMessage, settled, startCollabServer, tokenFor, waitFor, type TestClient, type TestCollabServer } from "../support/collab";
import { buildCast } from "../support/factories";

let server: TestCollabServer;
const clients: TestClient[] = [];
const join = (s: TestCollabServer, reviewId: string, userId: string) => {
  const client = connectClient({ url: s.url, document: narrativeDocumentName(reviewId), token: tokenFor(s.secret, userId, reviewId) });
  clients.push(client);
  return client;
};
const stored = (reviewId: string) => db().collabDocument.findUnique({ where: { name: narrativeDocumentName(reviewId) } });

beforeAll(async () => {
  server = await startCollabServer({ debounceMs: 300, maxDebounceMs: 1_000 });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

describe("persistence", () => {
  it("stores edits as Yjs state, Tiptap JSON and text — while connected and on the last disconnect — and another instance loads them", async () => {
    const cast = await buildCast("GROUP");
    const facilitator = join(server, cast.review.id, cast.users.facilitator.id);
    const responder = join(server, cast.review.id, cast.users.responder.id);
    await waitFor("both synced", () => settled(facilitator) && settled(responder));

    const heading = new Y.XmlElement("heading");
    heading.setAttribute("level", 2 as unknown as string);
    heading.insert(0, [new Y.XmlText("What happened")]);
    facilitator.doc.getXmlFragment("default").push([heading]);
    await waitFor("the responder sees the heading", () => responder.text().includes("What happened"));
    appendParagraph(responder.doc, "The deploy at 14:00 changed the pool size.");
    await waitFor("stored while both are still connected", async () => (await stored(cast.review.id))?.text.includes("14:00") ?? false);
    const first = (await stored(cast.review.id))!;
    expect(first.reviewId).toBe(cast.review.id);
    expect(docSchema.safeParse(first.json).success).toBe(true);
    expect(first.json).toMatchObject({ type: "doc", content: expect.arrayContaining([{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What happened" }] }]) });

    appendParagraph(facilitator.doc, "Paging reached the on-call engineer at 14:07.");
    await waitFor("both see every edit", () => facilitator.text() === responder.text() && responder.text().includes("14:07"));
    facilitator.destroy();
    responder.destroy();
    await waitFor("stored on the last disconnect", async () => (await stored(cast.review.id))?.text.includes("14:07") ?? false);
    const row = (await stored(cast.review.id))!;
    expect(row.text).toBe(facilitator.text());
    expect(narrativeSnapshot(new Uint8Array(row.state)).text).toBe(row.text);
    await waitFor("unloaded from memory", () => !server.collab.hocuspocus.documents.has(narrativeDocumentName(cast.review.id)));

    const other = await startCollabServer({ secret: server.secret });
    try {
      const reader = join(other, cast.review.id, cast.users.observer.id);
      await waitFor("a fresh client on the new instance has the stored narrative", () => reader.provider.synced && reader.text() === row.text);
      expect(reader.text()).toContain("What happened\nThe deploy at 14:00");
    } finally {
      await other.close();
    }
  });
});

describe("bad input", () => {
  it.each([
    { limit: "text", limits: {}, bytes: 250 * 1024 },
    { limit: "Yjs state", limits: { maxStateBytes: 40_000, maxTextBytes: 1_000_000 }, bytes: 60_000 },
  ])("refuses a change that makes the document larger than the $limit limit, with a clear reason, and keeps serving", async ({ limits, bytes }) => {
    const small = await startCollabServer({ limits, secret: server.secret, debounceMs: 200 });
    try {
      const cast = await buildCast("GROUP");
      const writer = join(small, cast.review.id, cast.users.responder.id);
      const witness = join(small, cast.review.id, cast.users.facilitator.id);
      await waitFor("synced", () => settled(writer) && settled(witness));
      appendParagraph(writer.doc, "A reasonable first paragraph.");
      await waitFor("the witness sees it", () => witness.text().includes("reasonable"));

      appendParagraph(writer.doc, `HUGE-${"x".repeat(bytes)}`);
      await waitFor("the writer's document is closed with document-too-large", () => writer.closes.includes("document-too-large"));
      const live = small.collab.hocuspocus.documents.get(narrativeDocumentName(cast.review.id))!;
      expect(live.getXmlFragment("default").toString()).not.toContain("HUGE-");

      appendParagraph(witness.doc, "The witness keeps writing.");
      await waitFor("the witness's edit is acknowledged", () => settled(witness));
      expect(witness.text()).not.toContain("HUGE-");
      witness.destroy();
      writer.destroy();
      await waitFor("stored", async () => (await stored(cast.review.id))?.text.includes("keeps writing") ?? false);
      expect((await stored(cast.review.id))!.text).not.toContain("HUGE-");
    } finally {
      await small.close();
    }
  });

  it("survives malformed messages — before and after authentication — and applies or stores nothing from them", async () => {
    const cast = await buildCast("GROUP");
    const document = narrativeDocumentName(cast.review.id);

    // Garbage from a client that never authenticated: the socket is closed, nothing else happens.
    const raw = new WebSocket(server.url);
    await new Promise((resolve) => raw.once("open", resolve));
    const closed = new Promise<number>((resolve) => raw.once("close", (code) => resolve(code)));
    raw.send(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect(await closed).toBeGreaterThanOrEqual(4000);
    // A Host header no URL can hold does not take the server down either.
    const oddHost = new WebSocket(server.url, { headers: { host: "[not-a-host" } });
    await new Promise((resolve) => oddHost.once("open", resolve));
    oddHost.close();

    const writer = join(server, cast.review.id, cast.users.responder.id);
    const witness = join(server, cast.review.id, cast.users.facilitator.id);
    await waitFor("synced", () => settled(writer) && settled(witness));
    appendParagraph(witness.doc, "Before the garbage.");
    await waitFor("stored", async () => (await stored(cast.review.id))?.text.includes("Before the garbage") ?? false);
    const before = (await stored(cast.review.id))!;

    // A sync "update" whose payload is not Yjs, then a sync message of an unknown kind.
    writer.socket.send(encodeMessage(document, 0, 2, Uint8Array.from([0x05, 0xff, 0xff, 0xff, 0x7f, 0x01, 0x02, 0x03])));
    await waitFor("closed with malformed-update", () => writer.closes.includes("malformed-update"));
    const second = join(server, cast.review.id, cast.users.responder.id);
    await waitFor("a new connection syncs", () => settled(second));
    second.socket.send(encodeMessage(document, 0, 9, Uint8Array.from([1, 2, 3])));
    await waitFor("closed with malformed-update", () => second.closes.includes("malformed-update"));

    // The server still serves everyone else, and stored nothing from the garbage.
    appendParagraph(witness.doc, "After the garbage.");
    await waitFor("the witness's edit is stored", async () => (await stored(cast.review.id))?.text.includes("After the garbage") ?? false);
    const after = (await stored(cast.review.id))!;
    expect(after.text).toBe(`${before.text}\nAfter the garbage.`);
    const fresh = join(server, cast.review.id, cast.users.observer.id);
    await waitFor("a fresh client gets the document", () => fresh.provider.synced && fresh.text() === after.text);
  });
});
