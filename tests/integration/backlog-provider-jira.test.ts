/**
 * The Jira provider (jira.js) against a fake Jira speaking Atlassian's documented REST API: Cloud
 * (v3, ADF descriptions, /search/jql) and Data Center (v2, a personal access token, text), the
 * connection check's specific errors, creation with labels, priority and due date (and without
 * them where the screen lacks them), transitions both ways, and signed webhooks. The fake's
 * answers are also checked against jira.js's own response schemas.
 */
import { createHmac } from "node:crypto";
import { createCloudClient } from "jira.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adfText } from "../../lib/backlog/format/adf";
import { ProviderError, WebhookRejected, type IssueInput } from "../../lib/backlog/provider";
import { JiraProvider } from "../../lib/backlog/providers/jira";
import { startFakeJira, type FakeJira } from "../support/trackers/jira";

let jira: FakeJira;
const cloud = (over: { apiToken?: string; projectKey?: string; issueType?: string } = {}) =>
  new JiraProvider(jira.url, { projectKey: over.projectKey ?? "PAY", issueType: over.issueType ?? "Task", deployment: "cloud", email: jira.email }, over.apiToken ?? jira.apiToken);
const dataCenter = () => new JiraProvider(jira.url, { projectKey: "PAY", issueType: "Task", deployment: "datacenter" }, jira.apiToken);

const input = (over: Partial<IssueInput> = {}): IssueInput => ({
  actionId: `act${Math.random().toString(36).slice(2, 12)}`,
  title: "Add a runbook for cache warm-up",
  description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Nobody knew the " }, { type: "text", text: "warm-up", marks: [{ type: "code" }] }, { type: "text", text: " order." }] }] },
  priority: "MEDIUM",
  kind: "PROCESS",
  status: "OPEN",
  dueDate: "2030-03-01",
  review: { title: "Cache stampede", url: "http://debrief.test/reviews/r2/actions" },
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
  jira = await startFakeJira();
});
afterAll(async () => {
  expect(jira.unexpected).toEqual([]);
  await jira.stop();
});

describe("the Jira provider", () => {
  it("tests a connection and names exactly what is wrong", async () => {
    await expect(cloud().testConnection()).resolves.toBe("Connected to Payments (PAY) as Priya PM.");
    expect((await rejection(cloud({ apiToken: "wrong" }).testConnection())).message).toMatch(/^The e-mail and API token were refused \(401\)\./);
    const missing = await rejection(cloud({ projectKey: "NOPE" }).testConnection());
    expect([missing.kind, missing.message]).toEqual(["not-found", expect.stringMatching(/^The project NOPE was not found \(404\)/)]);
    expect((await rejection(cloud({ issueType: "Epic" }).testConnection())).message).toBe("The project PAY has no issue type “Epic” (it has Task, Bug).");
    jira.canCreate = false;
    try {
      const forbidden = await rejection(cloud().testConnection());
      expect([forbidden.kind, forbidden.message]).toEqual(["forbidden", "The e-mail and API token can see the project PAY but cannot create issues there (403)."]);
    } finally {
      jira.canCreate = true;
    }
  });

  it("creates a Cloud issue with an ADF description, labels, priority and due date", async () => {
    const i = input();
    const ref = await cloud().createIssue(i);
    const issue = jira.issues.find((x) => x.id === ref.externalId)!;
    expect(ref).toEqual({ externalId: issue.id, key: issue.key, url: `${jira.url}/browse/${issue.key}` });
    expect(issue.fields).toMatchObject({ summary: i.title, priority: { name: "Medium" }, duedate: "2030-03-01", labels: ["debrief", `debrief-action-${i.actionId}`] });
    const adf = issue.fields.description as { type: string; version: number; content: { type: string }[] };
    expect([adf.type, adf.version]).toEqual(["doc", 1]);
    expect(JSON.stringify(adf)).toContain('"marks":[{"type":"code"}]');
    expect(adfText(adf as never)).toContain(`debrief-action:${i.actionId}`);
    expect(JSON.stringify(adf)).toContain('"href":"http://debrief.test/reviews/r2/actions"');
  });

  it("still creates the issue where the screen has no priority field", async () => {
    jira.priorityOnScreen = false;
    try {
      const ref = await cloud().createIssue(input());
      const issue = jira.issues.find((x) => x.id === ref.externalId)!;
      expect(issue.fields.priority).toBeUndefined();
      expect(issue.fields.duedate).toBe("2030-03-01");
    } finally {
      jira.priorityOnScreen = true;
    }
  });

  it("finds an issue by its label, and moves statuses through the workflow both ways", async () => {
    const i = input();
    const ref = await cloud().createIssue(i);
    await expect(cloud().findByMarker(i.actionId)).resolves.toEqual(ref);
    await expect(cloud().findByMarker("actunknown00")).resolves.toBeNull();
    await cloud().updateIssue(ref, { ...i, title: "Runbook for warm-up", priority: "HIGH", status: "WONT_DO" });
    const issue = jira.issues.find((x) => x.id === ref.externalId)!;
    expect(issue.fields).toMatchObject({ summary: "Runbook for warm-up", priority: { name: "High" }, status: { name: "Done" }, resolution: { name: "Won't Do" } });
    await expect(cloud().getIssue(ref)).resolves.toMatchObject({ status: "WONT_DO", dueDate: "2030-03-01" });
    jira.setStatus(issue.key, "progress");
    issue.fields.assignee = { accountId: "a-1", displayName: "Rui Responder", emailAddress: "responder1@example.com" };
    await expect(cloud().getIssue(ref)).resolves.toMatchObject({ status: "IN_PROGRESS", assignee: { email: "responder1@example.com", name: "Rui Responder" } });
  });

  it("creates an action that is already done and transitions it to Done", async () => {
    const ref = await cloud().createIssue(input({ status: "DONE" }));
    expect(jira.issues.find((x) => x.id === ref.externalId)!.fields).toMatchObject({ status: { name: "Done" }, resolution: { name: "Done" } });
  });

  it("talks to Data Center on REST API v2 with a personal access token and a text description", async () => {
    await expect(dataCenter().testConnection()).resolves.toMatch(/^Connected to Payments \(PAY\)/);
    const i = input();
    const ref = await dataCenter().createIssue(i);
    const issue = jira.issues.find((x) => x.id === ref.externalId)!;
    expect(typeof issue.fields.description).toBe("string");
    expect(issue.fields.description).toContain(`debrief-action:${i.actionId}`);
    await expect(dataCenter().findByMarker(i.actionId)).resolves.toEqual(ref);
    expect(jira.calls("POST", /^\/rest\/api\/2\/issue$/).at(-1)!.headers.authorization).toBe(`Bearer ${jira.apiToken}`);
  });

  it("turns 429 into a rate limit with Retry-After, 503 into a retryable failure", async () => {
    jira.failNext(1, { status: 429, headers: { "retry-after": "12" }, body: { errorMessages: ["Rate limit exceeded."], errors: {} } });
    expect(await rejection(cloud().createIssue(input()))).toMatchObject({ kind: "rate-limited", options: { retryAfterMs: 12_000 } });
    jira.failNext(1, { status: 503, body: { errorMessages: ["Service unavailable"], errors: {} } });
    expect((await rejection(cloud().createIssue(input()))).kind).toBe("unavailable");
  });

  it("answers in the shapes jira.js documents", async () => {
    const client = createCloudClient({ host: jira.url, auth: { type: "basic", email: jira.email, apiToken: jira.apiToken }, onSchemaMismatch: "throw" });
    const created = await client.issues.createIssue({ fields: { project: { key: "PAY" }, issuetype: { name: "Task" }, summary: "Shape check", labels: ["x"] } });
    await client.issues.getIssue({ issueIdOrKey: created.key! });
    await client.issueSearch.searchAndReconsileIssuesUsingJql({ jql: 'project = "PAY" AND labels = "x"', fields: ["summary"] });
    await client.issues.getTransitions({ issueIdOrKey: created.key! });
    await client.projects.getProject({ projectIdOrKey: "PAY" });
    await client.myself.getCurrentUser();
    await client.permissions.getMyPermissions({ projectKey: "PAY", permissions: "CREATE_ISSUES" });
  });

  it("verifies and parses signed webhooks (X-Hub-Signature)", async () => {
    const secret = "jira-webhook-secret";
    const i = input();
    const ref = await cloud().createIssue(i);
    const issue = jira.setStatus(jira.issues.find((x) => x.id === ref.externalId)!.key, "done");
    const body = Buffer.from(JSON.stringify({ webhookEvent: "jira:issue_updated", issue }));
    const headers = new Headers({ "x-atlassian-webhook-identifier": "jd-1", "x-hub-signature": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` });
    const parsed = cloud().parseWebhook(headers, body, secret);
    expect(parsed).toEqual({ deliveryId: "jd-1", changes: [expect.objectContaining({ externalId: ref.externalId, actionId: i.actionId, status: "DONE", dueDate: "2030-03-01" })] });
    expect(() => cloud().parseWebhook(headers, body, "wrong")).toThrow(WebhookRejected);
  });
});
