/**
 * The reconcile pass: it re-reads synced actions' issues and catches what no webhook reported,
 * oldest first, leaves actions with changes still to send alone, stops a connection's pass at a
 * rate limit, and marks an issue that disappeared.
 */
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { reconcileBacklogs } from "../../lib/backlog/reconcile";
import { db, disconnectDb } from "../../lib/db/client";
import type { TestDatabase } from "../support/database";
import { buildUser } from "../support/factories";
import { startFakeGithub, type FakeGithub } from "../support/trackers/github";
import { startFakeLinear, type FakeLinear } from "../support/trackers/linear";
import { actionRow, buildAction, buildTrackerCast, connectTeam, syncKinds, useEncryptionKey, usePrivateDatabase } from "../support/trackers/fixtures";

let gh: FakeGithub;
let linear: FakeLinear;
let database: TestDatabase;

// A database of its own: a pass reconciles every connection in the database it runs on.
beforeAll(async () => {
  useEncryptionKey();
  database = await usePrivateDatabase("reconcile");
  [gh, linear] = await Promise.all([startFakeGithub(), startFakeLinear()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([gh.stop(), linear.stop()]);
  await disconnectDb();
  await database.drop();
  expect(gh.unexpected).toEqual([]);
});

const longAgo = new Date(Date.now() - 3_600_000);

async function inTracker(actionId: string, provider: "GITHUB" | "LINEAR", externalId: string, externalKey: string, syncState: "SYNCED" | "PENDING" = "SYNCED") {
  await db().actionItem.update({ where: { id: actionId }, data: { syncState, externalProvider: provider, externalId, externalKey, externalUrl: "https://t/x", lastSyncedAt: longAgo } });
}

describe("reconcile", () => {
  it("brings back what the tracker changed without a webhook, and changes nothing the second time", async () => {
    const { team, review, pm } = await buildTrackerCast();
    await connectTeam(pm, team.id, { kind: "github", fake: gh });
    const closed = gh.addIssue({ title: "Closed quietly", body: "x\n<!-- debrief:meta -->\n> · priority high · kind fix · due 2030-09-01\n<!-- /debrief:meta -->" });
    Object.assign(closed, { state: "closed", state_reason: "not_planned" });
    const quiet = await buildAction({ reviewId: review.id, teamId: team.id, dueDate: new Date("2030-08-01T00:00:00Z") });
    await inTracker(quiet.id, "GITHUB", String(closed.id), `acme/payments#${closed.number}`);
    const busy = gh.addIssue({ title: "Changed here and there", body: "x" });
    busy.state = "closed";
    const pending = await buildAction({ reviewId: review.id, teamId: team.id });
    await inTracker(pending.id, "GITHUB", String(busy.id), `acme/payments#${busy.number}`, "PENDING");

    const first = await reconcileBacklogs();
    expect(first.checked).toBeGreaterThanOrEqual(1);
    expect(await actionRow(quiet.id)).toMatchObject({ status: "WONT_DO", dueDate: new Date("2030-09-01T00:00:00Z") });
    expect(await syncKinds(quiet.id)).toEqual(["IN status-changed", "IN due-date-changed", "IN reconciled"]);
    expect((await actionRow(pending.id)).status).toBe("OPEN"); // its own change is still to go out
    expect(gh.calls("GET", new RegExp(`/issues/${busy.number}$`))).toHaveLength(0);

    const readsBefore = gh.calls("GET", new RegExp(`/issues/${closed.number}$`)).length;
    await reconcileBacklogs({ staleAfterMs: 0 });
    expect(gh.calls("GET", new RegExp(`/issues/${closed.number}$`)).length).toBe(readsBefore + 1);
    expect(await syncKinds(quiet.id)).toHaveLength(3);
  });

  it("assigns the Debrief user the tracker's assignee is, by e-mail (Linear)", async () => {
    const { team, review, pm } = await buildTrackerCast();
    await connectTeam(pm, team.id, { kind: "linear", fake: linear });
    const person = await buildUser();
    const issue = linear.addIssue({ title: "Taken by someone", teamId: "t" });
    issue.assignee = { id: "u-7", name: "Someone", displayName: "someone", email: person.email };
    const action = await buildAction({ reviewId: review.id, teamId: team.id, dueDate: null });
    await inTracker(action.id, "LINEAR", issue.id, issue.identifier);
    await reconcileBacklogs();
    expect(await actionRow(action.id)).toMatchObject({ assigneeId: person.id, status: "OPEN" });
  });

  it("stops a connection's pass at a rate limit and marks issues that no longer exist", async () => {
    const { team, review, pm } = await buildTrackerCast();
    await connectTeam(pm, team.id, { kind: "github", fake: gh });
    const gone = await buildAction({ reviewId: review.id, teamId: team.id });
    await inTracker(gone.id, "GITHUB", "999999", "acme/payments#99999");
    const later = await buildAction({ reviewId: review.id, teamId: team.id });
    const issue = gh.addIssue({ title: "Read later", body: "x" });
    await inTracker(later.id, "GITHUB", String(issue.id), `acme/payments#${issue.number}`);
    await db().actionItem.update({ where: { id: later.id }, data: { lastSyncedAt: new Date(longAgo.getTime() + 1000) } });

    gh.failNext(1, { status: 429, headers: { "retry-after": "1" }, body: { message: "slow down" } });
    const limited = await reconcileBacklogs();
    expect(limited.stoppedByRateLimit).toBeGreaterThanOrEqual(1);
    expect((await actionRow(gone.id)).syncState).toBe("SYNCED"); // untouched: the pass stopped
    await new Promise((r) => setTimeout(r, 1_100)); // the tracker's Retry-After
    await reconcileBacklogs();
    expect(await actionRow(gone.id)).toMatchObject({ syncState: "FAILED", syncError: "The issue acme/payments#99999 no longer exists in the tracker (or the token cannot see it)." });
    expect(await syncKinds(gone.id)).toEqual(["IN missing"]);
    expect((await actionRow(later.id)).lastSyncedAt!.getTime()).toBeGreaterThan(longAgo.getTime() + 1000);
  });
});
