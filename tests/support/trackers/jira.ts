/**
 * A fake Jira (Cloud REST API v3 and Data Center v2, the subset Debrief uses), with Atlassian's
 * documented shapes: basic auth (e-mail:API token) or a bearer personal access token, `myself`,
 * projects with issue types, `mypermissions`, issue create / get / edit, JQL search (v3
 * /search/jql with nextPageToken, v2 /search with startAt), transitions through a To Do → In
 * Progress → Done / Won't Do workflow, error bodies `{ errorMessages, errors }`, and 429 with
 * Retry-After. v3 refuses a description that is not ADF; v2 refuses one that is not text.
 */
import { createHmac, randomUUID } from "node:crypto";
import { FakeServer, routes, type FakeServerOptions, type RecordedRequest, type Reply } from "./fake-server";

type Status = { id: string; name: string; statusCategory: { id: number; key: "new" | "indeterminate" | "done"; name: string } };
const STATUS: Record<string, Status> = {
  todo: { id: "10000", name: "To Do", statusCategory: { id: 2, key: "new", name: "To Do" } },
  progress: { id: "10001", name: "In Progress", statusCategory: { id: 4, key: "indeterminate", name: "In Progress" } },
  done: { id: "10002", name: "Done", statusCategory: { id: 3, key: "done", name: "Done" } },
};
const TRANSITIONS = [
  { id: "11", name: "To Do", to: STATUS.todo!, resolution: null },
  { id: "21", name: "In Progress", to: STATUS.progress!, resolution: null },
  { id: "31", name: "Done", to: STATUS.done!, resolution: { name: "Done" } },
  { id: "41", name: "Won't Do", to: STATUS.done!, resolution: { name: "Won't Do" } },
];

export type JiraFakeIssue = { id: string; key: string; fields: Record<string, unknown> & { labels: string[]; status: Status; resolution: { name: string } | null } };
export type FakeJiraOptions = FakeServerOptions & { email?: string; apiToken?: string; projectKey?: string; canCreate?: boolean; priorityOnScreen?: boolean };

const error = (status: number, errorMessages: string[], errors: Record<string, string> = {}): Reply => ({ status, body: { errorMessages, errors } });

export class FakeJira extends FakeServer {
  readonly issues: JiraFakeIssue[] = [];
  readonly email: string;
  readonly apiToken: string;
  readonly projectKey: string;
  canCreate: boolean;
  priorityOnScreen: boolean;

  constructor(options: FakeJiraOptions = {}) {
    super((req, json) => this.authorised(req) ?? this.api(req, json), options, (s) => ({
      status: 429,
      headers: { "retry-after": String(s), "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0", "x-ratelimit-reset": new Date(Date.now() + s * 1000).toISOString() },
      body: { errorMessages: ["Rate limit exceeded."], errors: {} },
    }));
    this.email = options.email ?? "pm@acme.example";
    this.apiToken = options.apiToken ?? "ATATT3xFakeJiraToken000";
    this.projectKey = options.projectKey ?? "PAY";
    this.canCreate = options.canCreate ?? true;
    this.priorityOnScreen = options.priorityOnScreen ?? true;
  }

  private authorised(req: RecordedRequest): Reply | null {
    const auth = req.headers.authorization ?? "";
    const basic = `Basic ${Buffer.from(`${this.email}:${this.apiToken}`).toString("base64")}`;
    if (auth === basic || auth === `Bearer ${this.apiToken}`) return null;
    return { status: 401, body: "Client must be authenticated to access this resource.", headers: { "content-type": "text/plain" } };
  }

  private view(issue: JiraFakeIssue, fields?: string | null) {
    const wanted = fields ? new Set(fields.split(",").flatMap((f) => f.split(" "))) : null;
    const shown = wanted && !wanted.has("*all") ? Object.fromEntries(Object.entries(issue.fields).filter(([k]) => wanted.has(k))) : issue.fields;
    return { expand: "", id: issue.id, key: issue.key, self: `${this.url}/rest/api/3/issue/${issue.id}`, fields: shown };
  }

  private find(key: string) {
    return this.issues.find((i) => i.key === key || i.id === key);
  }

  private search(jql: string): JiraFakeIssue[] {
    const project = /project\s*=\s*"?([A-Z0-9_]+)"?/i.exec(jql)?.[1];
    const label = /labels\s*=\s*"([^"]+)"/i.exec(jql)?.[1];
    return this.issues.filter((i) => (!project || i.key.startsWith(`${project}-`)) && (!label || i.fields.labels.includes(label)));
  }

  private api = routes([
    ["GET", /^\/rest\/api\/[23]\/myself$/, () => ({ status: 200, body: { accountId: "5b10ac8d82e05b22cc7d4ef5", emailAddress: this.email, displayName: "Priya PM", active: true, timeZone: "Europe/Berlin" } })],
    ["GET", /^\/rest\/api\/[23]\/project\/([^/]+)$/, ([, key]) =>
      key === this.projectKey
        ? { status: 200, body: { id: "10000", key: this.projectKey, name: "Payments", issueTypes: [{ id: "10001", name: "Task", subtask: false }, { id: "10002", name: "Bug", subtask: false }] } }
        : error(404, [`No project could be found with key '${key}'.`])],
    ["GET", /^\/rest\/api\/[23]\/mypermissions$/, (_m, req) =>
      req.query.get("projectKey") !== this.projectKey
        ? error(404, [`No project could be found with key '${req.query.get("projectKey")}'.`])
        : { status: 200, body: { permissions: { CREATE_ISSUES: { id: "11", key: "CREATE_ISSUES", name: "Create Issues", type: "PROJECT", description: "Ability to create issues.", havePermission: this.canCreate } } } }],
    ["GET", /^\/rest\/api\/3\/search\/jql$/, (_m, req) => {
      const found = this.search(req.query.get("jql") ?? "");
      const fields = req.query.getAll("fields").join(",");
      return { status: 200, body: { issues: found.slice(0, Number(req.query.get("maxResults") ?? 50)).map((i) => this.view(i, fields || "summary")), isLast: true } };
    }],
    ["GET", /^\/rest\/api\/2\/search$/, (_m, req) => {
      const found = this.search(req.query.get("jql") ?? "");
      return { status: 200, body: { startAt: 0, maxResults: 50, total: found.length, issues: found.map((i) => this.view(i, req.query.get("fields"))) } };
    }],
    ["POST", /^\/rest\/api\/([23])\/issue$/, ([, version], _req, json) => this.create(version!, (json() as { fields?: Record<string, unknown> })?.fields ?? {})],
    ["GET", /^\/rest\/api\/[23]\/issue\/([^/]+)$/, ([, key], req) => {
      const issue = this.find(key!);
      return issue ? { status: 200, body: this.view(issue, req.query.getAll("fields").join(",") || null) } : error(404, ["Issue does not exist or you do not have permission to see it."]);
    }],
    ["PUT", /^\/rest\/api\/[23]\/issue\/([^/]+)$/, ([, key], _req, json) => {
      const issue = this.find(key!);
      if (!issue) return error(404, ["Issue does not exist or you do not have permission to see it."]);
      const fields = (json() as { fields?: Record<string, unknown> })?.fields ?? {};
      if ("priority" in fields && !this.priorityOnScreen) return error(400, [], { priority: "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown." });
      Object.assign(issue.fields, fields, { updated: new Date().toISOString() });
      return { status: 204 };
    }],
    ["GET", /^\/rest\/api\/[23]\/issue\/([^/]+)\/transitions$/, ([, key]) =>
      this.find(key!) ? { status: 200, body: { expand: "transitions", transitions: TRANSITIONS.map(({ resolution: _r, ...t }) => ({ ...t, hasScreen: false, isGlobal: true })) } } : error(404, ["Issue does not exist or you do not have permission to see it."])],
    ["POST", /^\/rest\/api\/[23]\/issue\/([^/]+)\/transitions$/, ([, key], _req, json) => {
      const issue = this.find(key!);
      const transition = TRANSITIONS.find((t) => t.id === (json() as { transition?: { id?: string } })?.transition?.id);
      if (!issue) return error(404, ["Issue does not exist or you do not have permission to see it."]);
      if (!transition) return error(400, ["Transition id is not valid for this issue."]);
      issue.fields.status = transition.to;
      issue.fields.resolution = transition.resolution;
      return { status: 204 };
    }],
  ]);

  private create(version: string, fields: Record<string, unknown>): Reply {
    if (!this.canCreate) return error(403, ["You do not have permission to create issues in this project."]);
    const project = (fields.project as { key?: string } | undefined)?.key;
    if (project !== this.projectKey) return error(400, [], { project: "valid project is required" });
    if (!["Task", "Bug"].includes(String((fields.issuetype as { name?: string } | undefined)?.name))) return error(400, [], { issuetype: "Specify a valid issue type" });
    if (!fields.summary) return error(400, [], { summary: "You must specify a summary of the issue." });
    const description = fields.description;
    if (description !== undefined && version === "3" && (typeof description !== "object" || (description as { type?: string }).type !== "doc")) return error(400, [], { description: "Operation value must be an Atlassian Document (see the Atlassian Document Format)" });
    if (description !== undefined && version === "2" && typeof description !== "string") return error(400, [], { description: "Operation value must be a string" });
    if (fields.priority && !this.priorityOnScreen) return error(400, [], { priority: "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown." });
    return { status: 201, body: this.addIssue(fields) };
  }

  /** Adds an issue as if someone created it (also used by the create route); answers like POST /issue. */
  addIssue(fields: Record<string, unknown>): { id: string; key: string; self: string } {
    const n = this.issues.length + 1;
    const issue: JiraFakeIssue = {
      id: String(10_000 + n),
      key: `${this.projectKey}-${n}`,
      fields: { summary: "", assignee: null, duedate: null, labels: [], ...fields, status: STATUS.todo!, resolution: null, created: new Date().toISOString() } as JiraFakeIssue["fields"],
    };
    this.issues.push(issue);
    return { id: issue.id, key: issue.key, self: `${this.url}/rest/api/3/issue/${issue.id}` };
  }

  /** Moves an issue as someone in Jira would. */
  setStatus(key: string, status: "todo" | "progress" | "done" | "wontdo"): JiraFakeIssue {
    const issue = this.find(key)!;
    const t = TRANSITIONS.find((x) => x.id === { todo: "11", progress: "21", done: "31", wontdo: "41" }[status])!;
    issue.fields.status = t.to;
    issue.fields.resolution = t.resolution;
    return issue;
  }

  /** Sends a `jira:issue_updated` webhook, signed as Jira signs admin webhooks with a secret. */
  async sendWebhook(url: string, secret: string, issue: JiraFakeIssue, options: { deliveryId?: string; signature?: string } = {}): Promise<Response> {
    const body = JSON.stringify({ timestamp: Date.now(), webhookEvent: "jira:issue_updated", issue_event_type_name: "issue_generic", user: { displayName: "Priya PM" }, issue: this.view(issue), changelog: { id: "10100", items: [] } });
    return fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "x-atlassian-webhook-identifier": options.deliveryId ?? randomUUID(),
        "x-hub-signature": options.signature ?? `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
      },
      body,
    });
  }
}

export async function startFakeJira(options: FakeJiraOptions = {}): Promise<FakeJira> {
  return new FakeJira(options).start();
}
