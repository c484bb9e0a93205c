/**
 * Why the collaboration server refuses or ends a connection, shared with the client (browser
 * code may import this file: it has no dependencies). A refusal at connect time reaches the
 * provider as `onAuthenticationFailed({ reason })`; a document closed later (access revoked,
 * an oversized or malformed update) as `onClose({ event: { reason } })` — the Hocuspocus
 * protocol carries the reason string, so clients switch on `reason`. The codes are used where a
 * whole WebSocket is closed (server shutdown) and in logs.
 */
export const COLLAB_CLOSE = {
  /** The token is missing, not ours, or forged. */
  invalidToken: { code: 4401, reason: "invalid-token" },
  /** The token's five minutes are over: ask the web app for a new one. */
  tokenExpired: { code: 4401, reason: "token-expired" },
  /** The token was minted for another document (e.g. another review's narrative). */
  wrongDocument: { code: 4403, reason: "token-for-another-document" },
  /** Not a document name this server knows. */
  unknownDocument: { code: 4404, reason: "unknown-document" },
  /** Not a participant (or admin) of the review, or the account is deactivated. */
  forbidden: { code: 4403, reason: "forbidden" },
  /** The review's accounts are not revealed yet: the session has not started. */
  notRevealed: { code: 4409, reason: "not-revealed" },
  /** Was connected, but is no longer a participant (removed, deactivated). */
  accessRevoked: { code: 4403, reason: "access-revoked" },
  /** Still allowed, but with other rights (e.g. read-only once published): reconnect with a new token. */
  accessChanged: { code: 4409, reason: "access-changed" },
  /** The change would make the document larger than the limit; it was not applied. */
  documentTooLarge: { code: 4413, reason: "document-too-large" },
  /** A message too large to be a reasonable edit or presence update. */
  messageTooLarge: { code: 4413, reason: "message-too-large" },
  /** An update that is not valid Yjs; nothing was applied. */
  malformedUpdate: { code: 4400, reason: "malformed-update" },
  /** The server is restarting; the client reconnects by itself. */
  serverRestart: { code: 1012, reason: "server-restart" },
} as const;

export type CollabCloseName = keyof typeof COLLAB_CLOSE;
export type CollabCloseEvent = (typeof COLLAB_CLOSE)[CollabCloseName];

const MESSAGES: Record<CollabCloseName, string> = {
  invalidToken: "The connection to the narrative was refused. Reload the page to try again.",
  tokenExpired: "The connection to the narrative timed out. Reload the page to reconnect.",
  wrongDocument: "The connection to the narrative was refused. Reload the page to try again.",
  unknownDocument: "This document does not exist.",
  forbidden: "Only the review's participants can open its narrative.",
  notRevealed: "The narrative opens when the accounts are revealed.",
  accessRevoked: "You are no longer a participant of this review, so the narrative was closed.",
  accessChanged: "Your access to the narrative changed. Reload the page to continue.",
  documentTooLarge: "The narrative has reached its size limit: your last change was not saved. Shorten it or split it up.",
  messageTooLarge: "Your last change was too large to send. Paste it in smaller parts.",
  malformedUpdate: "Your last change could not be read by the server and was not saved. Reload the page.",
  serverRestart: "The server is restarting; reconnecting…",
};

/** The close event with this reason, if it is one of ours. */
export function collabCloseByReason(reason: string | undefined | null): CollabCloseName | null {
  const found = (Object.keys(COLLAB_CLOSE) as CollabCloseName[]).find((name) => COLLAB_CLOSE[name].reason === reason);
  return found ?? null;
}

/** A sentence for people about why the narrative's connection was refused or closed. */
export function describeCollabClose(reason: string | undefined | null): string | null {
  const name = collabCloseByReason(reason);
  return name ? MESSAGES[name] : null;
}

/** Refusals a client should not retry with the same token (it needs a new one, or none will do). */
export function isFinalCollabClose(reason: string | undefined | null): boolean {
  const name = collabCloseByReason(reason);
  return name !== null && name !== "serverRestart";
}
