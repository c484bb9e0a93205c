/**
 * Pushing actions as durable jobs, with the real worker (pg-boss) running in this process against
 * a database of this file's own and a fake GitHub: the push use case and its rules, retries with
 * backoff on 5xx, waiting out a 429's Retry-After, stopping on a 4xx with the reason on the action
 * (and "push again" retrying), adopting an issue an earlier attempt created, updates after a
 * change in Debrief (queueActionUpdate), and auto-push on publication.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueAutoPushes } from "../../lib/backlog/auto-push";
import { queueActionUpdate } from "../../lib/backlog/queue-update";
import { relayPendingSyncs } from "../../lib/backlog/relay";
import { requestPush } from "../../lib/backlog/request-push";
import { syncAction } from "../../lib/backlog/sync-action";
import { db, disconnectDb } from "../../lib/db/client";
import { startWorker, type Worker } from "../../lib/jobs/worker";
import type { TestDatabase } from "../support/database";
import { startFakeGithub, type FakeGithub } from "../support/trackers/github";
import { actionRow, buildAction, buildTrackerCast, connectTeam, syncKinds, useEncryptionKey, usePrivateDatabase, waitFor } from "../support/trackers/fixtures";

let gh: FakeGithub;
let database: TestDatabase;
let worker: Worker;
const github = () => ({ kind: "github" as const, fake: gh });
const creates = () => gh.calls("POST", /\/issues$/);
const synced = (id: string) => waitFor(`action ${id} synced`, async () => ((await actionRow(id)).syncState === "SYNCED" ? actionRow(id) : null));

beforeAll(async () => {
  useEncryptionKey();
  database = await usePrivateDatabase("push");
  gh = await startFakeGithub();
  worker = startWorker({ tasks: [{ name: "relay", everyMs: 250, run: () => relayPendingSyncs() }] });
  await worker.ready;
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await gh?.stop();
  await disconnectDb();
  await database?.drop();
  expect(gh.unexpected).toEqual([]);
});

async function connectedCast(over: Record<string, unknown> = {}) {
  const cast = await buildTrackerCast("PUBLISHED");
  await connectTeam(cast.pm, cast.team.id, github(), over);
  return cast;
}

describe("pushing an action", () => {
  it("queues it as a job and stores the issue's key and link", async () => {
    const { team, review, pm } = await connectedCast();
    const action = await buildAction({ reviewId: review.id, teamId: team.id, title: "Page on replication lag" });
    const queued = await requestPush(pm, action.id);
    expect(queued).toMatchObject({ id: action.id, syncState: "PENDING", external: null });
    const done = await synced(action.id);
    const issue = gh.issues.find((i) => i.title === "Page on replication lag")!;
    expect(done).toMatchObject({ externalProvider: "GITHUB", externalId: String(issue.id), externalKey: `acme/payments#${issue.number}`, externalUrl: issue.html_url, syncError: null });
    expect(done.lastSyncedAt).toBeInstanceOf(Date);
    expect(await syncKinds(action.id)).toEqual(["OUT queued", "OUT created"]);
    expect(await db().auditEvent.count({ where: { type: "backlog.push_requested", subjectId: action.id, actorId: pm.id } })).toBe(1);
  });

  it("is for the team's product managers, the review's facilitator and admins — of agreed actions, with a tracker", async () => {
    const { team, review, actors } = await connectedCast();
    const action = await buildAction({ reviewId: review.id, teamId: team.id });
    await expect(requestPush(actors.teamMember, action.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestPush(actors.responder, action.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestPush(actors.facilitator, action.id)).resolves.toMatchObject({ syncState: "PENDING" });
    const proposal = await buildAction({ reviewId: review.id, teamId: team.id, agreed: false });
    await expect(requestPush(actors.admin, proposal.id)).rejects.toMatchObject({ code: "CONFLICT", message: "Agree the action before pushing it to the tracker." });
    const other = await buildTrackerCast("PUBLISHED");
    const unconnected = await buildAction({ reviewId: other.review.id, teamId: other.team.id });
    await expect(requestPush(other.pm, unconnected.id)).rejects.toMatchObject({ code: "CONFLICT", message: "The action's team has no tracker connected." });
    await expect(requestPush(actors.admin, "no-such-action")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await synced(action.id);
  });

  it("retries a 5xx with backoff and gets there", async () => {
    const { team, review, pm } = await connectedCast();
    const action = await buildAction({ reviewId: review.id, teamId: team.id, title: "Retry after 503" });
    gh.failNext(1, { status: 503, body: { message: "Service Unavailable" } });
    await requestPush(pm, action.id);
    await synced(action.id);
    const searches = gh.calls("GET", /^\/search\/issues$/).filter((r) => r.query.get("q")!.includes(action.id));
    expect(searches.map((r) => r.status)).toEqual([503, 200]);
    expect(searches[1]!.at - searches[0]!.at).toBeGreaterThanOrEqual(900); // pg-boss's backoff, not a hot loop
    expect(await syncKinds(action.id)).toEqual(["OUT queued", "OUT retrying", "OUT created"]);
    expect(gh.issues.filter((i) => i.title === "Retry after 503")).toHaveLength(1);
  });

  it("waits out a 429 for as long as Retry-After says, without spending a retry", async () => {
    const { team, review, pm } = await connectedCast();
    const action = await buildAction({ reviewId: review.id, teamId: team.id, title: "Rate limited once" });
    gh.failNext(1, { status: 429, headers: { "retry-after": "2" }, body: { message: "secondary rate limit" } });
    await requestPush(pm, action.id);
    await synced(action.id);
    const mine = gh.requests.filter((r) => r.query.get("q")?.includes(action.id) || r.body.includes(action.id));
    const limited = mine.find((r) => r.status === 429)!;
    const next = mine.find((r) => r.at > limited.at)!;
    expect(next.at - limited.at).toBeGreaterThanOrEqual(1_900);
    expect(await syncKinds(action.id)).toEqual(["OUT queued", "OUT created"]);
    expect(gh.issues.filter((i) => i.title === "Rate limited once")).toHaveLength(1);
  });

  it("stops on a 4xx with the reason on the action; pushing again retries", async () => {
    const { team, review, pm } = await connectedCast();
    const action = await buildAction({ reviewId: review.id, teamId: team.id, title: "Refused once" });
    gh.failNext(1, { status: 422, body: { message: "Validation Failed", errors: [{ code: "custom", message: "labels are invalid" }] } });
    await requestPush(pm, action.id);
    const failed = await waitFor("failed", async () => ((await actionRow(action.id)).syncState === "FAILED" ? actionRow(action.id) : null));
    expect(failed.syncError).toBe("The tracker refused the request (422): Validation Failed");
    const mine = () => gh.requests.filter((r) => r.query.get("q")?.includes(action.id)).length;
    const attempts = mine();
    await new Promise((r) => setTimeout(r, 2_500));
    expect(mine()).toBe(attempts); // not retried
    await expect(requestPush(pm, action.id)).resolves.toMatchObject({ syncState: "PENDING", syncError: null });
    await synced(action.id);
    expect(await syncKinds(action.id)).toEqual(["OUT queued", "OUT failed", "OUT queued", "OUT created"]);
  });

  it("adopts an issue an earlier attempt created instead of creating a second one", async () => {
    const { team, review, pm } = await connectedCast();
    const action = await buildAction({ reviewId: review.id, teamId: team.id, title: "Created before the crash" });
    const before = gh.addIssue({ title: "Created before the crash", body: `… debrief-action:${action.id} …` });
    const createdBefore = creates().length;
    await requestPush(pm, action.id);
    const done = await synced(action.id);
    expect(done.externalId).toBe(String(before.id));
    expect(creates().length).toBe(createdBefore);
    expect(await syncKinds(action.id)).toEqual(["OUT queued", "OUT found-existing"]);
  });

  it("gives up after the last retry, with the reason on the action", async () => {
    const { team, review } = await connectedCast();
    const action = await buildAction({ reviewId: review.id, teamId: team.id });
    await db().actionItem.update({ where: { id: action.id }, data: { syncState: "PENDING" } });
    gh.failNext(1, { status: 502, body: { message: "Bad Gateway" } });
    await expect(syncAction(action.id, { attempt: 8, finalAttempt: true })).resolves.toMatchObject({ kind: "failed" });
    expect((await actionRow(action.id)).syncError).toBe("The tracker failed on its side (502). Debrief gave up after 9 attempts: push again to retry.");
  });
});

describe("changes made in Debrief", () => {
  it("go out as an update job after queueActionUpdate", async () => {
    const { team, review, pm } = await connectedCast();
    const action = await buildAction({ reviewId: review.id, teamId: team.id, title: "Before the edit" });
    await requestPush(pm, action.id);
    const first = await synced(action.id);
    await db().actionItem.update({ where: { id: action.id }, data: { title: "After the edit", priority: "HIGH", dueDate: new Date("2031-01-31T00:00:00Z"), status: "DONE" } });
    await expect(queueActionUpdate(action.id)).resolves.toBe(true);
    await waitFor("updated", async () => (await syncKinds(action.id)).includes("OUT updated") && (await actionRow(action.id)).syncState === "SYNCED");
    const issue = gh.issues.find((i) => String(i.id) === first.externalId)!;
    expect(issue).toMatchObject({ title: "After the edit", state: "closed", state_reason: "completed" });
    expect(issue.body).toContain("due 2031-01-31");
    expect(issue.labels.map((l) => l.name)).toContain("priority: high");
    const local = await buildAction({ reviewId: review.id, teamId: team.id });
    await expect(queueActionUpdate(local.id)).resolves.toBe(false); // never pushed: nothing to update
  });
});

describe("publication", () => {
  it("pushes the agreed actions of teams that chose auto-push, and nothing else", async () => {
    const auto = await connectedCast({ autoPush: true });
    const manual = await buildTrackerCast("ACTION_PLANNING");
    await connectTeam(manual.pm, manual.team.id, github());
    const agreed = await buildAction({ reviewId: auto.review.id, teamId: auto.team.id, title: "Auto-pushed" });
    const proposal = await buildAction({ reviewId: auto.review.id, teamId: auto.team.id, agreed: false });
    const otherTeam = await buildAction({ reviewId: auto.review.id, teamId: manual.team.id });
    const queued = await db().$transaction((tx) => queueAutoPushes(tx, auto.review.id));
    expect(queued).toBe(1);
    await synced(agreed.id);
    expect(await syncKinds(agreed.id)).toEqual(["OUT queued", "OUT created"]);
    expect((await actionRow(proposal.id)).syncState).toBe("LOCAL");
    expect((await actionRow(otherTeam.id)).syncState).toBe("LOCAL");
  });
});
