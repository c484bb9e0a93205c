/**
 * `npm start`: one process serving Debrief on a single machine. Provides the database
 * (embedded unless DATABASE_URL is set), migrates, builds the web app when there is no build,
 * then serves it with request ids, JSON request logs and graceful shutdown on SIGTERM.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { collaborationServerFromEnv } from "../collaboration/from-env";
import { disconnectDb } from "../db/client";
import { EnvError } from "../env";
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

async function main() {
  const { env, embedded } = await prepare();
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  if (!dev && !existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) await build();

  log.info(dev ? "Starting the web app in development mode…" : "Starting the web app…");
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
    res.on("finish", () => {
      const path = (req.url ?? "").split("?")[0]!;
      const entry = { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - t0) };
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
  const port = typeof address === "object" && address ? address.port : env.PORT;
  log.info({ url: `http://${env.HOST}:${port}`, startupMs: Date.now() - startedAt }, `Debrief is ready on http://${env.HOST}:${port}`);

  const worker = env.DEBRIEF_WORKER === "1" ? startWorker() : null;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "Shutting down: finishing requests in flight…");
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
    await worker?.stop();
    await app.close?.().catch(() => {});
    await disconnectDb().catch(() => {});
    await embedded?.stop().catch((err) => log.warn({ err }, "embedded database did not stop cleanly"));
    log.info("Stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  if (err instanceof EnvError) {
    console.error(`\n${err.message}\n\nSee README.md, "Configuration", for every variable.\n`);
  } else {
    log.fatal({ err }, "Debrief could not start");
  }
  process.exit(1);
});
