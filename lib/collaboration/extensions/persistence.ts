/**
 * Persistence through @hocuspocus/extension-database: documents are loaded from and stored to
 * PostgreSQL by the domain use cases in ../store-document.ts (Yjs state + Tiptap JSON + text).
 * Hocuspocus calls `store` debounced while people type, and at once when the last one leaves.
 */
import { Database } from "@hocuspocus/extension-database";
import type { Extension } from "@hocuspocus/server";
import { collabLog } from "../refusal";
import { loadCollabDocumentState, storeCollabDocument } from "../store-document";

export function persistenceExtension(): Extension {
  const database = new Database({
    fetch: async ({ documentName }) => {
      const started = performance.now();
      const state = await loadCollabDocumentState(documentName);
      collabLog.debug({ event: "collab_loaded", document: documentName, stateBytes: state?.byteLength ?? 0, ms: Math.round(performance.now() - started) }, "document loaded");
      return state;
    },
    store: async ({ documentName, state }) => {
      const started = performance.now();
      try {
        const stored = await storeCollabDocument(documentName, state);
        collabLog.debug({ event: "collab_stored", document: documentName, stateBytes: stored.stateBytes, textLength: stored.textLength, ms: Math.round(performance.now() - started) }, "document stored");
      } catch (err) {
        // Hocuspocus keeps the document in memory and stores it again on the next change.
        collabLog.error({ err, document: documentName }, "storing a collaborative document failed");
        throw err;
      }
    },
  });
  return Object.assign(database, { extensionName: "debrief-persistence" });
}
