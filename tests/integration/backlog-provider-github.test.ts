/**
 * The GitHub provider (Octokit) against a fake GitHub speaking the documented REST API on
 * 127.0.0.1: connection checks with specific errors, issue creation with Markdown and labels, the
 * marker search (and the deep search past a lagging index), updates that keep edits made in
 * GitHub, snapshots, rate limits and server errors, and signed `issues` webhooks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GithubProvider } from "../../lib/backlog/providers/github";
import { ProviderError, WebhookRejected, type IssueInput } from "../../lib/backlog/provider";
import { startFakeGithub, type FakeGithub } from "../support/trackers/github";

let gh: FakeGithub;
const settings = { owner: "acme", repo: "payments" };
const provider = (over: { token?: string; repo?: string } = {}) => new GithubProvider(gh.url, { ...settings, repo: over.repo ?? settings.repo }, over.token ?? gh.token);

const input = (over: Partial<IssueInput> = {}): IssueInput => ({
  actionId: `act${Math.random().toString(36).slice(2, 12)}`,
  title: "Alert on replication lag above 30 s",
  description: {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Why" }] },
      { type: "paragraph", content: [{ type: "text", text: "Lag went " }, { type: "text", text: "unnoticed", marks: [{ type: "bold" }] }, { type: "text", text: " for *20* minutes." }] },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "page the on-call" }] }] }] },
    ],
  },
  priority: "HIGH",
  kind: "DETECTION",
  status: "OPEN",
  dueDate: "2030-01-15",
  review: { title: "Search staleness", url: "http://debrief.test/reviews/r1/actions" },
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
  gh = await startFakeGithub();
});
afterAll(async () => {
  expect(gh.unexpected).toEqual([]);
  await gh.stop();
});

describe("the GitHub provider", () => {
  it("tests a connection and names exactly what is wrong", async () => {
    await expect(provider().testConnection()).resolves.toBe("Connected to acme/payments (private).");
    const bad = await rejection(provider({ token: "ghp_wrong" }).testConnection());
    expect(bad.kind).toBe("unauthorized");
    expect(bad.message).toMatch(/^The token was refused \(401\)\./);
    const missing = await rejection(provider({ repo: "nope" }).testConnection());
    expect(missing.kind).toBe("not-found");
    expect(missing.message).toMatch(/^The repository acme\/nope was not found \(404\)/);
    gh.canPush = false;
    try {
      const readOnly = await rejection(provider().testConnection());
      expect(readOnly.kind).toBe("forbidden");
      expect(readOnly.message).toMatch(/can read acme\/payments but cannot create issues there \(403\)/);
    } finally {
      gh.canPush = true;
    }
  });

  it("creates an issue with a Markdown body, labels, the link back, the due date and the marker", async () => {
    const i = input();
    const ref = await provider().createIssue(i);
    const issue = gh.issues.find((x) => String(x.id) === ref.externalId)!;
    expect(ref).toEqual({ externalId: String(issue.id), key: `acme/payments#${issue.number}`, url: issue.html_url });
    expect(issue.title).toBe(i.title);
    expect(issue.body).toContain("## Why");
    expect(issue.body).toContain("Lag went **unnoticed** for \\*20\\* minutes.");
    expect(issue.body).toContain("- page the on-call");
    expect(issue.body).toContain("[Search staleness](http://debrief.test/reviews/r1/actions)");
    expect(issue.body).toContain("due 2030-01-15");
    expect(issue.body).toContain(`debrief-action:${i.actionId}`);
    expect(issue.labels.map((l) => l.name).sort()).toEqual(["debrief", "priority: high"]);
    expect(issue.state).toBe("open");
  });

  it("creates an action that is already done as a closed issue", async () => {
    const ref = await provider().createIssue(input({ status: "WONT_DO" }));
    const issue = gh.issues.find((x) => String(x.id) === ref.externalId)!;
    expect([issue.state, issue.state_reason]).toEqual(["closed", "not_planned"]);
  });

  it("finds an issue by its marker, also while the search index lags (deep)", async () => {
    const i = input();
    const ref = await provider().createIssue(i);
    await expect(provider().findByMarker(i.actionId)).resolves.toEqual(ref);
    await expect(provider().findByMarker("actnobodyhasthis")).resolves.toBeNull();
    gh.searchLagMs = 60_000;
    try {
      const j = input();
      const fresh = await provider().createIssue(j);
      await expect(provider().findByMarker(j.actionId)).resolves.toBeNull();
      await expect(provider().findByMarker(j.actionId, { deep: true })).resolves.toEqual(fresh);
    } finally {
      gh.searchLagMs = 0;
    }
  });

  it("updates title, priority, due date and status, keeping what people wrote in GitHub", async () => {
    const i = input();
    const ref = await provider().createIssue(i);
    const issue = gh.issues.find((x) => String(x.id) === ref.externalId)!;
    issue.body = `Investigation notes from the team.\n\n${issue.body}`;
    issue.labels.push({ id: 7, name: "team: search", color: "fff" });
    await provider().updateIssue(ref, { ...i, title: "Alert on lag above 10 s", priority: "LOW", dueDate: "2030-02-01", status: "DONE" });
    expect(issue.title).toBe("Alert on lag above 10 s");
    expect(issue.body).toContain("Investigation notes from the team.");
    expect(issue.body).toContain("due 2030-02-01");
    expect(issue.body).not.toContain("due 2030-01-15");
    expect(issue.labels.map((l) => l.name).sort()).toEqual(["debrief", "priority: low", "team: search"]);
    expect([issue.state, issue.state_reason]).toEqual(["closed", "completed"]);
    const snapshot = await provider().getIssue(ref);
    expect(snapshot).toMatchObject({ status: "DONE", dueDate: "2030-02-01", assignee: null, title: "Alert on lag above 10 s" });
  });

  it("reads status from state, state reason and the in-progress label, and the assignee's login", async () => {
    const ref = await provider().createIssue(input({ status: "IN_PROGRESS" }));
    const issue = gh.issues.find((x) => String(x.id) === ref.externalId)!;
    expect(issue.labels.map((l) => l.name)).toContain("in progress");
    issue.assignee = { login: "octocat", id: 583231 };
    await expect(provider().getIssue(ref)).resolves.toMatchObject({ status: "IN_PROGRESS", assignee: { login: "octocat" } });
  });

  it("turns 429 + Retry-After into a rate limit with its wait, 5xx into a retryable failure, 422 into a stop", async () => {
    gh.failNext(1, { status: 429, headers: { "retry-after": "7" }, body: { message: "secondary rate limit" } });
    const limited = await rejection(provider().createIssue(input()));
    expect([limited.kind, limited.retryAfterMs]).toEqual(["rate-limited", 7000]);
    gh.failNext(1, { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 30) }, body: { message: "API rate limit exceeded" } });
    const exhausted = await rejection(provider().createIssue(input()));
    expect(exhausted.kind).toBe("rate-limited");
    expect(exhausted.retryAfterMs).toBeGreaterThan(25_000);
    gh.failNext(1, { status: 502, body: { message: "Server Error" } });
    const down = await rejection(provider().createIssue(input()));
    expect([down.kind, down.retryable]).toEqual(["unavailable", true]);
    const invalid = await rejection(provider().createIssue(input({ title: "" })));
    expect([invalid.kind, invalid.retryable]).toEqual(["invalid", false]);
  });

  it("reports an unreachable GitHub as a retryable network failure", async () => {
    const gone = new GithubProvider("http://127.0.0.1:9", settings, "t");
    const e = await rejection(gone.testConnection());
    expect(e.kind).toBe("unavailable");
    expect(e.message).toMatch(/^Could not reach 127\.0\.0\.1:9/);
  });

  it("verifies and parses `issues` webhooks", async () => {
    const secret = "whsec-github-test";
    const ref = await provider().createIssue(input());
    const issue = gh.issues.find((x) => String(x.id) === ref.externalId)!;
    issue.state = "closed";
    issue.state_reason = "completed";
    const body = Buffer.from(JSON.stringify({ action: "closed", issue }));
    const { createHmac } = await import("node:crypto");
    const sig = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const headers = new Headers({ "x-github-event": "issues", "x-github-delivery": "d-1", "x-hub-signature-256": sig });
    const parsed = provider().parseWebhook(headers, body, secret);
    expect(parsed.deliveryId).toBe("d-1");
    expect(parsed.changes).toEqual([expect.objectContaining({ externalId: ref.externalId, status: "DONE", assignee: null })]);
    expect(() => provider().parseWebhook(headers, body, "another-secret")).toThrow(WebhookRejected);
    const notJson = Buffer.from("{nope");
    const sig2 = `sha256=${createHmac("sha256", secret).update(notJson).digest("hex")}`;
    expect(() => provider().parseWebhook(new Headers({ "x-github-event": "issues", "x-hub-signature-256": sig2 }), notJson, secret)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
