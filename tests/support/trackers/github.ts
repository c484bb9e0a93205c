/**
 * A fake GitHub REST API (the subset Debrief uses), answering as docs.github.com documents it:
 * token auth (401 "Bad credentials"), GET /repos/{owner}/{repo} with `permissions`, issue create /
 * get / update / list (Link-header pagination), the issue search (`q` with a quoted phrase and
 * `repo:`), the `x-ratelimit-*` headers on every answer and 403/429 with `retry-after` when limited.
 * `searchLagMs` mimics the search index trailing behind newly created issues. It also sends
 * `issues` webhooks signed with X-Hub-Signature-256, as GitHub does.
 */
import { createHmac, randomUUID } from "node:crypto";
import { FakeServer, routes, type FakeServerOptions, type RecordedRequest, type Reply } from "./fake-server";

export type GithubIssue = {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  state_reason: "completed" | "not_planned" | "reopened" | null;
  labels: { id: number; name: string; color: string }[];
  assignee: { login: string; id: number; email?: string | null } | null;
  html_url: string;
  url: string;
  created_at: string;
  updated_at: string;
  user: { login: string; id: number };
  createdAtMs: number;
};

export type FakeGithubOptions = FakeServerOptions & { token?: string; owner?: string; repo?: string; canPush?: boolean; searchLagMs?: number };

export class FakeGithub extends FakeServer {
  readonly issues: GithubIssue[] = [];
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
  canPush: boolean;
  searchLagMs: number;

  constructor(options: FakeGithubOptions = {}) {
    super((req, json) => this.authorised(req) ?? this.api(req, json), options, (s) => ({
      status: 429,
      headers: { "retry-after": String(s), ...this.rateHeaders(0) },
      body: { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api" },
    }));
    this.token = options.token ?? "ghp_fake_token_1234567890";
    this.owner = options.owner ?? "acme";
    this.repo = options.repo ?? "payments";
    this.canPush = options.canPush ?? true;
    this.searchLagMs = options.searchLagMs ?? 0;
  }

  private rateHeaders(remaining = 4999): Record<string, string> {
    return { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": String(remaining), "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600), "x-ratelimit-resource": "core" };
  }

  private authorised(req: RecordedRequest): Reply | null {
    const auth = req.headers.authorization ?? "";
    if (auth === `token ${this.token}` || auth === `Bearer ${this.token}`) return null;
    return { status: 401, body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" } };
  }

  private ok(body: unknown, status = 200, headers: Record<string, string> = {}): Reply {
    return { status, body, headers: { ...this.rateHeaders(), ...headers } };
  }

  private notFound(): Reply {
    return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" } };
  }

  private isRepo(owner: string, repo: string) {
    return owner.toLowerCase() === this.owner.toLowerCase() && repo.toLowerCase() === this.repo.toLowerCase();
  }

  private view(issue: GithubIssue) {
    const { createdAtMs: _c, ...rest } = issue;
    return rest;
  }

  private api = routes([
    ["GET", /^\/repos\/([^/]+)\/([^/]+)$/, ([, o, r]) =>
      this.isRepo(o!, r!)
        ? this.ok({ id: 1296269, full_name: `${this.owner}/${this.repo}`, name: this.repo, private: true, has_issues: true, permissions: { admin: false, maintain: false, push: this.canPush, triage: this.canPush, pull: true } })
        : this.notFound()],
    ["GET", /^\/search\/issues$/, (_m, req) => {
      const q = req.query.get("q") ?? "";
      const phrase = /"([^"]+)"/.exec(q)?.[1] ?? "";
      const repo = /repo:(\S+)/.exec(q)?.[1];
      if (repo && repo.toLowerCase() !== `${this.owner}/${this.repo}`.toLowerCase()) return { status: 422, body: { message: "Validation Failed", errors: [{ message: "The listed users and repositories cannot be searched." }] } };
      const indexed = this.issues.filter((i) => Date.now() - i.createdAtMs >= this.searchLagMs && (i.body ?? "").includes(phrase));
      return this.ok({ total_count: indexed.length, incomplete_results: false, items: indexed.slice(0, Number(req.query.get("per_page") ?? 30)).map((i) => this.view(i)) });
    }],
    ["GET", /^\/repos\/([^/]+)\/([^/]+)\/issues$/, ([, o, r], req) => {
      if (!this.isRepo(o!, r!)) return this.notFound();
      const perPage = Math.min(100, Number(req.query.get("per_page") ?? 30));
      const page = Number(req.query.get("page") ?? 1);
      const state = req.query.get("state") ?? "open";
      const all = this.issues.filter((i) => state === "all" || i.state === state).sort((a, b) => (req.query.get("direction") === "asc" ? a.number - b.number : b.number - a.number));
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = page < last ? { link: `<${this.url}/repos/${o}/${r}/issues?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.url}/repos/${o}/${r}/issues?per_page=${perPage}&page=${last}>; rel="last"` } : undefined;
      return this.ok(all.slice((page - 1) * perPage, page * perPage).map((i) => this.view(i)), 200, link);
    }],
    ["POST", /^\/repos\/([^/]+)\/([^/]+)\/issues$/, ([, o, r], _req, json) => {
      if (!this.isRepo(o!, r!)) return this.notFound();
      if (!this.canPush) return { status: 403, body: { message: "Resource not accessible by personal access token", documentation_url: "https://docs.github.com/rest/issues/issues#create-an-issue", status: "403" } };
      const input = json() as { title?: string; body?: string; labels?: string[] };
      if (!input?.title) return { status: 422, body: { message: "Validation Failed", errors: [{ resource: "Issue", code: "missing_field", field: "title" }], documentation_url: "https://docs.github.com/rest/issues/issues#create-an-issue" } };
      return this.ok(this.view(this.addIssue({ title: input.title, body: input.body ?? null, labels: input.labels ?? [] })), 201);
    }],
    ["GET", /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/, ([, o, r, n]) => {
      const issue = this.isRepo(o!, r!) ? this.issues.find((i) => i.number === Number(n)) : undefined;
      return issue ? this.ok(this.view(issue)) : this.notFound();
    }],
    ["PATCH", /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/, ([, o, r, n], _req, json) => {
      const issue = this.isRepo(o!, r!) ? this.issues.find((i) => i.number === Number(n)) : undefined;
      if (!issue) return this.notFound();
      if (!this.canPush) return { status: 403, body: { message: "Resource not accessible by personal access token" } };
      const input = json() as { title?: string; body?: string; labels?: string[]; state?: "open" | "closed"; state_reason?: GithubIssue["state_reason"] };
      if (input.title !== undefined) issue.title = input.title;
      if (input.body !== undefined) issue.body = input.body;
      if (input.labels) issue.labels = input.labels.map((name, i) => ({ id: 1000 + i, name, color: "ededed" }));
      if (input.state) {
        issue.state = input.state;
        issue.state_reason = input.state === "closed" ? (input.state_reason ?? "completed") : input.state_reason === "reopened" ? "reopened" : null;
      }
      issue.updated_at = new Date().toISOString();
      return this.ok(this.view(issue));
    }],
  ]);

  /** Adds an issue as if someone created it (also used by the create route). */
  addIssue(input: { title: string; body: string | null; labels?: string[] }): GithubIssue {
    const number = this.issues.length + 1;
    const now = new Date();
    const issue: GithubIssue = {
      id: 1_000_000 + number,
      node_id: `I_kwDO${number}`,
      number,
      title: input.title,
      body: input.body,
      state: "open",
      state_reason: null,
      labels: (input.labels ?? []).map((name, i) => ({ id: 1000 + i, name, color: "ededed" })),
      assignee: null,
      html_url: `https://github.example/${this.owner}/${this.repo}/issues/${number}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${number}`,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user: { login: "debrief-bot", id: 1 },
      createdAtMs: now.getTime(),
    };
    this.issues.push(issue);
    return issue;
  }

  /** Sends an `issues` webhook for `issue` to `url`, signed with `secret`, as GitHub does. */
  async sendWebhook(url: string, secret: string, action: string, issue: GithubIssue, options: { deliveryId?: string; signature?: string } = {}): Promise<Response> {
    const body = JSON.stringify({ action, issue: this.view(issue), repository: { full_name: `${this.owner}/${this.repo}` }, sender: { login: "octocat" } });
    return fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/fake",
        "x-github-event": "issues",
        "x-github-delivery": options.deliveryId ?? randomUUID(),
        "x-hub-signature-256": options.signature ?? `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
      },
      body,
    });
  }
}

export async function startFakeGithub(options: FakeGithubOptions = {}): Promise<FakeGithub> {
  return new FakeGithub(options).start();
}
