/**
 * `npm run collab`: the collaboration server alone, on COLLAB_PORT (WebSockets on /collab,
 * `GET /health` for load balancers). Run several behind a load balancer with REDIS_URL set; set
 * DEBRIEF_COLLAB=0 on the web app and COLLAB_PUBLIC_URL to where browsers reach these.
 */
import http from "node:http";
import { collaborationServerFromEnv } from "../collaboration/from-env";
import { COLLAB_PATH, isCollabPath } from "../collaboration/server-path";
import { disconnectDb } from "../db/client";
import { EnvError } from "../env";
import { log } from "../log";
import { prepare } from "./prepare";

async function main() {
  if (!process.env.DATABASE_URL) throw new EnvError(["DATABASE_URL: the collaboration server needs the same PostgreSQL as the web app"]);
  const { env, embedded } = await prepare();
  const collab = await collaborationServerFromEnv(env);
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/health") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok", documents: collab.hocuspocus.getDocumentsCount() }));
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end(`Debrief's collaboration server: open a WebSocket to ${COLLAB_PATH}.\n`);
  });
  collab.attach(server);
  // Nothing else here speaks WebSocket.
  server.on("upgrade", (req, socket) => {
    if (!isCollabPath(req.url)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.COLLAB_PORT, env.HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.COLLAB_PORT;
  log.info({ url: `ws://${env.HOST}:${port}${COLLAB_PATH}`, redis: Boolean(env.REDIS_URL) }, `Collaboration server ready on ws://${env.HOST}:${port}${COLLAB_PATH}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "Collaboration server shutting down: storing documents…");
    await collab.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await disconnectDb().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  if (err instanceof EnvError) console.error(`\n${err.message}\n`);
  else log.fatal({ err }, "The collaboration server could not start");
  process.exit(1);
});
