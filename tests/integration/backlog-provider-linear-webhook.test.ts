/**
 * The Linear provider (@linear/sdk) against a fake Linear GraphQL API, and the generic webhook
 * against a real receiver that checks the HMAC signature and deduplicates by idempotency key.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError, WebhookRejected, type IssueInput } from "../../lib/backlog/provider";
import { LinearProvider } from "../../lib/backlog/providers/linear";
import { WebhookProvider } from "../../lib/backlog/providers/webhook";
import { LINEAR_TEAM, startFakeLinear, type FakeLinear } from "../support/trackers/linear";
import { startWebhookReceiver, type WebhookReceiver } from "../support/trackers/webhook-receiver";

let linear: FakeLinear;
let receiver: WebhookReceiver;
const SECRET = "shared-secret-for-the-receiver";
const lin = (over: { apiKey?: string; teamId?: string } = {}) => new LinearProvider(`${linear.url}/graphql`, { teamId: over.teamId ?? LINEAR_TEAM.id }, over.apiKey ?? linear.apiKey);
const hook = (secret = SECRET) => new WebhookProvider(`${receiver.url}/hooks/debrief`, secret);

const input = (over: Partial<IssueInput> = {}): IssueInput => ({
  actionId: `act${Math.random().toString(36).slice(2, 12)}`,
  title: "Practise the failover drill quarterly",
  description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "See the ", marks: [] }, { type: "text", text: "runbook", marks: [{ type: "link", attrs: { href: "https://wiki.example/runbook" } }] }] }] },
  priority: "LOW",
  kind: "LEARNING",
  status: "OPEN",
  dueDate: "2030-04-30",
  review: { title: "Failover took an hour", url: "http://debrief.test/reviews/r3/actions" },
  ...over,
});

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

beforeAll(async () => {
  [linear, receiver] = await Promise.all([startFakeLinear(), startWebhookReceiver(SECRET)]);
});
afterAll(async () => {
  expect(linear.unexpected).toEqual([]);
  expect(receiver.unexpected).toEqual([]);
  await Promise.all([linear.stop(), receiver.stop()]);
});

describe("the Linear provider", () => {
  it("tests a connection by team id or key, and names what is wrong", async () => {
    await expect(lin().testConnection()).resolves.toBe("Connected to Engineering (ENG) as Priya PM.");
    await expect(lin({ teamId: "eng" }).testConnection()).resolves.toBe("Connected to Engineering (ENG) as Priya PM.");
    expect((await rejection(lin({ apiKey: "lin_api_wrong" }).testConnection())).message).toMatch(/^The API key was refused \(401\)\./);
    const unknown = await rejection(lin({ teamId: "OPS" }).testConnection());
    expect([unknown.kind, unknown.message]).toEqual(["not-found", expect.stringMatching(/^The Linear team OPS was not found \(404\)/)]);
  });

  it("creates an issue with Markdown, priority and due date, finds it by marker, updates its state", async () => {
    const i = input();
    const ref = await lin().createIssue(i);
    const issue = linear.issues.find((x) => x.id === ref.externalId)!;
    expect(ref).toEqual({ externalId: issue.id, key: issue.identifier, url: issue.url });
    expect(issue).toMatchObject({ title: i.title, priority: 4, dueDate: "2030-04-30", state: { type: "unstarted" } });
    expect(issue.description).toContain("See the [runbook](https://wiki.example/runbook)");
    expect(issue.description).toContain(`debrief-action:${i.actionId}`);
    expect(linear.requests.at(-1)!.headers.authorization).toBe(linear.apiKey);
    await expect(lin().findByMarker(i.actionId)).resolves.toEqual(ref);
    await expect(lin().findByMarker("actunknown00")).resolves.toBeNull();
    await lin().updateIssue(ref, { ...i, title: "Quarterly failover drill", priority: "HIGH", dueDate: null, status: "IN_PROGRESS" });
    expect(issue).toMatchObject({ title: "Quarterly failover drill", priority: 2, dueDate: null, state: { type: "started" } });
    linear.setState(issue.identifier, "canceled");
    await expect(lin().getIssue(ref)).resolves.toMatchObject({ status: "WONT_DO", dueDate: null });
  });

  it("reads a rate limit's reset from Linear's headers, and a missing issue as not found", async () => {
    linear.failNext(1, { status: 400, headers: { "x-ratelimit-requests-reset": String(Date.now() + 20_000) }, body: { errors: [{ message: "Rate limit exceeded", extensions: { type: "ratelimited", code: "RATELIMITED" } }] } });
    const limited = await rejection(lin().createIssue(input()));
    expect(limited.kind).toBe("rate-limited");
    expect(limited.retryAfterMs).toBeGreaterThan(15_000);
    const missing = await rejection(lin().getIssue({ externalId: "00000000-0000-4000-8000-000000000000", key: "ENG-999", url: "" }));
    expect(missing.kind).toBe("not-found");
    linear.failNext(1, { status: 502, body: "Bad gateway" });
    expect((await rejection(lin().createIssue(input()))).kind).toBe("unavailable");
  });

  it("verifies Linear-Signature and the webhook's timestamp", async () => {
    const secret = "lin_wh_secret";
    const ref = await lin().createIssue(input());
    const issue = linear.setState(linear.issues.find((x) => x.id === ref.externalId)!.identifier, "completed");
    const body = (timestamp: number) => Buffer.from(JSON.stringify({ action: "update", type: "Issue", data: { ...issue, assigneeId: null }, webhookTimestamp: timestamp }));
    const sign = (b: Buffer) => new Headers({ "linear-delivery": "ld-1", "linear-signature": createHmac("sha256", secret).update(b).digest("hex") });
    const fresh = body(Date.now());
    expect(lin().parseWebhook(sign(fresh), fresh, secret)).toEqual({ deliveryId: "ld-1", changes: [expect.objectContaining({ externalId: ref.externalId, status: "DONE", assignee: null, dueDate: "2030-04-30" })] });
    expect(() => lin().parseWebhook(sign(fresh), fresh, "other")).toThrow(WebhookRejected);
    const stale = body(Date.now() - 5 * 60_000);
    expect(() => lin().parseWebhook(sign(stale), stale, secret)).toThrow(expect.objectContaining({ status: 401 }));
  });
});

describe("the generic webhook provider", () => {
  it("tests the receiver with a signed ping, and reports a refused signature as a refused secret", async () => {
    await expect(hook().testConnection()).resolves.toMatch(/^The receiver at 127\.0\.0\.1:\d+ accepted a signed test delivery\.$/);
    expect(receiver.pings).toHaveLength(1);
    const refused = await rejection(hook("not-the-secret").testConnection());
    expect([refused.kind, refused.message]).toEqual(["unauthorized", expect.stringMatching(/^The shared secret was refused \(401\)/)]);
    expect(receiver.rejected).toHaveLength(1);
  });

  it("delivers every push of one action with the same idempotency key, and takes the receiver's reference", async () => {
    const i = input();
    const first = await hook().createIssue(i);
    const again = await hook().createIssue(i);
    const item = receiver.items.get(`debrief-action:${i.actionId}`)!;
    expect(item.deliveries).toBe(2);
    expect(first).toEqual({ externalId: item.id, key: item.key, url: `${receiver.url}/items/${item.id}` });
    expect(again).toEqual(first);
    expect(item.last).toMatchObject({ id: i.actionId, title: i.title, priority: "LOW", dueDate: "2030-04-30", review: i.review });
    await hook().updateIssue(first, { ...i, title: "Changed" });
    expect(item.last.title).toBe("Changed");
    await expect(hook().findByMarker()).resolves.toBeNull();
  });

  it("parses the optional inbound call, refusing bad signatures and bad values", async () => {
    const secret = "inbound-secret";
    const body = Buffer.from(JSON.stringify({ externalId: "x-1", status: "in progress", assignee: { email: "a@b.c" }, dueDate: null }));
    const headers = new Headers({ "x-debrief-delivery": "g-1", "x-debrief-signature": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` });
    expect(hook().parseWebhook(headers, body, secret)).toEqual({ deliveryId: "g-1", changes: [{ externalId: "x-1", actionId: undefined, status: "IN_PROGRESS", assignee: { email: "a@b.c", name: null }, dueDate: null }] });
    expect(() => hook().parseWebhook(headers, body, "wrong")).toThrow(expect.objectContaining({ status: 401 }));
    const bad = Buffer.from(JSON.stringify({ externalId: "x-1", status: "finished" }));
    expect(() => hook().parseWebhook(new Headers({ "x-debrief-signature": `sha256=${createHmac("sha256", secret).update(bad).digest("hex")}` }), bad, secret)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
