/**
 * Jira Cloud or Data Center (see jira-api.ts for the two dialects). Each issue Debrief creates
 * carries two labels, `debrief` and `debrief-action-<id>`: the second makes the search before
 * creating an exact JQL match instead of a fuzzy text search. Priority and due date are Jira's own
 * fields; a site whose create screen lacks them still gets the issue, without them.
 */
import { isApiError, isRateLimitError } from "jira.js";
import { adfBody, plainBody } from "../format/issue-body";
import { errorForStatus, networkError } from "../http-errors";
import { verifySignature } from "../hmac";
import { actionIdFromMarker, ProviderError, WebhookRejected, type BacklogProvider, type IssueInput, type IssueRef, type IssueSnapshot, type ParsedWebhook } from "../provider";
import type { JiraSettings } from "../settings";
import { JIRA_PRIORITY, jiraStatus, jiraTransitionFor } from "../status-map";
import { jiraApi, type JiraApi, type JiraIssue, type JiraIssueFields } from "./jira-api";
import { parseJson, raceTimeout } from "./shared";

const SNAPSHOT_FIELDS = ["summary", "status", "resolution", "assignee", "duedate", "labels"];
const label = (actionId: string) => `debrief-action-${actionId}`;

export class JiraProvider implements BacklogProvider {
  readonly name = "JIRA" as const;
  readonly twoWay = true;
  private readonly api: JiraApi;
  private readonly credential: string;

  constructor(
    private readonly site: string,
    private readonly settings: JiraSettings,
    apiToken: string,
  ) {
    const cloud = settings.deployment !== "datacenter";
    this.credential = cloud ? "e-mail and API token" : "personal access token";
    this.api = jiraApi(site, cloud ? { type: "basic", email: settings.email ?? "", apiToken } : { type: "bearer", token: apiToken }, cloud);
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await raceTimeout("Jira", run());
    } catch (e) {
      if (e instanceof ProviderError) throw e;
      if (isRateLimitError(e)) throw new ProviderError("rate-limited", "Jira is rate limiting Debrief (429).", { status: 429, retryAfterMs: e.retryAfterMs ?? 30_000 });
      if (isApiError(e)) throw errorForStatus(e.status, { what, credential: this.credential, detail: jiraMessages(e.body) });
      throw networkError(e, this.site);
    }
  }

  private get project() {
    return `the project ${this.settings.projectKey}`;
  }

  private ref(issue: { id: string; key: string }): IssueRef {
    return { externalId: issue.id, key: issue.key, url: `${this.site}/browse/${issue.key}` };
  }

  async testConnection(): Promise<string> {
    const me = await this.call("the site", () => this.api.myself());
    const project = await this.call(this.project, () => this.api.project(this.settings.projectKey));
    if (!(await this.call(this.project, () => this.api.canCreateIssues(this.settings.projectKey)))) {
      throw new ProviderError("forbidden", `The ${this.credential} can see ${this.project} but cannot create issues there (403).`, { status: 403 });
    }
    const types = (project.issueTypes ?? []).map((t) => t.name).filter(Boolean) as string[];
    if (types.length && !types.some((t) => t.toLowerCase() === this.settings.issueType.toLowerCase())) {
      throw new ProviderError("invalid", `The project ${this.settings.projectKey} has no issue type “${this.settings.issueType}” (it has ${types.join(", ")}).`);
    }
    return `Connected to ${project.name ?? this.settings.projectKey} (${this.settings.projectKey}) as ${me.displayName ?? me.emailAddress ?? "the configured account"}.`;
  }

  async findByMarker(actionId: string): Promise<IssueRef | null> {
    const jql = `project = "${this.settings.projectKey}" AND labels = "${label(actionId)}"`;
    const found = await this.call(this.project, () => this.api.search(jql, ["summary", "labels"]));
    const hit = found.find((i) => i.fields?.labels?.includes(label(actionId)) ?? true);
    return hit ? this.ref(hit) : null;
  }

  private fields(input: IssueInput, creating: boolean): Record<string, unknown> {
    return {
      summary: input.title.slice(0, 255),
      priority: { name: JIRA_PRIORITY[input.priority] },
      duedate: input.dueDate,
      ...(creating
        ? {
            project: { key: this.settings.projectKey },
            issuetype: { name: this.settings.issueType },
            description: this.api.cloud ? adfBody(input) : plainBody(input),
            labels: ["debrief", label(input.actionId)],
          }
        : {}),
    };
  }

  /** Runs a create/edit, and once more without priority and/or due date when the screen does not have them. */
  private async withOptionalFields<T>(what: string, fields: Record<string, unknown>, run: (f: Record<string, unknown>) => Promise<T>): Promise<T> {
    try {
      return await this.call(what, () => run(fields));
    } catch (e) {
      const refused = ["priority", "duedate"].filter((f) => e instanceof ProviderError && e.kind === "invalid" && new RegExp(`\\b${f}\\b`, "i").test(e.message));
      if (!refused.length) throw e;
      return this.call(what, () => run(Object.fromEntries(Object.entries(fields).filter(([k]) => !refused.includes(k)))));
    }
  }

  async createIssue(input: IssueInput): Promise<IssueRef> {
    const created = await this.withOptionalFields(this.project, this.fields(input, true), (f) => this.api.create(f));
    if (input.status !== "OPEN") await this.moveTo(created.key, input);
    return this.ref(created);
  }

  private async moveTo(key: string, input: IssueInput): Promise<void> {
    const transition = jiraTransitionFor(input.status, await this.call(`the issue ${key}`, () => this.api.transitions(key)));
    if (transition?.id) await this.call(`the issue ${key}`, () => this.api.transition(key, transition.id!));
  }

  async updateIssue(ref: IssueRef, input: IssueInput): Promise<void> {
    await this.withOptionalFields(`the issue ${ref.key}`, this.fields(input, false), (f) => this.api.edit(ref.key, f));
    const current = await this.call(`the issue ${ref.key}`, () => this.api.get(ref.key, ["status", "resolution"]));
    if (jiraStatus(current.fields ?? {}) !== input.status) await this.moveTo(ref.key, input);
  }

  async getIssue(ref: IssueRef): Promise<IssueSnapshot> {
    const issue = await this.call(`the issue ${ref.key}`, () => this.api.get(ref.key, SNAPSHOT_FIELDS));
    return snapshot(this.ref(issue), issue.fields ?? {});
  }

  /** Admin webhooks with a secret: HMAC-SHA256 of the body in X-Hub-Signature; the delivery id in X-Atlassian-Webhook-Identifier. */
  parseWebhook(headers: Headers, rawBody: Buffer, secret: string): ParsedWebhook {
    if (!verifySignature(secret, rawBody, headers.get("x-hub-signature"))) throw new WebhookRejected(401, "The X-Hub-Signature signature does not match.");
    const payload = parseJson(rawBody) as { webhookEvent?: string; issue?: JiraIssue };
    const deliveryId = headers.get("x-atlassian-webhook-identifier");
    const issue = payload.issue;
    if (!issue?.id || !/^jira:issue_(updated|created)$/.test(payload.webhookEvent ?? "")) return { deliveryId, changes: [] };
    const now = snapshot(this.ref({ id: String(issue.id), key: String(issue.key) }), issue.fields ?? {});
    const marker = issue.fields?.labels?.find((l) => l.startsWith("debrief-action-"));
    return {
      deliveryId,
      changes: [{ externalId: String(issue.id), actionId: actionIdFromMarker(marker?.replace("debrief-action-", "debrief-action:")), status: now.status, assignee: now.assignee, dueDate: now.dueDate }],
    };
  }
}

function snapshot(ref: IssueRef, fields: JiraIssueFields): IssueSnapshot {
  const a = fields.assignee;
  return {
    ref,
    title: fields.summary ?? "",
    status: jiraStatus(fields),
    assignee: a ? { email: a.emailAddress ?? null, name: a.displayName ?? null, login: a.name ?? a.accountId ?? null } : null,
    dueDate: fields.duedate ?? null,
  };
}

/** Jira's error body: `{ errorMessages: [...], errors: { field: message } }`. */
function jiraMessages(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return typeof body === "string" ? body : undefined;
  const b = body as { errorMessages?: string[]; errors?: Record<string, string> };
  const parts = [...(b.errorMessages ?? []), ...Object.entries(b.errors ?? {}).map(([k, v]) => `${k}: ${v}`)];
  return parts.length ? parts.join("; ") : undefined;
}
