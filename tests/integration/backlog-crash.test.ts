/**
 * Exactly once across a crash, with real processes: `npm run worker` is made to die (SIGKILL) right
 * after GitHub created the issue and before Debrief stored its key
 * (DEBRIEF_TEST_CRASH_AFTER_CREATE=1, honoured under NODE_ENV=test only). A new worker retries the
 * job; GitHub's search index has not caught up yet, so only the deep look finds the issue — and it
 * is adopted, not created again: one issue, and the action has its key. The action was marked
 * PENDING with no job at all (as a web process without a worker leaves it), so this also shows the
 * relay sending work that was only committed.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { requestPush } from "../../lib/backlog/request-push";
import { disconnectDb } from "../../lib/db/client";
import type { TestDatabase } from "../support/database";
import { startFakeGithub, type FakeGithub } from "../support/trackers/github";
import { actionRow, buildAction, buildTrackerCast, connectTeam, syncKinds, TEST_ENCRYPTION_KEY, useEncryptionKey, usePrivateDatabase, waitFor } from "../support/trackers/fixtures";
import { spawnWorker, type WorkerProcess } from "../support/trackers/worker-process";

let gh: FakeGithub;
let database: TestDatabase;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  useEncryptionKey();
  database = await usePrivateDatabase("crash");
  gh = await startFakeGithub({ searchLagMs: 120_000 });
}, 60_000);

afterAll(async () => {
  for (const w of workers) await w.kill("SIGKILL");
  await gh?.stop();
  await disconnectDb();
  await database?.drop();
});

const workerEnv = (extra: Record<string, string> = {}) => ({ DATABASE_URL: database.url, DEBRIEF_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, APP_URL: "http://debrief.test", ...extra });
const withMarker = (actionId: string) => gh.issues.filter((i) => i.body?.includes(`debrief-action:${actionId}`));

it("creates one issue when the worker dies between the tracker's create and storing the key", async () => {
  const { team, review, pm } = await buildTrackerCast("PUBLISHED");
  await connectTeam(pm, team.id, { kind: "github", fake: gh });
  const action = await buildAction({ reviewId: review.id, teamId: team.id, title: "Survives a crash" });
  await requestPush(pm, action.id); // no worker in this process: only the PENDING state is committed

  const doomed = spawnWorker(workerEnv({ DEBRIEF_TEST_CRASH_AFTER_CREATE: "1" }));
  workers.push(doomed);
  await expect(doomed.exited).resolves.toEqual({ code: null, signal: "SIGKILL" });
  expect(doomed.logs().some((l) => l.event === "test_crash_after_create" && l.actionId === action.id)).toBe(true);
  expect(withMarker(action.id)).toHaveLength(1);
  expect(await actionRow(action.id)).toMatchObject({ syncState: "PENDING", externalId: null });

  const survivor = spawnWorker(workerEnv());
  workers.push(survivor);
  const done = await waitFor("the restarted worker finished the push", async () => ((await actionRow(action.id)).syncState === "SYNCED" ? actionRow(action.id) : null), 75_000);
  const issues = withMarker(action.id);
  expect(issues).toHaveLength(1);
  expect(done).toMatchObject({ externalId: String(issues[0]!.id), externalKey: `acme/payments#${issues[0]!.number}`, syncError: null });
  expect(await syncKinds(action.id)).toEqual(["OUT queued", "OUT found-existing"]);
  expect(gh.calls("POST", /\/issues$/)).toHaveLength(1);
  // The deep look (listing recent issues) found what the lagging search did not.
  expect(gh.calls("GET", /^\/repos\/acme\/payments\/issues$/).length).toBeGreaterThan(0);
  expect(doomed.output() + survivor.output()).not.toContain(gh.token);
}, 120_000);

it("ignores the crash switch outside tests", async () => {
  const production = spawnWorker(workerEnv({ NODE_ENV: "production", DEBRIEF_TEST_CRASH_AFTER_CREATE: "1" }));
  workers.push(production);
  await waitFor("the worker started", () => production.logs().some((l) => l.msg === "Background worker started"), 30_000);
  expect(production.logs().some((l) => /DEBRIEF_TEST_CRASH_AFTER_CREATE is set but ignored/.test(String(l.msg)))).toBe(true);
  await production.kill("SIGTERM");
}, 60_000);
