/**
 * Who may open a review's narrative on the collaboration server, and how: a real server, real
 * providers over real WebSockets, tokens minted like the web app mints them, access read from the
 * database — for every role × phase, bad tokens, read-only observers, and people removed while
 * connected.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCollaborationToken } from "../../lib/collaboration/create-collaboration-token";
import { narrativeDocumentName } from "../../lib/collaboration/document-name";
import { collabSecret } from "../../lib/collaboration/token";
import { db } from "../../lib/db/client";
import { reloadEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import type { ReviewPhase } from "../../lib/policies/types";
import { removeParticipant } from "../../lib/reviews/remove-participant";
import { setUserActive } from "../../lib/users/manage-users";
import { appendParagraph, connectClient, settled, startCollabServer, tokenFor, waitFor, type TestClient, type TestCollabServer } from "../support/collab";
import { buildCast } from "../support/factories";

let server: TestCollabServer;
const clients: TestClient[] = [];
const connect = (document: string, token: string) => {
  const client = connectClient({ url: server.url, document, token });
  clients.push(client);
  return client;
};
/** Authenticated (its scope) or refused (the reason). */
async function outcome(client: TestClient): Promise<string> {
  await waitFor("authenticated or refused", () => client.scope() !== null || client.refusals.length > 0);
  return client.scope() ?? `refused: ${client.refusals[0]}`;
}

beforeAll(async () => {
  // The server verifies with the secret the use case signs with (derived from AUTH_SECRET).
  process.env.AUTH_SECRET ??= "collaboration-tests-secret-collaboration-tests";
  server = await startCollabServer({ secret: collabSecret(reloadEnv()) });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

const PHASES: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"];
const WHO = ["facilitator", "responder", "observer", "admin", "teamMember", "outsider"] as const;

function expected(who: (typeof WHO)[number], phase: ReviewPhase): string {
  if (who === "teamMember" || who === "outsider") return "refused: forbidden";
  if (phase === "PREPARING" || phase === "INDEPENDENT") return "refused: not-revealed";
  return who === "observer" || phase === "PUBLISHED" ? "readonly" : "read-write";
}

describe("connecting to a review's narrative", () => {
  it("follows the rules for every role in every phase, on the server and at the token endpoint", async () => {
    const casts = await Promise.all(PHASES.map((phase) => buildCast(phase)));
    const tried = casts.flatMap((cast, i) =>
      WHO.map((who) => {
        const document = narrativeDocumentName(cast.review.id);
        const client = connect(document, tokenFor(server.secret, cast.users[who].id, cast.review.id));
        return { phase: PHASES[i]!, who, client, actor: cast.actors[who], reviewId: cast.review.id };
      }),
    );
    const got = await Promise.all(tried.map(async (t) => `${t.who} in ${t.phase}: ${await outcome(t.client)}`));
    expect(got).toEqual(tried.map((t) => `${t.who} in ${t.phase}: ${expected(t.who, t.phase)}`));

    // The REST endpoint's use case gives the same answers: 404 for non-participants, 409 before the reveal.
    const minted = await Promise.all(
      tried.map((t) =>
        createCollaborationToken(t.actor, t.reviewId).then(
          (grant) => `${t.who} in ${t.phase}: ${grant.readOnly ? "readonly" : "read-write"}`,
          (e: AppError) => `${t.who} in ${t.phase}: ${e.code}`,
        ),
      ),
    );
    const http = (s: string) => s.replace("refused: forbidden", "NOT_FOUND").replace("refused: not-revealed", "CONFLICT");
    expect(minted).toEqual(tried.map((t) => `${t.who} in ${t.phase}: ${http(expected(t.who, t.phase))}`));
  });

  it("accepts the token the use case mints, for that review's narrative only", async () => {
    const cast = await buildCast("GROUP");
    const other = await buildCast("GROUP");
    const grant = await createCollaborationToken(cast.actors.responder, cast.review.id);
    expect(grant.document).toBe(narrativeDocumentName(cast.review.id));
    expect(grant.expiresAt.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(grant.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect(await outcome(connect(grant.document, grant.token))).toBe("read-write");
    // The same token on another review's narrative (where its holder is not even a participant).
    expect(await outcome(connect(narrativeDocumentName(other.review.id), grant.token))).toBe("refused: token-for-another-document");
    // A facilitator's token of another review, used on a review where they take part too.
    await db().reviewParticipant.create({ data: { reviewId: other.review.id, userId: cast.users.facilitator.id, role: "RESPONDER" } });
    const foreign = tokenFor(server.secret, cast.users.facilitator.id, cast.review.id);
    expect(await outcome(connect(narrativeDocumentName(other.review.id), foreign))).toBe("refused: token-for-another-document");
  });

  it("refuses expired, forged and malformed tokens, and unknown documents", async () => {
    const cast = await buildCast("GROUP");
    const document = narrativeDocumentName(cast.review.id);
    const user = cast.users.facilitator.id;
    const expired = tokenFor(server.secret, user, cast.review.id, { now: Date.now() - 10 * 60_000 });
    const forged = tokenFor("another-secret-another-secret-another-secret", user, cast.review.id);
    const [head, , sig] = tokenFor(server.secret, user, cast.review.id).split(".");
    const claims = Buffer.from(JSON.stringify({ sub: cast.users.outsider.id, rid: cast.review.id, doc: document, iat: 0, exp: 4e9, aud: "debrief-collab" })).toString("base64url");
    const tampered = `${head}.${claims}.${sig}`;
    expect(await outcome(connect(document, expired))).toBe("refused: token-expired");
    expect(await outcome(connect(document, forged))).toBe("refused: invalid-token");
    expect(await outcome(connect(document, tampered))).toBe("refused: invalid-token");
    expect(await outcome(connect(document, "not-a-token"))).toBe("refused: invalid-token");
    expect(await outcome(connect(document, ""))).toBe("refused: invalid-token");
    expect(await outcome(connect(`review:${cast.review.id}:secrets`, tokenFor(server.secret, user, cast.review.id)))).toBe("refused: unknown-document");
    // Nothing was loaded or stored for any of them.
    expect(server.collab.hocuspocus.documents.has(document)).toBe(false);
    expect(await db().collabDocument.count({ where: { reviewId: cast.review.id } })).toBe(0);
  });
});

describe("while connected", () => {
  it("gives observers a read-only connection: their edits are neither applied, relayed nor stored", async () => {
    const cast = await buildCast("GROUP");
    const document = narrativeDocumentName(cast.review.id);
    const facilitator = connect(document, tokenFor(server.secret, cast.users.facilitator.id, cast.review.id));
    const observer = connect(document, tokenFor(server.secret, cast.users.observer.id, cast.review.id));
    await waitFor("both synced", () => settled(facilitator) && observer.provider.synced);
    expect(observer.scope()).toBe("readonly");

    appendParagraph(facilitator.doc, "Facilitator: the alert fired at 14:02.");
    await waitFor("the observer sees the facilitator's edit", () => observer.text().includes("14:02"));
    appendParagraph(observer.doc, "Observer: OBSERVER-MARKER");
    await waitFor("the server answers that it did not apply the observer's update", () => observer.rejectedUpdates() > 0);

    const live = server.collab.hocuspocus.documents.get(document)!;
    expect(live.getXmlFragment("default").toString()).toContain("14:02");
    expect(live.getXmlFragment("default").toString()).not.toContain("OBSERVER-MARKER");
    appendParagraph(facilitator.doc, "Facilitator: AFTER-MARKER");
    await waitFor("the facilitator's later edit is acknowledged", () => settled(facilitator));
    expect(facilitator.text()).not.toContain("OBSERVER-MARKER");

    facilitator.destroy();
    observer.destroy();
    await waitFor("stored on the last disconnect", async () => (await db().collabDocument.findUnique({ where: { name: document } }))?.text.includes("AFTER-MARKER") ?? false);
    expect((await db().collabDocument.findUnique({ where: { name: document } }))!.text).not.toContain("OBSERVER-MARKER");
  });

  it("disconnects, within seconds, a participant removed from the review and a deactivated account", async () => {
    const cast = await buildCast("GROUP");
    const document = narrativeDocumentName(cast.review.id);
    const facilitator = connect(document, tokenFor(server.secret, cast.users.facilitator.id, cast.review.id));
    const responder = connect(document, tokenFor(server.secret, cast.users.responder.id, cast.review.id));
    const observer = connect(document, tokenFor(server.secret, cast.users.observer.id, cast.review.id));
    await waitFor("all synced", () => [facilitator, responder, observer].every((c) => c.provider.synced));

    const participant = await db().reviewParticipant.findFirstOrThrow({ where: { reviewId: cast.review.id, userId: cast.users.observer.id } });
    await removeParticipant(cast.actors.facilitator, cast.review.id, participant.id);
    await setUserActive(cast.actors.admin, cast.users.responder.id, false);
    const started = Date.now();
    await waitFor("the removed observer is disconnected", () => observer.closes.includes("access-revoked"), 10_000);
    await waitFor("the deactivated responder is disconnected", () => responder.closes.includes("access-revoked"), 10_000);
    expect(Date.now() - started).toBeLessThan(8_000);

    // The responder's edits no longer reach anyone; the facilitator stays connected and editing.
    appendParagraph(responder.doc, "Responder after removal: REVOKED-MARKER");
    appendParagraph(facilitator.doc, "Facilitator still here: STILL-HERE");
    await waitFor("the facilitator's edit is acknowledged", () => settled(facilitator));
    const live = server.collab.hocuspocus.documents.get(document)!;
    expect(live.getXmlFragment("default").toString()).toContain("STILL-HERE");
    expect(facilitator.closes).toEqual([]);
    expect([...live.getConnections()].map((c) => (c.context as { userId: string }).userId)).toEqual([cast.users.facilitator.id]);
  });

  it("makes a connection read-only when the review is published, and asks the client to reconnect", async () => {
    const cast = await buildCast("ACTION_PLANNING");
    const document = narrativeDocumentName(cast.review.id);
    const responder = connect(document, tokenFor(server.secret, cast.users.responder.id, cast.review.id));
    await waitFor("synced", () => settled(responder));
    expect(responder.scope()).toBe("read-write");
    await db().review.update({ where: { id: cast.review.id }, data: { phase: "PUBLISHED", publishedAt: new Date() } });
    await waitFor("closed with access-changed", () => responder.closes.includes("access-changed"), 10_000);
    const again = connect(document, tokenFor(server.secret, cast.users.responder.id, cast.review.id));
    expect(await outcome(again)).toBe("readonly");
  });
});
