/**
 * The collaboration server: Hocuspocus 4 with Debrief's extensions, fed by a `ws` server that
 * takes WebSocket upgrades on /collab from any Node http.Server — the web app's own (same port,
 * lib/server/main.ts) or a dedicated one (lib/server/collab-main.ts). With a Redis URL, several
 * instances share documents through @hocuspocus/extension-redis (imported only then).
 */
import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type Extension } from "@hocuspocus/server";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { COLLAB_CLOSE } from "./close-events";
import { COLLAB_PATH, isCollabPath } from "./server-path";
import { accessWatchExtension } from "./extensions/access-watch";
import { authenticationExtension } from "./extensions/authentication";
import { DEFAULT_LIMITS, limitsExtension, type CollabLimits } from "./extensions/limits";
import { loggingExtension } from "./extensions/logging";
import { persistenceExtension } from "./extensions/persistence";
import { redisExtension } from "./redis";
import { collabLog, type CollabContext } from "./refusal";

export type CollaborationServerOptions = {
  /** Verifies tokens (token.ts collabSecret()). */
  secret: string;
  /** redis:// URL: share documents with other instances. */
  redisUrl?: string;
  /** Store this long after the last change… */
  debounceMs?: number;
  /** …but at least this often while people keep typing. */
  maxDebounceMs?: number;
  /** How often open connections' access is re-checked. */
  accessCheckMs?: number;
  limits?: Partial<CollabLimits>;
};

export type CollaborationServer = {
  hocuspocus: Hocuspocus<CollabContext>;
  /** Takes upgrades to /collab on `server`; leaves every other path to whoever else listens (Next). */
  attach: (server: HttpServer) => void;
  /** Re-checks every open connection's access now (the timer does this every `accessCheckMs`). */
  checkAccessNow: () => Promise<void>;
  /** Closes every connection (clients reconnect elsewhere or later), stores every document, then stops. */
  stop: () => Promise<void>;
};

/** The request as Hocuspocus 4 wants it (a fetch Request), from Node's upgrade request. */
function fetchRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  headers.set("x-debrief-client-ip", req.socket.remoteAddress ?? "unknown");
  let url: URL;
  try {
    url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(COLLAB_PATH, "http://localhost"); // a Host header no URL can hold: nothing depends on it
  }
  return new Request(url, { headers });
}

const toBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

export async function createCollaborationServer(options: CollaborationServerOptions): Promise<CollaborationServer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const watch = accessWatchExtension({ intervalMs: options.accessCheckMs ?? 3_000 });
  const extensions: Extension[] = [
    loggingExtension(),
    authenticationExtension({ secret: options.secret }),
    limitsExtension(limits),
    persistenceExtension(),
    watch,
  ];
  if (options.redisUrl) extensions.push(await redisExtension(options.redisUrl));

  const hocuspocus = new Hocuspocus<CollabContext>({
    name: "debrief-collab",
    quiet: true,
    debounce: options.debounceMs ?? 1_000,
    maxDebounce: options.maxDebounceMs ?? 5_000,
    unloadImmediately: true,
    extensions,
  });

  // Frames above the document limit (plus framing) are cut by ws itself (close code 1009).
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxStateBytes + 64 * 1024 });
  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    let connection: ReturnType<typeof hocuspocus.handleConnection>;
    try {
      connection = hocuspocus.handleConnection(ws, fetchRequest(req));
    } catch (err) {
      collabLog.warn({ err }, "could not accept a collaboration connection");
      ws.terminate();
      return;
    }
    ws.on("message", (data) => connection.handleMessage(toBytes(data)));
    ws.on("close", (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
    ws.on("error", (err) => collabLog.debug({ err: { message: err.message } }, "collaboration socket error"));
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isCollabPath(req.url)) return;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  const attached = new Set<HttpServer>();

  let stopping: Promise<void> | null = null;
  async function stop(): Promise<void> {
    for (const server of attached) server.off("upgrade", onUpgrade);
    for (const ws of wss.clients) {
      ws.close(COLLAB_CLOSE.serverRestart.code, COLLAB_CLOSE.serverRestart.reason);
      setTimeout(() => ws.terminate(), 1_000).unref();
    }
    hocuspocus.flushPendingStores();
    // Documents unload once stored; give slow stores a while, then give up (they were debounced anyway).
    const deadline = Date.now() + 10_000;
    while ((hocuspocus.getDocumentsCount() > 0 || wss.clients.size > 0) && Date.now() < deadline) {
      hocuspocus.flushPendingStores();
      await new Promise((r) => setTimeout(r, 50));
    }
    if (hocuspocus.getDocumentsCount() > 0) collabLog.warn({ documents: hocuspocus.getDocumentsCount() }, "documents still open at shutdown");
    await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return {
    hocuspocus,
    attach(server) {
      attached.add(server);
      server.on("upgrade", onUpgrade);
    },
    checkAccessNow: watch.checkNow,
    stop: () => (stopping ??= stop()),
  };
}
