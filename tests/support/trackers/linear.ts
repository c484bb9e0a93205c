/**
 * A fake Linear GraphQL API (the subset Debrief uses): `Authorization: <API key>`, the root
 * fields viewer, team, teams(filter key), issues(filter team + description contains), issue,
 * issueCreate and issueUpdate, each answering with Linear's documented shapes. Errors come as
 * Linear sends them — `{ errors: [{ message, extensions: { type, code, userPresentableMessage } }] }`
 * — including rate limiting (code RATELIMITED with the X-RateLimit-Requests-* headers). It also
 * sends Issue webhooks signed with `Linear-Signature` (HMAC-SHA256 hex of the body).
 */
import { createHmac, randomUUID } from "node:crypto";
import { FakeServer, type FakeServerOptions, type RecordedRequest, type Reply } from "./fake-server";

type State = { id: string; name: string; type: "backlog" | "unstarted" | "started" | "completed" | "canceled"; position: number };
export type LinearFakeIssue = {
  id: string;
  identifier: string;
  url: string;
  title: string;
  description: string | null;
  priority: number;
  dueDate: string | null;
  state: State;
  assignee: { id: string; name: string; displayName: string; email: string } | null;
  teamId: string;
};

export const LINEAR_TEAM = { id: "9cfb482a-81e3-4154-b5b9-2c805e70a02d", key: "ENG", name: "Engineering" };
const STATES: State[] = [
  { id: "st-backlog", name: "Backlog", type: "backlog", position: 0 },
  { id: "st-todo", name: "Todo", type: "unstarted", position: 1 },
  { id: "st-progress", name: "In Progress", type: "started", position: 2 },
  { id: "st-done", name: "Done", type: "completed", position: 3 },
  { id: "st-canceled", name: "Canceled", type: "canceled", position: 4 },
];

const gqlError = (message: string, type: string, code: string, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  headers,
  body: { errors: [{ message, extensions: { type, code, userError: true, userPresentableMessage: message } }], data: null },
});

export type FakeLinearOptions = FakeServerOptions & { apiKey?: string };

export class FakeLinear extends FakeServer {
  readonly issues: LinearFakeIssue[] = [];
  readonly apiKey: string;

  constructor(options: FakeLinearOptions = {}) {
    super((req, json) => this.graphql(req, json), options, (s) =>
      gqlError("Rate limit exceeded", "ratelimited", "RATELIMITED", 400, {
        "x-ratelimit-requests-limit": "1500",
        "x-ratelimit-requests-remaining": "0",
        "x-ratelimit-requests-reset": String(Date.now() + s * 1000),
      }),
    );
    this.apiKey = options.apiKey ?? "lin_api_fake0123456789";
  }

  private graphql(req: RecordedRequest, json: () => unknown): Reply | null {
    if (req.method !== "POST" || req.path !== "/graphql") return null;
    if (req.headers.authorization !== this.apiKey) return gqlError("Authentication required, not authenticated", "authentication error", "AUTHENTICATION_ERROR", 400);
    const { query, variables = {} } = json() as { query: string; variables?: Record<string, unknown> };
    const data = (value: unknown): Reply => ({ status: 200, body: { data: value } });
    const v = variables as Record<string, string> & { input?: Record<string, unknown> };
    if (/\bviewer\s*\{/.test(query)) return data({ viewer: { id: "user-1", name: "Priya PM", email: "pm@acme.example" } });
    if (/\bteams\s*\(/.test(query)) return data({ teams: { nodes: v.key === LINEAR_TEAM.key ? [LINEAR_TEAM] : [] } });
    if (/\bteam\s*\(/.test(query)) {
      if (v.id !== LINEAR_TEAM.id) return gqlError("Entity not found: Team", "invalid input", "INVALID_INPUT");
      return data({ team: { ...LINEAR_TEAM, states: { nodes: STATES } } });
    }
    if (/\bissueCreate\s*\(/.test(query)) {
      const input = v.input ?? {};
      if (input.teamId !== LINEAR_TEAM.id) return gqlError("Entity not found: Team", "invalid input", "INVALID_INPUT");
      if (!input.title) return gqlError("Argument Validation Error - title must be a string", "invalid input", "INVALID_INPUT");
      return data({ issueCreate: { success: true, issue: this.addIssue(input) } });
    }
    if (/\bissueUpdate\s*\(/.test(query)) {
      const issue = this.issues.find((i) => i.id === v.id || i.identifier === v.id);
      if (!issue) return gqlError("Entity not found: Issue", "invalid input", "INVALID_INPUT");
      const input = v.input ?? {};
      if (typeof input.title === "string") issue.title = input.title;
      if (typeof input.priority === "number") issue.priority = input.priority;
      if (input.dueDate !== undefined) issue.dueDate = (input.dueDate as string | null) ?? null;
      if (typeof input.stateId === "string") issue.state = STATES.find((s) => s.id === input.stateId) ?? issue.state;
      return data({ issueUpdate: { success: true, issue } });
    }
    if (/\bissues\s*\(/.test(query)) {
      const nodes = this.issues.filter((i) => (!v.teamId || i.teamId === v.teamId) && (!v.marker || (i.description ?? "").includes(v.marker)));
      return data({ issues: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } });
    }
    if (/\bissue\s*\(/.test(query)) {
      const issue = this.issues.find((i) => i.id === v.id || i.identifier === v.id);
      return issue ? data({ issue }) : gqlError("Entity not found: Issue - Could not find referenced Issue.", "invalid input", "INVALID_INPUT");
    }
    return gqlError("Cannot query this field (not implemented by the fake)", "graphql error", "GRAPHQL_VALIDATION_FAILED", 400);
  }

  /** Adds an issue as if someone created it (also used by issueCreate). */
  addIssue(input: Record<string, unknown>): LinearFakeIssue {
    const n = this.issues.length + 1;
    const issue: LinearFakeIssue = {
      id: randomUUID(),
      identifier: `${LINEAR_TEAM.key}-${n}`,
      url: `https://linear.example/acme/issue/${LINEAR_TEAM.key}-${n}`,
      title: String(input.title ?? ""),
      description: (input.description as string | undefined) ?? null,
      priority: Number(input.priority ?? 0),
      dueDate: (input.dueDate as string | null | undefined) ?? null,
      state: STATES.find((s) => s.id === input.stateId) ?? STATES[1]!,
      assignee: null,
      teamId: String(input.teamId ?? LINEAR_TEAM.id),
    };
    this.issues.push(issue);
    return issue;
  }

  setState(identifier: string, type: State["type"]): LinearFakeIssue {
    const issue = this.issues.find((i) => i.identifier === identifier)!;
    issue.state = STATES.find((s) => s.type === type)!;
    return issue;
  }

  /** Sends an Issue `update` webhook as Linear does (Linear-Signature, Linear-Delivery, webhookTimestamp). */
  async sendWebhook(url: string, secret: string, issue: LinearFakeIssue, options: { deliveryId?: string; signature?: string; timestamp?: number } = {}): Promise<Response> {
    const body = JSON.stringify({
      action: "update",
      type: "Issue",
      createdAt: new Date().toISOString(),
      data: { ...issue, stateId: issue.state.id, assigneeId: issue.assignee?.id ?? null },
      updatedFrom: { updatedAt: new Date(Date.now() - 1000).toISOString() },
      url: issue.url,
      organizationId: "org-1",
      webhookTimestamp: options.timestamp ?? Date.now(),
      webhookId: "wh-1",
    });
    return fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "linear-delivery": options.deliveryId ?? randomUUID(),
        "linear-event": "Issue",
        "linear-signature": options.signature ?? createHmac("sha256", secret).update(body).digest("hex"),
      },
      body,
    });
  }
}

export async function startFakeLinear(options: FakeLinearOptions = {}): Promise<FakeLinear> {
  return new FakeLinear(options).start();
}
