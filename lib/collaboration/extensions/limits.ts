/**
 * Limits: every incoming update is checked before it touches the document. Malformed updates
 * (not valid Yjs) and changes that would make the document larger than the limits are refused
 * — the document connection is closed with a reason the client understands, nothing is applied,
 * nothing stored. Sizes are tracked cheaply (bytes received since the last exact measure, an
 * upper bound of the growth); the exact, costlier measure runs only near a limit.
 */
import type { Document, Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import { COLLAB_CLOSE, type CollabCloseEvent } from "../close-events";
import { narrativeSnapshot } from "../narrative-snapshot";
import { collabLog, CollabRefusal, isCollabContext } from "../refusal";
import { peekMessage } from "../wire";

export type CollabLimits = {
  /** The Yjs state (content plus history), as stored. */
  maxStateBytes: number;
  /** The narrative's plain text, UTF-8. */
  maxTextBytes: number;
  /** One presence (cursor, name) update. */
  maxAwarenessBytes: number;
};

export const DEFAULT_LIMITS: CollabLimits = { maxStateBytes: 1024 * 1024, maxTextBytes: 200 * 1024, maxAwarenessBytes: 64 * 1024 };

type Size = { stateBytes: number; textBytes: number; receivedSince: number };

function measure(state: Uint8Array): Size {
  return { stateBytes: state.byteLength, textBytes: Buffer.byteLength(narrativeSnapshot(state).text, "utf8"), receivedSince: 0 };
}

/** The document's size if `update` were applied, computed on a copy. */
function sizeAfter(document: Document, update: Uint8Array): Size {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
    Y.applyUpdate(copy, update);
    return measure(Y.encodeStateAsUpdate(copy));
  } finally {
    copy.destroy();
  }
}

function isValidUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

export function limitsExtension(limits: CollabLimits = DEFAULT_LIMITS): Extension {
  const sizes = new WeakMap<Document, Size>();
  const within = (s: Size) => s.stateBytes <= limits.maxStateBytes && s.textBytes <= limits.maxTextBytes;

  return {
    extensionName: "debrief-limits",
    priority: 150,
    async afterLoadDocument({ document }) {
      sizes.set(document, measure(Y.encodeStateAsUpdate(document)));
    },
    async onChange({ document, update }) {
      const size = sizes.get(document);
      if (size) size.receivedSince += update.byteLength;
    },
    async beforeHandleMessage({ connection, update: message, document, documentName, context }) {
      const refuse = (event: CollabCloseEvent, fields: Record<string, unknown>) => {
        const userId = isCollabContext(context) ? context.userId : undefined;
        collabLog.warn({ event: "collab_update_refused", reason: event.reason, document: documentName, userId, ...fields }, "collaboration update refused");
        return new CollabRefusal(event);
      };
      const peeked = peekMessage(message);
      if (peeked.kind === "malformed") throw refuse(COLLAB_CLOSE.malformedUpdate, { messageBytes: message.byteLength });
      if (peeked.kind === "awareness") {
        if (peeked.bytes > limits.maxAwarenessBytes) throw refuse(COLLAB_CLOSE.messageTooLarge, { awarenessBytes: peeked.bytes });
        return;
      }
      // Read-only connections' updates are answered "not applied" by Hocuspocus itself.
      if (peeked.kind !== "update" || connection.readOnly) return;
      const { update } = peeked;
      if (update.byteLength > limits.maxStateBytes) throw refuse(COLLAB_CLOSE.documentTooLarge, { updateBytes: update.byteLength });
      if (!isValidUpdate(update)) throw refuse(COLLAB_CLOSE.malformedUpdate, { updateBytes: update.byteLength });

      const known = sizes.get(document) ?? measure(Y.encodeStateAsUpdate(document));
      const growth = known.receivedSince + update.byteLength;
      if (within({ stateBytes: known.stateBytes + growth, textBytes: known.textBytes + growth, receivedSince: 0 })) return;

      // Near a limit: measure exactly. Changes that shrink an oversized document stay allowed.
      const after = sizeAfter(document, update);
      if (within(after)) {
        sizes.set(document, after);
        return;
      }
      const now = measure(Y.encodeStateAsUpdate(document));
      sizes.set(document, now);
      if (after.stateBytes > now.stateBytes || after.textBytes > now.textBytes) {
        throw refuse(COLLAB_CLOSE.documentTooLarge, { stateBytes: after.stateBytes, textBytes: after.textBytes });
      }
    },
  };
}
