/**
 * DEBRIEF_WEB_PROCESSES=2: `npm start` forks two web processes that share the port (Node's
 * cluster). This file runs such a server on the suite's database and checks that both processes
 * serve, that a change made through one reaches live event streams held by the other (through
 * Redis), that SIGTERM stops every process, and that without REDIS_URL it refuses to start.
 */
import { expect, test } from "@playwright/test";
import { freePort } from "../support/ports";
import { redisAnswers, TEST_REDIS_URL as REDIS_URL } from "../support/redis";
import { createToken, expectJson, sessionClient } from "./support/api-client";
import { jsonLogLines, startDebriefServer, type DebriefServer } from "./support/debrief-server";
import { readUntil } from "./support/event-stream";
import { reviewInPhase } from "./support/reviews";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let server: DebriefServer | undefined;

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

test("two web processes serve one port, share live events through Redis, and all stop on SIGTERM", async ({ playwright }) => {
  test.setTimeout(240_000);
  test.skip(!(await redisAnswers(REDIS_URL)), `Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL)`);
  const port = await freePort();
  server = await startDebriefServer(port, { DEBRIEF_WEB_PROCESSES: "2", REDIS_URL, LOG_LEVEL: "info" });
  const running = server;
  await expect.poll(() => jsonLogLines(running.stdout()).find((l) => typeof l.msg === "string" && l.msg.startsWith("Debrief is ready")), { timeout: 60_000 }).toMatchObject({ processes: 2 });
  const primaryPid = jsonLogLines(running.stdout()).find((l) => typeof l.msg === "string" && l.msg.startsWith("Debrief is ready"))!.pid as number;

  const review = await reviewInPhase(playwright, server.url, { responders: ["responder1@example.com"], phase: "GROUP" });
  const session = await sessionClient(playwright, running.url, "observer@example.com");
  const { token } = await createToken(session, running.url, `web processes ${Date.now()}`);
  await session.dispose();

  // Four event streams, each its own connection: the primary hands connections to the processes in turn.
  const abort = new AbortController();
  const streams = await Promise.all(
    Array.from({ length: 4 }, async () => {
      const res = await fetch(`${running.url}/api/v1/reviews/${review.id}/events`, {
        headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const state = { text: "" };
      await readUntil(reader, /event: ready\n/, state);
      return { reader, state };
    }),
  );
  try {
    // One change, made through whichever process takes the request: every stream hears of it.
    const entry = await expectJson<{ id: string }>(
      await review.api.post(`/api/v1/reviews/${review.id}/timeline`, { data: { occurredAt: new Date(Date.now() - 60_000).toISOString(), description: "Paged the on-call", kind: "ALERT" } }),
      201,
    );
    for (const [i, { reader, state }] of streams.entries()) {
      const heard = readUntil(reader, new RegExp(`event: timeline\\.changed\\ndata: \\{"ids":\\["${entry.id}"`), state);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`stream ${i + 1} did not hear of the change within 20 s; read:\n${state.text}`)), 20_000);
      });
      const text = await Promise.race([heard, late]).finally(() => clearTimeout(timer));
      expect(text).not.toContain("Paged the on-call");
    }
  } finally {
    abort.abort();
  }
  // The streams are logged when they end (abandoned by the client): they were served by both web processes, not the primary.
  const streamedBy = () => new Set(jsonLogLines(running.stdout()).filter((l) => l.msg === "request" && String(l.path).endsWith("/events")).map((l) => l.pid));
  await expect.poll(() => streamedBy().size, { message: "event streams served by two processes" }).toBe(2);
  const servedBy = () => new Set(jsonLogLines(running.stdout()).filter((l) => l.msg === "request").map((l) => l.pid));
  expect(servedBy().has(primaryPid)).toBe(false);

  const workers = [...servedBy()] as number[];
  expect(workers.every(alive)).toBe(true);
  const exit = await running.stop();
  expect(exit).toEqual({ code: 0, signal: null });
  expect(jsonLogLines(running.stdout()).some((l) => l.msg === "Stopped" && l.pid === primaryPid)).toBe(true);
  for (const pid of workers) expect(alive(pid), `web process ${pid} after SIGTERM`).toBe(false);
});

test("several web processes without REDIS_URL: it refuses to start and says why", async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  const error = await startDebriefServer(port, { DEBRIEF_WEB_PROCESSES: "2", REDIS_URL: "" }).then(
    (started) => {
      server = started;
      return null;
    },
    (e: Error) => e,
  );
  expect(error?.message).toMatch(/REDIS_URL: is required when DEBRIEF_WEB_PROCESSES is above 1/);
});
