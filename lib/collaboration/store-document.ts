/**
 * Persists a collaborative document: its Yjs state (the source of truth, what the server loads)
 * and, beside it, a Tiptap JSON snapshot and its plain text, so the rest of Debrief can render,
 * export and search the narrative without Yjs.
 */
import { db } from "../db/client";
import { parseDocumentName } from "./document-name";
import { narrativeSnapshot } from "./narrative-snapshot";

export type StoredDocument = { name: string; stateBytes: number; textLength: number };

/** Stores `state` as document `name` (created on first store). */
export async function storeCollabDocument(name: string, state: Uint8Array): Promise<StoredDocument> {
  const ref = parseDocumentName(name);
  if (!ref) throw new Error(`Not a collaborative document name: ${JSON.stringify(name)}`);
  const { json, text } = narrativeSnapshot(state);
  const content = json as object;
  const bytes = Uint8Array.from(state);
  await db().collabDocument.upsert({
    where: { name },
    create: { name, reviewId: ref.reviewId, state: bytes, json: content, text },
    update: { state: bytes, json: content, text },
  });
  return { name, stateBytes: state.byteLength, textLength: text.length };
}

/** The stored Yjs state of document `name`, or null when it was never stored. */
export async function loadCollabDocumentState(name: string): Promise<Uint8Array | null> {
  const row = await db().collabDocument.findUnique({ where: { name }, select: { state: true } });
  return row ? new Uint8Array(row.state) : null;
}
