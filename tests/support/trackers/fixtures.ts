/**
 * Builders for the tracker tests: an encryption key for the run, a team with its people around a
 * review, agreed actions written straight into the database (the actions domain has its own
 * tests), and connections made through the real use case, pointed at a fake tracker.
 */
import { createHash } from "node:crypto";
import { connectBacklog } from "../../../lib/backlog/connect-backlog";
import type { ConnectBacklogInput } from "../../../lib/backlog/settings";
import { db, disconnectDb } from "../../../lib/db/client";
import { reloadEnv } from "../../../lib/env";
import type { Actor, ReviewPhase } from "../../../lib/policies/types";
import { createTestDatabase, type TestDatabase } from "../database";
import { actorFor, buildCast, uid } from "../factories";
import type { FakeGithub } from "./github";
import type { FakeJira } from "./jira";
import { LINEAR_TEAM, type FakeLinear } from "./linear";
import type { WebhookReceiver } from "./webhook-receiver";

/**
 * The key tracker tests encrypt credentials with: the same in every test process, so a worker
 * (in-process or spawned) reads what any test stored.
 */
export const TEST_ENCRYPTION_KEY = createHash("sha256").update("debrief tracker tests").digest("base64");

export function useEncryptionKey(): string {
  process.env.DEBRIEF_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  process.env.APP_URL ??= "http://debrief.test";
  reloadEnv();
  return process.env.DEBRIEF_ENCRYPTION_KEY;
}

/** buildCast plus the product manager as an actor of the team (see tests/support/factories.ts). */
export async function buildTrackerCast(phase: ReviewPhase = "PUBLISHED") {
  const cast = await buildCast(phase);
  return { ...cast, pm: cast.actors.pm, admin: cast.actors.admin };
}

export type ActionOptions = {
  reviewId: string;
  teamId: string;
  title?: string;
  agreed?: boolean;
  priority?: "HIGH" | "MEDIUM" | "LOW";
  status?: "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_DO";
  dueDate?: Date | null;
  assigneeId?: string | null;
};

export async function buildAction(o: ActionOptions) {
  const title = o.title ?? `Action ${uid()}`;
  return db().actionItem.create({
    data: {
      reviewId: o.reviewId,
      teamId: o.teamId,
      title,
      description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Why: ${title}` }] }] },
      descriptionText: `Why: ${title}`,
      priority: o.priority ?? "MEDIUM",
      status: o.status ?? "OPEN",
      dueDate: o.dueDate === undefined ? new Date("2030-06-30T00:00:00Z") : o.dueDate,
      rank: `a${uid()}`,
      agreedAt: o.agreed === false ? null : new Date(),
      assigneeId: o.assigneeId ?? null,
    },
  });
}

type Fake = { kind: "github"; fake: FakeGithub } | { kind: "jira"; fake: FakeJira } | { kind: "linear"; fake: FakeLinear } | { kind: "webhook"; fake: WebhookReceiver };

/** What connecting a team to this fake tracker takes (right credentials unless overridden). */
export function connectionInput(target: Fake, over: Record<string, unknown> = {}): ConnectBacklogInput {
  const base =
    target.kind === "github"
      ? { provider: "github", baseUrl: target.fake.url, owner: target.fake.owner, repo: target.fake.repo, token: target.fake.token }
      : target.kind === "jira"
        ? { provider: "jira", baseUrl: target.fake.url, deployment: "cloud", projectKey: target.fake.projectKey, issueType: "Task", email: target.fake.email, apiToken: target.fake.apiToken }
        : target.kind === "linear"
          ? { provider: "linear", baseUrl: `${target.fake.url}/graphql`, teamId: LINEAR_TEAM.id, apiKey: target.fake.apiKey, webhookSecret: "lin_wh_signing_secret" }
          : { provider: "webhook", baseUrl: `${target.fake.url}/hooks/debrief`, secret: target.fake.secret };
  return { ...base, ...over } as ConnectBacklogInput;
}

/** Connects the team's tracker through the use case, as its product manager would. */
export async function connectTeam(actor: Actor, teamId: string, target: Fake, over: Record<string, unknown> = {}) {
  return connectBacklog(actor, teamId, connectionInput(target, over));
}

/** A fresh actor (after role changes). */
export const reload = (userId: string) => actorFor(userId);

/**
 * A database of this test file's own, for tests that run job workers: a worker relays every
 * PENDING action of its database, so sharing one would let workers of other test files act on
 * this file's actions (and this file's on theirs).
 */
export async function usePrivateDatabase(label: string): Promise<TestDatabase> {
  const database = await createTestDatabase(label);
  await disconnectDb();
  process.env.DATABASE_URL = database.url;
  reloadEnv();
  return database;
}

/** Polls until `predicate` holds (or fails with `what`). */
export async function waitFor<T>(what: string, predicate: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The action as stored now. */
export const actionRow = (id: string) => db().actionItem.findUniqueOrThrow({ where: { id } });

/** The kinds of its sync history, oldest first. */
export async function syncKinds(actionId: string): Promise<string[]> {
  const events = await db().actionSyncEvent.findMany({ where: { actionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return events.map((e) => `${e.direction} ${e.kind}`);
}
