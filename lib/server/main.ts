/**
 * `npm start`: one process serving Debrief on a single machine. Provides the database
 * (embedded unless DATABASE_URL is set), migrates, builds the web app when there is no build,
 * then serves it with request ids, JSON request logs and graceful shutdown on SIGTERM.
 * With DEBRIEF_WEB_PROCESSES above 1 this process prepares and runs the background worker, and
 * that many forked web processes (Node's cluster) serve the port.
 */
import { spawn } from "node:child_process";
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { collaborationServerFromEnv } from "../collaboration/from-env";
import { disconnectDb } from "../db/client";
import type { EmbeddedDatabase } from "../db/embedded";
import { EnvError, parseEnv, type Env } from "../env";
import { log } from "../log";
import { prepare } from "./prepare";
import { startWorker } from "../jobs/worker";
import { closeReviewEvents } from "../events/review-events";

const dev = process.argv.includes("--dev");
const startedAt = Date.now();

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    log.info("No build found: building the web app (about a minute, once)…");
    const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`))));
  });
}

const REQUEST_ID = /^[\w.-]{1,128}$/;
const QUIET = /^\/(_next\/|favicon|api\/health)/;

type Web = { port: number; close: () => Promise<void> };

/** Next.js behind our HTTP server (request ids, JSON logs), with collaboration on the same port. */
async function serveWeb(env: Env): Promise<Web> {
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT, customServer: true });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = requestId;
    req.headers["x-debrief-client-ip"] = req.socket.remoteAddress ?? "unknown";
    req.headers["x-debrief-path"] = (req.url ?? "/").replace(/([?&])_rsc=[^&]*&?/, "$1").replace(/[?&]$/, "");
    res.setHeader("x-request-id", requestId);
    const t0 = performance.now();
    // "close" comes after the response finished or when the client went away first (an event stream it stopped reading).
    res.on("close", () => {
      const path = (req.url ?? "").split("?")[0]!;
      const entry = { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - t0), ...(res.writableFinished ? {} : { aborted: true }) };
      if (QUIET.test(path) && res.statusCode < 400) log.debug(entry, "request");
      else log.info(entry, "request");
    });
    handle(req, res).catch((err) => {
      log.error({ err, requestId }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "INTERNAL", message: `Something went wrong on our side (request id ${requestId}).` } }));
    });
  });
  server.keepAliveTimeout = 65_000;
  // Real-time collaboration on the same port: WebSocket upgrades to /collab (Next keeps its own paths).
  const collab = env.DEBRIEF_COLLAB === "1" ? await collaborationServerFromEnv(env) : null;
  collab?.attach(server);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : env.PORT,
    async close() {
      const force = setTimeout(() => {
        log.warn("Requests still open after 10 s: closing them");
        server.closeAllConnections();
      }, 10_000);
      force.unref();
      server.closeIdleConnections();
      // Live event streams never finish by themselves: end them so the server can close.
      await closeReviewEvents().catch(() => {});
      await collab?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close?.().catch(() => {});
    },
  };
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits 0. */
function onShutdown(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await stop(signal);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/** A web process of a cluster: the primary has prepared the database and the environment. */
async function webProcess() {
  const env = parseEnv(process.env);
  const web = await serveWeb(env);
  onShutdown(async () => {
    await web.close();
    await disconnectDb().catch(() => {});
  });
}

/**
 * The primary of a cluster: prepares, then runs DEBRIEF_WEB_PROCESSES web processes sharing the
 * port (the primary hands connections out in turn) and the background worker, restarts a web
 * process that dies, and on SIGTERM stops them all before the database.
 */
async function primary(env: Env, embedded: EmbeddedDatabase | null) {
  const count = env.DEBRIEF_WEB_PROCESSES;
  log.info({ processes: count }, `Starting ${count} web processes…`);
  let stopping = false;
  const fork = () => cluster.fork();
  let port = env.PORT;
  const listening = new Promise<void>((resolve, reject) => {
    let ready = 0;
    cluster.on("listening", (_worker, address) => {
      port = address.port;
      if (++ready === count) resolve();
    });
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      if (ready < count) return reject(new Error(`A web process exited while starting (code ${code}, signal ${signal})`));
      log.error({ pid: worker.process.pid, code, signal }, "A web process exited: starting another");
      setTimeout(() => !stopping && fork(), 1_000).unref();
    });
  });
  for (let i = 0; i < count; i++) fork();
  await listening;
  log.info({ url: `http://${env.HOST}:${port}`, startupMs: Date.now() - startedAt, processes: count }, `Debrief is ready on http://${env.HOST}:${port}`);

  const worker = env.DEBRIEF_WORKER === "1" ? startWorker() : null;
  onShutdown(async (signal) => {
    stopping = true;
    log.info({ signal }, "Shutting down: the web processes finish requests in flight…");
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            const kill = setTimeout(() => w.process.kill("SIGKILL"), 15_000);
            w.once("exit", () => {
              clearTimeout(kill);
              resolve();
            });
            w.process.kill("SIGTERM");
          }),
      ),
    );
    await stopBackground(worker, embedded);
  });
}

/** After the web side has stopped: the background worker, then the database. */
async function stopBackground(worker: ReturnType<typeof startWorker> | null, embedded: EmbeddedDatabase | null): Promise<void> {
  await worker?.stop();
  await disconnectDb().catch(() => {});
  await embedded?.stop().catch((err) => log.warn({ err }, "embedded database did not stop cleanly"));
  log.info("Stopped");
}

async function main() {
  if (cluster.isWorker) return webProcess();
  const { env, embedded } = await prepare();
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  if (!dev && !existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) await build();
  if (env.DEBRIEF_WEB_PROCESSES > 1 && !dev) return primary(env, embedded);

  log.info(dev ? "Starting the web app in development mode…" : "Starting the web app…");
  const web = await serveWeb(env);
  log.info({ url: `http://${env.HOST}:${web.port}`, startupMs: Date.now() - startedAt }, `Debrief is ready on http://${env.HOST}:${web.port}`);

  const worker = env.DEBRIEF_WORKER === "1" ? startWorker() : null;
  onShutdown(async (signal) => {
    log.info({ signal }, "Shutting down: finishing requests in flight…");
    await web.close();
    await stopBackground(worker, embedded);
  });
}

main().catch((err) => {
  if (err instanceof EnvError) {
    console.error(`\n${err.message}\n\nSee README.md, "Configuration", for every variable.\n`);
  } else {
    log.fatal({ err }, "Debrief could not start");
  }
  process.exit(1);
});
