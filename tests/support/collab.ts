/**
 * Collaboration test helpers: a real collaboration server on a free port (in this process),
 * real Hocuspocus providers over real WebSockets, tokens, and polling waits.
 */
import http from "node:http";
import { randomBytes } from "node:crypto";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { narrativeDocumentName } from "../../lib/collaboration/document-name";
import { narrativeSnapshot, NARRATIVE_FIELD } from "../../lib/collaboration/narrative-snapshot";
import { createCollaborationServer, type CollaborationServer, type CollaborationServerOptions } from "../../lib/collaboration/server";
import { signCollabToken } from "../../lib/collaboration/token";
import { freePort } from "./ports";

export type TestCollabServer = { url: string; port: number; secret: string; collab: CollaborationServer; close: () => Promise<void> };

/** A collaboration server on 127.0.0.1, as lib/server/main.ts runs it (an http.Server taking upgrades on /collab). */
export async function startCollabServer(options: Partial<CollaborationServerOptions> = {}, port?: number): Promise<TestCollabServer> {
  const secret = options.secret ?? randomBytes(32).toString("base64url");
  const collab = await createCollaborationServer({ ...options, secret });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  collab.attach(server);
  const p = port ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(p, "127.0.0.1", resolve));
  return {
    url: `ws://127.0.0.1:${p}/collab`,
    port: p,
    secret,
    collab,
    async close() {
      await collab.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A token for `userId` to open the narrative of `reviewId` (or `document`). */
export function tokenFor(secret: string, userId: string, reviewId: string, options: { document?: string; now?: number; ttlS?: number } = {}): string {
  const document = options.document ?? narrativeDocumentName(reviewId);
  return signCollabToken({ userId, reviewId, document }, secret, options).token;
}

export type TestClient = {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
  /** Why the server refused to authenticate (each time), and why documents or sockets were closed. */
  refusals: string[];
  closes: string[];
  /** Updates the server answered "not applied" (read-only connections). */
  rejectedUpdates: () => number;
  /** "read-write" or "readonly" once authenticated. */
  scope: () => string | null;
  /** The narrative's plain text as this client sees it (built like the server builds it). */
  text: () => string;
  destroy: () => void;
};

/** A real provider connected to `url`, as a browser's would be (reconnects quickly for tests). */
export function connectClient(opts: { url: string; document: string; token: string | (() => string); doc?: Y.Doc }): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: opts.url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 400, factor: 1.5 });
  const refusals: string[] = [];
  const closes: string[] = [];
  let scope: string | null = null;
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: opts.document,
    document: doc,
    token: typeof opts.token === "function" ? async () => (opts.token as () => string)() : opts.token,
    onAuthenticationFailed: ({ reason }) => void refusals.push(reason),
    onAuthenticated: ({ scope: s }) => void (scope = s),
    onClose: ({ event }) => void closes.push(event.reason),
  });
  let rejected = 0;
  provider.on("message", ({ event }: { event: MessageEvent }) => {
    if (syncStatus(new Uint8Array(event.data as ArrayBuffer)) === false) rejected += 1;
  });
  provider.attach();
  return {
    provider,
    socket,
    doc,
    refusals,
    closes,
    rejectedUpdates: () => rejected,
    scope: () => scope,
    text: () => narrativeSnapshot(Y.encodeStateAsUpdate(doc)).text,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** The server's "update applied?" answer (message type 8), or null for any other message. */
function syncStatus(message: Uint8Array): boolean | null {
  let pos = 0;
  const varUint = () => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const b = message[pos++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
    }
  };
  const nameLength = varUint();
  pos += nameLength; // the document name
  return varUint() === 8 ? message[pos] === 1 : null;
}

/** Appends a paragraph to the narrative, as Tiptap's collaboration binding would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(NARRATIVE_FIELD).push([paragraph]);
}

/** Polls `predicate` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Connected, authenticated and synced, with nothing left unacknowledged. */
export const settled = (c: TestClient) => c.provider.synced && c.provider.unsyncedChanges === 0;

/** A Hocuspocus message as the provider writes it: varString(document), then varUints and varUint8Arrays. */
export function encodeMessage(document: string, ...parts: (number | Uint8Array)[]): Uint8Array {
  const out: number[] = [];
  const varUint = (n: number) => {
    while (n > 0x7f) {
      out.push(0x80 | (n & 0x7f));
      n = Math.floor(n / 128);
    }
    out.push(n);
  };
  const bytes = (b: Uint8Array) => {
    varUint(b.byteLength);
    out.push(...b);
  };
  bytes(new TextEncoder().encode(document));
  for (const part of parts) {
    if (typeof part === "number") varUint(part);
    else bytes(part);
  }
  return Uint8Array.from(out);
}
