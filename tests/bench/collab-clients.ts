/**
 * Clients for the collaboration benchmark, all in this process (one clock): Hocuspocus providers
 * for Debrief's server and plain Yjs-over-WebSocket clients for the bare baseline, and the typing
 * workload that measures how long an edit takes to reach everyone else.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

export type BenchClient = { doc: Y.Doc; ready: Promise<void>; close: () => void };

/** A standard @hocuspocus/provider client, as a browser or script would connect. */
export function hocuspocusClient(url: string, document: string, token: string): BenchClient {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  let settle: (error?: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: document,
    document: doc,
    token,
    onSynced: () => settle(),
    onAuthenticationFailed: ({ reason }) => settle(new Error(`refused: ${reason}`)),
  });
  provider.attach();
  return {
    doc,
    ready,
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** A client of the bare echo server: updates out as they happen, updates in applied as "remote". */
export function bareClient(url: string, room: string): BenchClient {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${url}/${encodeURIComponent(room)}`);
  ws.binaryType = "nodebuffer";
  const ready = new Promise<void>((resolve, reject) => {
    ws.once("message", () => resolve());
    ws.once("error", reject);
  });
  ws.on("message", (data: Buffer) => Y.applyUpdate(doc, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), "remote"));
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote" && ws.readyState === ws.OPEN) ws.send(update);
  });
  return { doc, ready, close: () => ws.close() };
}

/** The text all typing goes into: the first paragraph of Tiptap's field. */
function typingText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment("default").get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

export type Group = { typist: BenchClient; readers: BenchClient[] };
export type TypingResult = { latenciesMs: number[]; edits: number; missing: number };

async function waitUntil(what: string, predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * In every group the typist types `rate` characters a second for `durationS` seconds; each reader
 * records, for every character, the time from the keystroke to its arrival. The first
 * `warmupEdits` of each typist are not counted. Typists start staggered over one interval.
 */
export async function typeAndMeasure(groups: Group[], options: { rate: number; durationS: number; warmupEdits?: number }): Promise<TypingResult> {
  const warmup = options.warmupEdits ?? 5;
  for (const { typist } of groups) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("")]);
    typist.doc.getXmlFragment("default").push([paragraph]);
  }
  await waitUntil("every reader to see its typist's paragraph", () => groups.every((g) => g.readers.every((r) => typingText(r.doc) !== null)), 30_000);

  const latenciesMs: number[] = [];
  const total = Math.round(options.rate * options.durationS);
  /** Per group: when the typist typed character k (1-based). */
  const sentAt = groups.map(() => [] as number[]);
  const cleanups: (() => void)[] = [];
  groups.forEach(({ readers }, i) => {
    for (const reader of readers) {
      let seen = 0;
      const onUpdate = () => {
        const now = performance.now();
        const length = typingText(reader.doc)?.length ?? 0;
        for (let k = seen + 1; k <= length; k++) if (k > warmup && sentAt[i]![k] !== undefined) latenciesMs.push(now - sentAt[i]![k]!);
        seen = Math.max(seen, length);
      };
      reader.doc.on("update", onUpdate);
      cleanups.push(() => reader.doc.off("update", onUpdate));
    }
  });

  const intervalMs = 1000 / options.rate;
  await Promise.all(
    groups.map(async (group, i) => {
      const text = typingText(group.typist.doc)!;
      await new Promise((r) => setTimeout(r, (intervalMs * i) / groups.length));
      const started = performance.now();
      for (let n = 1; n <= total; n++) {
        const wait = started + n * intervalMs - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        sentAt[i]![n] = performance.now();
        text.insert(text.length, "x");
      }
    }),
  );
  // Let the last edits arrive, then count what never did.
  await waitUntil("the last edits to arrive", () => groups.every((g) => g.readers.every((r) => (typingText(r.doc)?.length ?? 0) >= total)), 15_000).catch(() => {});
  for (const c of cleanups) c();
  const missing = groups.reduce((sum, g) => sum + g.readers.reduce((s, r) => s + Math.max(0, total - (typingText(r.doc)?.length ?? 0)), 0), 0);
  return { latenciesMs, edits: total * groups.length, missing };
}
