/**
 * The shared machinery of the fake trackers: a real node HTTP server on 127.0.0.1 (a free port)
 * that records every request, and can be told to misbehave the way real trackers do — answer
 * slowly, fail the next requests with a 5xx or a 429 with Retry-After, fail a share of all
 * requests at random, or enforce a request rate with 429s. A route it does not know answers 404
 * and is recorded as unexpected, so a test can assert none happened.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: string; at: number; status?: number };
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
export type Route = (req: RecordedRequest, json: () => unknown) => Reply | Promise<Reply> | null;
export type Failure = { status: number; body?: unknown; headers?: Record<string, string> };

export type FakeServerOptions = {
  /** Extra delay before each answer, ms. */
  latencyMs?: number;
  /** Requests allowed per second (token bucket); beyond it: the `rateLimited` reply. */
  requestsPerSecond?: number;
  /** Share (0–1) of requests answered with a random one of `randomFailures`. */
  failureRate?: number;
  randomFailures?: Failure[];
};

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  readonly unexpected: RecordedRequest[] = [];
  private server: http.Server | null = null;
  private queued: Failure[] = [];
  private tokens = 0;
  private lastRefill = Date.now();
  url = "";

  constructor(
    private readonly route: Route,
    public options: FakeServerOptions = {},
    /** How this tracker says "too many requests" (status, documented headers and body). */
    private readonly rateLimited: (retryAfterSeconds: number) => Reply = (s) => ({ status: 429, headers: { "retry-after": String(s) }, body: { message: "Too many requests" } }),
  ) {
    this.tokens = options.requestsPerSecond ?? 0;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** The next `count` requests fail with `failure` (in order of arrival). */
  failNext(count: number, failure: Failure): void {
    for (let i = 0; i < count; i++) this.queued.push(failure);
  }

  /** Requests whose path matches, optionally by method. */
  calls(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private takeToken(): number {
    const rate = this.options.requestsPerSecond;
    if (!rate) return 0;
    const now = Date.now();
    this.tokens = Math.min(rate, this.tokens + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / rate));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    const recorded: RecordedRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
    this.requests.push(recorded);
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    let reply: Reply | null;
    const wait = this.takeToken();
    const injected = this.queued.shift() ?? (this.options.failureRate && Math.random() < this.options.failureRate ? pick(this.options.randomFailures) : undefined);
    if (wait) reply = this.rateLimited(wait);
    else if (injected) reply = injected.status === 429 && !injected.headers ? this.rateLimited(1) : injected;
    else {
      try {
        reply = await this.route(recorded, () => JSON.parse(recorded.body || "null"));
      } catch (e) {
        reply = { status: 400, body: { message: `Problems parsing JSON: ${(e as Error).message}` } };
      }
    }
    if (!reply) {
      this.unexpected.push(recorded);
      reply = { status: 404, body: { message: "Not Found (not implemented by the fake tracker)" } };
    }
    recorded.status = reply.status;
    const body = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { ...(body ? { "content-type": "application/json; charset=utf-8" } : {}), ...reply.headers });
    res.end(body);
  }
}

function pick(failures: Failure[] | undefined): Failure | undefined {
  if (!failures?.length) return undefined;
  return failures[Math.floor(Math.random() * failures.length)];
}

/** A route table: `[method, /regex with groups/, handler(match, req, json)]`. */
export function routes(table: [string, RegExp, (m: RegExpExecArray, req: RecordedRequest, json: () => unknown) => Reply | Promise<Reply>][]): Route {
  return (req, json) => {
    for (const [method, pattern, handler] of table) {
      if (method !== req.method) continue;
      const m = pattern.exec(req.path);
      if (m) return handler(m, req, json);
    }
    return null;
  };
}
