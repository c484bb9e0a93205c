/**
 * Server side of the close events: what extensions throw to refuse a connection (Hocuspocus
 * sends `reason` to the provider as "permission denied") or to close a document connection
 * (Hocuspocus uses `code` and `reason`), and the collaboration server's logger.
 */
import { log } from "../log";
import type { CollabCloseEvent } from "./close-events";

export const collabLog = log.child({ component: "collab" });

export class CollabRefusal extends Error {
  readonly code: number;
  readonly reason: string;

  constructor(event: CollabCloseEvent) {
    // No message: Hocuspocus prints a hook error's message to the console; we log structured lines instead.
    super("");
    this.name = "CollabRefusal";
    this.code = event.code;
    this.reason = event.reason;
    // Hocuspocus prints the error of a closed connection; the reason is all there is to say.
    this.stack = `CollabRefusal: ${event.reason}`;
  }
}

/** What the connection context holds once authenticated (set by the authentication extension). */
export type CollabContext = { userId: string; reviewId: string; document: string; mode: "write" | "read" };

export function isCollabContext(value: unknown): value is CollabContext {
  const v = value as Partial<CollabContext> | null;
  return typeof v?.userId === "string" && typeof v.reviewId === "string" && (v.mode === "write" || v.mode === "read");
}
