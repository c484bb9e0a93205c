/**
 * Changes made in the tracker coming back: GitHub, Jira, Linear and the generic receiver deliver
 * signed webhooks over HTTP; status, assignee (matched by e-mail, else named in the history) and
 * due date change on the action with a history entry each. The same delivery twice changes
 * nothing; a bad signature (401), an oversized body (413), malformed JSON (400) and an unknown
 * connection (404) store nothing at all.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { buildUser } from "../support/factories";
import { startFakeGithub, type FakeGithub } from "../support/trackers/github";
import { startFakeJira, type FakeJira } from "../support/trackers/jira";
import { startFakeLinear, type FakeLinear } from "../support/trackers/linear";
import { startWebhookReceiver, type WebhookReceiver } from "../support/trackers/webhook-receiver";
import { startInboundServer, type InboundServer } from "../support/trackers/inbound-server";
import { actionRow, buildAction, buildTrackerCast, connectTeam, syncKinds, useEncryptionKey } from "../support/trackers/fixtures";

let gh: FakeGithub;
let jira: FakeJira;
let linear: FakeLinear;
let receiver: WebhookReceiver;
let inbound: InboundServer;

beforeAll(async () => {
  useEncryptionKey();
  [gh, jira, linear, receiver, inbound] = await Promise.all([startFakeGithub(), startFakeJira(), startFakeLinear(), startWebhookReceiver("receiver-secret"), startInboundServer()]);
});
afterAll(async () => {
  await Promise.all([gh.stop(), jira.stop(), linear.stop(), receiver.stop(), inbound.stop()]);
});

const hookUrl = (provider: string, connectionId: string) => `${inbound.url}/api/webhooks/${provider}/${connectionId}`;

/** A team connected to `kind`, with one action already in the tracker as `issue`. */
async function syncedAction(kind: "github" | "jira" | "linear" | "webhook", ref: { externalId: string; externalKey: string }, over: Parameters<typeof buildAction>[0] extends infer O ? Partial<O> : never = {}) {
  const cast = await buildTrackerCast("PUBLISHED");
  const fake = { github: gh, jira, linear, webhook: receiver }[kind];
  const connected = await connectTeam(cast.pm, cast.team.id, { kind, fake } as never);
  const action = await buildAction({ reviewId: cast.review.id, teamId: cast.team.id, ...over });
  await db().actionItem.update({
    where: { id: action.id },
    data: { syncState: "SYNCED", externalProvider: kind.toUpperCase() as "GITHUB", externalId: ref.externalId, externalKey: ref.externalKey, externalUrl: "https://tracker/x" },
  });
  return { ...cast, action, connection: connected.connection, secret: connected.inboundSecret ?? "lin_wh_signing_secret" };
}

describe("GitHub issues webhooks", () => {
  it("apply a close, name an unknown assignee, and ignore the same delivery twice", async () => {
    const issue = gh.addIssue({ title: "Closed in GitHub", body: "…" });
    const { action, connection, secret } = await syncedAction("github", { externalId: String(issue.id), externalKey: `acme/payments#${issue.number}` });
    Object.assign(issue, { state: "closed", state_reason: "completed", assignee: { login: "octocat", id: 1 } });
    const res = await gh.sendWebhook(hookUrl("github", connection.id), secret, "closed", issue, { deliveryId: "gh-delivery-1" });
    expect([res.status, await res.json()]).toEqual([200, { received: 1, applied: 1 }]);
    const after = await actionRow(action.id);
    expect(after).toMatchObject({ status: "DONE", syncState: "SYNCED" });
    expect(after.closedAt).toBeInstanceOf(Date);
    expect(await syncKinds(action.id)).toEqual(["IN status-changed", "IN assignee-changed"]);
    const assignee = await db().actionSyncEvent.findFirst({ where: { actionId: action.id, kind: "assignee-changed" } });
    expect(assignee!.detail).toEqual({ external: "octocat", matched: false, source: "webhook" });

    const again = await gh.sendWebhook(hookUrl("github", connection.id), secret, "closed", issue, { deliveryId: "gh-delivery-1" });
    expect([again.status, await again.json()]).toEqual([200, { duplicate: true }]);
    Object.assign(issue, { state: "open", state_reason: "reopened" });
    const replay = await gh.sendWebhook(hookUrl("github", connection.id), secret, "reopened", issue, { deliveryId: "gh-delivery-1" });
    expect(replay.status).toBe(200);
    expect((await actionRow(action.id)).status).toBe("DONE"); // a replayed id changes nothing, even with another body
    expect(await syncKinds(action.id)).toHaveLength(2);
  });

  it("refuse bad signatures (401), oversized bodies (413), malformed JSON (400) and unknown connections (404), storing nothing", async () => {
    const issue = gh.addIssue({ title: "Untouched", body: "…" });
    const { action, connection, secret } = await syncedAction("github", { externalId: String(issue.id), externalKey: `acme/payments#${issue.number}` });
    issue.state = "closed";
    const url = hookUrl("github", connection.id);
    const deliveries = await db().inboundDelivery.count();
    expect((await gh.sendWebhook(url, secret, "closed", issue, { signature: "sha256=" + "0".repeat(64) })).status).toBe(401);
    expect((await gh.sendWebhook(url, "not-the-secret", "closed", issue)).status).toBe(401);
    const huge = JSON.stringify({ action: "closed", issue, padding: "x".repeat(1024 * 1024) });
    const signed = { "x-github-event": "issues", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(huge).digest("hex")}` };
    expect(await postRaw(url, signed, huge, { chunked: false })).toBe(413); // said so in Content-Length
    expect(await postRaw(url, signed, huge, { chunked: true })).toBe(413); // found out while reading
    const broken = "{ not json";
    const malformed = await fetch(url, { method: "POST", headers: { "x-github-event": "issues", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(broken).digest("hex")}` }, body: broken });
    expect([malformed.status, await malformed.json()]).toEqual([400, { error: "The body is not a JSON object." }]);
    expect((await gh.sendWebhook(hookUrl("github", "no-such-connection"), secret, "closed", issue)).status).toBe(404);
    expect((await gh.sendWebhook(hookUrl("jira", connection.id), secret, "closed", issue)).status).toBe(404);
    expect(await db().inboundDelivery.count()).toBe(deliveries);
    expect(await actionRow(action.id)).toMatchObject({ status: "OPEN" });
    expect(await syncKinds(action.id)).toEqual([]);
  });
});

describe("Jira webhooks", () => {
  it("set the status, the assignee matched by e-mail, and the due date", async () => {
    const created = jira.addIssue({ summary: "Moved in Jira", labels: [] });
    const person = await buildUser({ name: "Rui Responder" });
    const { action, connection, secret } = await syncedAction("jira", { externalId: created.id, externalKey: created.key }, { dueDate: new Date("2030-06-30T00:00:00Z") });
    const issue = jira.setStatus(created.key, "progress");
    Object.assign(issue.fields, { assignee: { accountId: "a-9", displayName: "Rui R.", emailAddress: person.email.toUpperCase() }, duedate: "2030-07-15" });
    const res = await jira.sendWebhook(hookUrl("jira", connection.id), secret, issue);
    expect(res.status).toBe(200);
    expect(await actionRow(action.id)).toMatchObject({ status: "IN_PROGRESS", assigneeId: person.id, dueDate: new Date("2030-07-15T00:00:00Z"), closedAt: null });
    expect(await syncKinds(action.id)).toEqual(["IN status-changed", "IN assignee-changed", "IN due-date-changed"]);
    expect((await jira.sendWebhook(hookUrl("jira", connection.id), "wrong", issue)).status).toBe(401);
  });
});

describe("Linear webhooks", () => {
  it("apply a cancel as won't do, and refuse a stale one", async () => {
    const created = linear.addIssue({ title: "Dropped in Linear", teamId: "x" });
    const { action, connection, secret } = await syncedAction("linear", { externalId: created.id, externalKey: created.identifier });
    const issue = linear.setState(created.identifier, "canceled");
    expect((await linear.sendWebhook(hookUrl("linear", connection.id), secret, issue, { timestamp: Date.now() - 10 * 60_000 })).status).toBe(401);
    expect((await actionRow(action.id)).status).toBe("OPEN");
    expect((await linear.sendWebhook(hookUrl("linear", connection.id), secret, issue)).status).toBe(200);
    expect(await actionRow(action.id)).toMatchObject({ status: "WONT_DO", dueDate: null });
    expect(await syncKinds(action.id)).toEqual(["IN status-changed", "IN due-date-changed"]);
  });
});

describe("the generic webhook's inbound calls", () => {
  it("apply what the receiver sends back, signed with the inbound secret", async () => {
    const { action, connection, secret } = await syncedAction("webhook", { externalId: "rcv-77", externalKey: "RCV-77" });
    const res = await receiver.sendBack(hookUrl("webhook", connection.id), secret, { externalId: "rcv-77", status: "done" });
    expect(res.status).toBe(200);
    expect((await actionRow(action.id)).status).toBe("DONE");
    expect((await receiver.sendBack(hookUrl("webhook", connection.id), "nope", { externalId: "rcv-77", status: "open" })).status).toBe(401);
  });
});

/**
 * POSTs with node's http client and resolves with the status as soon as it arrives: a server that
 * refuses an oversized body answers before reading it all and closes the connection, which fetch
 * reports as a reset rather than as the answer.
 */
function postRaw(url: string, headers: Record<string, string>, body: string, options: { chunked: boolean }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers, ...(options.chunked ? {} : { "content-length": String(Buffer.byteLength(body)) }) } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    req.on("error", (e) => setTimeout(() => reject(e), 1_000)); // a reset after the answer is expected
    if (options.chunked) {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}
