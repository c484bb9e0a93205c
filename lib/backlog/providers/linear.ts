/**
 * Linear through @linear/sdk's client (`apiUrl` configurable for proxies). The SDK's model
 * objects fetch relations lazily, one request each; Debrief sends its own small GraphQL documents
 * through the SDK's transport instead, so a push costs two requests (look up the marker, create)
 * and Linear's rate-limit budget goes further. Errors arrive as the SDK's LinearError types.
 */
import { LinearClient, LinearError, LinearErrorType, parseLinearError, RatelimitedLinearError } from "@linear/sdk";
import { LinearWebhookClient } from "@linear/sdk/webhooks";
import { markdownBody } from "../format/issue-body";
import { errorForStatus, networkError } from "../http-errors";
import { actionIdFromMarker, markerFor, ProviderError, WebhookRejected, type BacklogProvider, type IssueInput, type IssueRef, type IssueSnapshot, type ParsedWebhook } from "../provider";
import type { LinearSettings } from "../settings";
import { LINEAR_PRIORITY, linearStateTypes, linearStatus } from "../status-map";
import { FIND_BY_MARKER, ISSUE, ISSUE_CREATE, ISSUE_UPDATE, TEAM, TEAM_BY_KEY, TEAM_STATES, VIEWER, type LinearIssue } from "./linear-documents";
import { parseJson, raceTimeout } from "./shared";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const teamIds = new Map<string, string>();

export class LinearProvider implements BacklogProvider {
  readonly name = "LINEAR" as const;
  readonly twoWay = true;
  private readonly linear: LinearClient;

  constructor(
    private readonly apiUrl: string,
    private readonly settings: LinearSettings,
    apiKey: string,
  ) {
    this.linear = new LinearClient({ apiKey, apiUrl });
  }

  private async request<T>(what: string, document: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await raceTimeout("Linear", this.linear.client.request<T, Record<string, unknown>>(document, variables));
    } catch (e) {
      throw this.error(e, what);
    }
  }

  private error(e: unknown, what: string): ProviderError {
    if (e instanceof ProviderError) return e;
    // The transport throws a GraphQLClientError (with the response) or fetch's TypeError (no answer).
    const err = e instanceof LinearError ? e : e && typeof e === "object" && "response" in e ? parseLinearError(e as Parameters<typeof parseLinearError>[0]) : undefined;
    const codes = (err?.raw?.response?.errors ?? []).map((x) => (x.extensions as { code?: string } | undefined)?.code);
    if (err instanceof RatelimitedLinearError || err?.type === LinearErrorType.Ratelimited || codes.includes("RATELIMITED")) {
      const r = err as RatelimitedLinearError;
      const resetAt = r.requestsResetAt && r.requestsResetAt < 1e12 ? r.requestsResetAt * 1000 : r.requestsResetAt;
      const resetIn = resetAt ? resetAt - Date.now() : undefined;
      const wait = r.retryAfter !== undefined ? r.retryAfter * 1000 : resetIn;
      return new ProviderError("rate-limited", "Linear is rate limiting Debrief.", { status: err?.status ?? 429, retryAfterMs: Math.max(0, wait ?? 60_000) });
    }
    if (!err || (err.type === LinearErrorType.NetworkError && !err.status)) return networkError(e, this.apiUrl);
    const message = err.errors?.[0]?.message ?? err.message;
    if (err.type === LinearErrorType.AuthenticationError || err.status === 401) return errorForStatus(401, { what, credential: "API key" });
    if (err.type === LinearErrorType.Forbidden || err.status === 403) return errorForStatus(403, { what, credential: "API key", detail: message });
    if (/not found|entity not found/i.test(message) || err.status === 404) return errorForStatus(404, { what, credential: "API key" });
    if (err.status && err.status >= 500) return errorForStatus(err.status, { what, credential: "API key" });
    if (err.type === LinearErrorType.InternalError || err.type === LinearErrorType.LockTimeout) return errorForStatus(503, { what, credential: "API key" });
    return errorForStatus(err.status && err.status >= 400 ? err.status : 400, { what, credential: "API key", detail: message });
  }

  private async teamId(): Promise<string> {
    const configured = this.settings.teamId;
    if (UUID.test(configured)) return configured;
    const cacheKey = `${this.apiUrl} ${configured}`;
    const cached = teamIds.get(cacheKey);
    if (cached) return cached;
    const { teams } = await this.request<{ teams: { nodes: { id: string }[] } }>(`the team ${configured}`, TEAM_BY_KEY, { key: configured.toUpperCase() });
    const id = teams.nodes[0]?.id;
    if (!id) throw new ProviderError("not-found", `The Linear team ${configured} was not found (404). Check the team key, and that the API key can see it.`, { status: 404 });
    teamIds.set(cacheKey, id);
    return id;
  }

  private ref(issue: Pick<LinearIssue, "id" | "identifier" | "url">): IssueRef {
    return { externalId: issue.id, key: issue.identifier, url: issue.url };
  }

  async testConnection(): Promise<string> {
    const { viewer } = await this.request<{ viewer: { name?: string; email?: string } }>("Linear", VIEWER, {});
    const id = await this.teamId();
    const { team } = await this.request<{ team: { name: string; key: string } | null }>(`the team ${this.settings.teamId}`, TEAM, { id });
    if (!team) throw new ProviderError("not-found", `The Linear team ${this.settings.teamId} was not found (404).`, { status: 404 });
    return `Connected to ${team.name} (${team.key}) as ${viewer.name ?? viewer.email ?? "the API key's user"}.`;
  }

  async findByMarker(actionId: string): Promise<IssueRef | null> {
    const { issues } = await this.request<{ issues: { nodes: LinearIssue[] } }>("Linear", FIND_BY_MARKER, { marker: markerFor(actionId), teamId: await this.teamId() });
    const hit = issues.nodes.find((i) => actionIdFromMarker(i.description) === actionId);
    return hit ? this.ref(hit) : null;
  }

  private async stateId(status: IssueInput["status"]): Promise<string | undefined> {
    const id = await this.teamId();
    const { team } = await this.request<{ team: { states: { nodes: { id: string; type: string; position: number }[] } } | null }>(`the team ${this.settings.teamId}`, TEAM_STATES, { id });
    const states = [...(team?.states.nodes ?? [])].sort((a, b) => a.position - b.position);
    for (const type of linearStateTypes(status)) {
      const match = states.find((s) => s.type === type);
      if (match) return match.id;
    }
    return undefined;
  }

  async createIssue(input: IssueInput): Promise<IssueRef> {
    const stateId = input.status === "OPEN" ? undefined : await this.stateId(input.status);
    const result = await this.request<{ issueCreate: { success: boolean; issue: LinearIssue | null } }>(`the team ${this.settings.teamId}`, ISSUE_CREATE, {
      input: {
        teamId: await this.teamId(),
        title: input.title,
        description: markdownBody(input),
        priority: LINEAR_PRIORITY[input.priority],
        dueDate: input.dueDate,
        ...(stateId ? { stateId } : {}),
      },
    });
    if (!result.issueCreate.success || !result.issueCreate.issue) throw new ProviderError("invalid", "Linear did not create the issue.");
    return this.ref(result.issueCreate.issue);
  }

  async updateIssue(ref: IssueRef, input: IssueInput): Promise<void> {
    const current = await this.getIssue(ref);
    const stateId = current.status === input.status ? undefined : await this.stateId(input.status);
    await this.request(`the issue ${ref.key}`, ISSUE_UPDATE, {
      id: ref.externalId,
      input: { title: input.title, priority: LINEAR_PRIORITY[input.priority], dueDate: input.dueDate, ...(stateId ? { stateId } : {}) },
    });
  }

  async getIssue(ref: IssueRef): Promise<IssueSnapshot> {
    const { issue } = await this.request<{ issue: LinearIssue | null }>(`the issue ${ref.key}`, ISSUE, { id: ref.externalId });
    if (!issue) throw new ProviderError("not-found", `The issue ${ref.key} was not found (404).`, { status: 404 });
    return {
      ref: this.ref(issue),
      title: issue.title ?? "",
      status: linearStatus(issue.state?.type),
      assignee: issue.assignee ? { email: issue.assignee.email ?? null, name: issue.assignee.displayName ?? issue.assignee.name ?? null } : null,
      dueDate: issue.dueDate ?? null,
    };
  }

  /** `Linear-Signature`: HMAC-SHA256 (hex) of the raw body; `webhookTimestamp` within a minute (checked by the SDK). */
  parseWebhook(headers: Headers, rawBody: Buffer, secret: string): ParsedWebhook {
    const signature = headers.get("linear-signature");
    try {
      if (!signature) throw new Error("missing");
      new LinearWebhookClient(secret).verify(rawBody, signature);
    } catch {
      throw new WebhookRejected(401, "The Linear-Signature signature does not match, or the webhook is too old.");
    }
    const payload = parseJson(rawBody) as { type?: string; action?: string; data?: LinearWebhookIssue };
    const deliveryId = headers.get("linear-delivery");
    const data = payload.data;
    if (payload.type !== "Issue" || payload.action === "remove" || !data?.id) return { deliveryId, changes: [] };
    return {
      deliveryId,
      changes: [
        {
          externalId: data.id,
          actionId: actionIdFromMarker(data.description),
          ...(data.state ? { status: linearStatus(data.state.type) } : {}),
          ...(data.assignee !== undefined || data.assigneeId !== undefined
            ? { assignee: data.assignee ? { email: data.assignee.email ?? null, name: data.assignee.name ?? null } : null }
            : {}),
          ...(data.dueDate !== undefined ? { dueDate: data.dueDate } : {}),
        },
      ],
    };
  }
}

type LinearWebhookIssue = {
  id: string;
  description?: string | null;
  dueDate?: string | null;
  state?: { type?: string; name?: string };
  assigneeId?: string | null;
  assignee?: { name?: string; email?: string } | null;
};
