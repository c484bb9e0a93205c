/**
 * GitHub Issues through Octokit, on github.com or GitHub Enterprise Server (`baseUrl`). Octokit's
 * own retry and throttling plugins are off: retries, backoff and rate limits are the job queue's
 * business, so every failure comes back here once and becomes a ProviderError.
 *
 * An issue's key is `owner/repo#number`; its id is GitHub's global issue id (the same in webhooks).
 * Priority and "in progress" are labels; the due date lives in Debrief's meta block in the body.
 */
import { Octokit, RequestError } from "octokit";
import { dueDateFromMarkdown, markdownBody, replaceMarkdownMeta } from "../format/issue-body";
import { errorForStatus, isRateLimit403, networkError, retryAfterMs } from "../http-errors";
import { verifySignature } from "../hmac";
import { actionIdFromMarker, markerFor, ProviderError, WebhookRejected, type BacklogProvider, type IssueInput, type IssueRef, type IssueSnapshot, type ParsedWebhook } from "../provider";
import type { GithubSettings } from "../settings";
import { GITHUB_IN_PROGRESS_LABEL, GITHUB_PRIORITY_LABEL, githubState, githubStatus } from "../status-map";
import { parseJson, withTimeout } from "./shared";

type Issue = { id: number; number: number; html_url: string; title: string; body?: string | null; state: string; state_reason?: string | null; labels: (string | { name?: string | null })[]; assignee?: { login: string; email?: string | null; name?: string | null } | null; pull_request?: unknown };

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const PRIORITY_LABELS = new Set(Object.values(GITHUB_PRIORITY_LABEL));

export class GithubProvider implements BacklogProvider {
  readonly name = "GITHUB" as const;
  readonly twoWay = true;
  private readonly octokit: Octokit;

  constructor(
    private readonly baseUrl: string,
    private readonly settings: GithubSettings,
    token: string,
  ) {
    this.octokit = new Octokit({
      auth: token,
      baseUrl,
      userAgent: "Debrief",
      log: silent,
      throttle: { enabled: false },
      retry: { enabled: false },
      request: { fetch: withTimeout(fetch) },
    });
  }

  private get repoName() {
    return `${this.settings.owner}/${this.settings.repo}`;
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof RequestError) {
        const headers = e.response?.headers as Record<string, string> | undefined;
        if (!e.response) throw networkError(e, this.baseUrl);
        const detail = (e.response.data as { message?: string } | undefined)?.message ?? e.message;
        if (e.status === 403 && isRateLimit403(headers, detail)) {
          throw new ProviderError("rate-limited", `GitHub is rate limiting Debrief (403: ${detail.slice(0, 120)}).`, { status: 403, retryAfterMs: retryAfterMs(headers) ?? 60_000 });
        }
        throw errorForStatus(e.status, { what, credential: "token", detail }, headers);
      }
      if (e instanceof ProviderError) throw e;
      throw networkError(e, this.baseUrl);
    }
  }

  private ref(issue: Pick<Issue, "id" | "number" | "html_url">): IssueRef {
    return { externalId: String(issue.id), key: `${this.repoName}#${issue.number}`, url: issue.html_url };
  }

  private number(ref: IssueRef): number {
    const n = Number(ref.key.split("#").pop());
    if (!Number.isInteger(n) || n <= 0) throw new ProviderError("invalid", `“${ref.key}” is not a GitHub issue key.`);
    return n;
  }

  async testConnection(): Promise<string> {
    const { owner, repo } = this.settings;
    const { data } = await this.call(`the repository ${this.repoName}`, () => this.octokit.rest.repos.get({ owner, repo }));
    if (data.has_issues === false) throw new ProviderError("invalid", `Issues are turned off for ${this.repoName}: turn them on in the repository's settings.`);
    const permissions = data.permissions;
    if (permissions && !permissions.push && !permissions.triage && !permissions.admin && !permissions.maintain) {
      throw new ProviderError("forbidden", `The token can read ${this.repoName} but cannot create issues there (403). Give it Issues: read and write.`, { status: 403 });
    }
    return `Connected to ${data.full_name}${data.private ? " (private)" : ""}.`;
  }

  async findByMarker(actionId: string, options: { deep?: boolean } = {}): Promise<IssueRef | null> {
    const marker = markerFor(actionId);
    const q = `"${marker}" repo:${this.repoName} is:issue in:body`;
    const { data } = await this.call(`the repository ${this.repoName}`, () => this.octokit.rest.search.issuesAndPullRequests({ q, per_page: 5 }));
    const hit = (data.items as Issue[]).find((i) => !i.pull_request && actionIdFromMarker(i.body) === actionId);
    if (hit || !options.deep) return hit ? this.ref(hit) : null;
    // The search index lags behind by seconds to minutes: also read the newest issues directly.
    const { owner, repo } = this.settings;
    const { data: recent } = await this.call(`the repository ${this.repoName}`, () =>
      this.octokit.rest.issues.listForRepo({ owner, repo, state: "all", sort: "created", direction: "desc", per_page: 100 }),
    );
    const found = (recent as Issue[]).find((i) => !i.pull_request && actionIdFromMarker(i.body) === actionId);
    return found ? this.ref(found) : null;
  }

  private labels(input: IssueInput, existing: Issue["labels"] = []): string[] {
    const keep = existing
      .map((l) => (typeof l === "string" ? l : (l.name ?? "")))
      .filter((n) => n && !PRIORITY_LABELS.has(n) && n.toLowerCase() !== GITHUB_IN_PROGRESS_LABEL);
    const state = githubState(input.status);
    return [...new Set([...keep, "debrief", GITHUB_PRIORITY_LABEL[input.priority], ...(state.inProgress ? [GITHUB_IN_PROGRESS_LABEL] : [])])];
  }

  async createIssue(input: IssueInput): Promise<IssueRef> {
    const { owner, repo } = this.settings;
    const what = `the repository ${this.repoName}`;
    const { data } = await this.call(what, () => this.octokit.rest.issues.create({ owner, repo, title: input.title, body: markdownBody(input), labels: this.labels(input) }));
    const state = githubState(input.status);
    if (state.state === "closed") {
      await this.call(what, () => this.octokit.rest.issues.update({ owner, repo, issue_number: data.number, state: state.state, state_reason: state.state_reason }));
    }
    return this.ref(data);
  }

  async updateIssue(ref: IssueRef, input: IssueInput): Promise<void> {
    const { owner, repo } = this.settings;
    const issue_number = this.number(ref);
    const what = `the issue ${ref.key}`;
    const { data } = await this.call(what, () => this.octokit.rest.issues.get({ owner, repo, issue_number }));
    const state = githubState(input.status);
    const current = githubStatus(data as Issue);
    await this.call(what, () =>
      this.octokit.rest.issues.update({
        owner,
        repo,
        issue_number,
        title: input.title,
        body: replaceMarkdownMeta(data.body, input),
        labels: this.labels(input, data.labels as Issue["labels"]),
        ...(current !== input.status ? { state: state.state, ...(state.state_reason ? { state_reason: state.state_reason } : {}) } : {}),
      }),
    );
  }

  async getIssue(ref: IssueRef): Promise<IssueSnapshot> {
    const { owner, repo } = this.settings;
    const { data } = await this.call(`the issue ${ref.key}`, () => this.octokit.rest.issues.get({ owner, repo, issue_number: this.number(ref) }));
    const issue = data as Issue;
    return {
      ref: this.ref(issue),
      title: issue.title,
      status: githubStatus(issue),
      assignee: issue.assignee ? { login: issue.assignee.login, email: issue.assignee.email ?? null, name: issue.assignee.name ?? null } : null,
      dueDate: dueDateFromMarkdown(issue.body),
    };
  }

  /** `issues` events, signed with X-Hub-Signature-256; `ping` and other events are accepted and ignored. */
  parseWebhook(headers: Headers, rawBody: Buffer, secret: string): ParsedWebhook {
    if (!verifySignature(secret, rawBody, headers.get("x-hub-signature-256"))) throw new WebhookRejected(401, "The X-Hub-Signature-256 signature does not match.");
    const payload = parseJson(rawBody) as { issue?: Issue; repository?: { full_name?: string } };
    const deliveryId = headers.get("x-github-delivery");
    if (headers.get("x-github-event") !== "issues" || !payload.issue) return { deliveryId, changes: [] };
    const issue = payload.issue;
    return {
      deliveryId,
      changes: [
        {
          externalId: String(issue.id),
          actionId: actionIdFromMarker(issue.body),
          status: githubStatus(issue),
          assignee: issue.assignee ? { login: issue.assignee.login, email: issue.assignee.email ?? null, name: issue.assignee.name ?? null } : null,
        },
      ],
    };
  }
}
