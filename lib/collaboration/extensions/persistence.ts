/**
 * Persistence through @hocuspocus/extension-database: documents are loaded from and stored to
 * PostgreSQL by the domain use cases in ../store-document.ts (Yjs state + Tiptap JSON + text).
 * Hocuspocus calls `store` debounced while people type, and at once when the last one leaves.
 * Stores run a few at a time: documents whose debounce timers fire together (many people typing
 * since the same moment) would otherwise do their CPU work in one block, and everyone's
 * keystrokes would wait behind it.
 */
import { Database } from "@hocuspocus/extension-database";
import type { Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import { collabLog } from "../refusal";
import { loadCollabDocumentState, storeCollabDocument } from "../store-document";

/** Runs at most `concurrency` of the given tasks at once, in order. */
function limiter(concurrency: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

export function persistenceExtension(options: { concurrentStores?: number } = {}): Extension {
  const limit = limiter(options.concurrentStores ?? 2);
  const database = new Database({
    fetch: async ({ documentName }) => {
      const started = performance.now();
      const state = await loadCollabDocumentState(documentName);
      collabLog.debug({ event: "collab_loaded", document: documentName, stateBytes: state?.byteLength ?? 0, ms: Math.round(performance.now() - started) }, "document loaded");
      return state;
    },
    store: ({ documentName, document }) =>
      limit(async () => {
        const started = performance.now();
        try {
          // Encoded now, not when queued: the freshest state.
          const stored = await storeCollabDocument(documentName, Y.encodeStateAsUpdate(document));
          collabLog.debug({ event: "collab_stored", document: documentName, stateBytes: stored.stateBytes, textLength: stored.textLength, ms: Math.round(performance.now() - started) }, "document stored");
        } catch (err) {
          // Hocuspocus keeps the document in memory and stores it again on the next change.
          collabLog.error({ err, document: documentName }, "storing a collaborative document failed");
          throw err;
        }
      }),
  });
  return Object.assign(database, { extensionName: "debrief-persistence" });
}
